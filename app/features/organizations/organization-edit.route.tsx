import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ratings } from "~/features/programs/catalogues";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { redirectWithFlash } from "~/lib/session.server";
import { parseRequestForm } from "~/lib/validation.server";
import { PageHeader } from "~/ui/bits";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { requireOrganizationAccess } from "./access.server";
import { OrganizationForm } from "./organization-form";
import { type OrganizationRecord, updateOrganization } from "./organizations.server";
import { canEditOrganization } from "./permissions";
import { type OrganizationFormValues, OrganizationSchema } from "./schemas";

/** The form as the organisation stands now. */
function formValuesOf(organization: OrganizationRecord): OrganizationFormValues {
  const common = {
    name: organization.name,
    district: organization.district,
    street: organization.street,
    community: organization.community,
    contactName: organization.contactName,
    contactPhone: organization.contactPhone,
    address: organization.address,
    introduction: organization.introduction,
    serviceExperience: organization.serviceExperience,
    bankAccountName: organization.bankAccountName ?? "",
    bankAccountNumber: organization.bankAccountNumber ?? "",
    bankName: organization.bankName ?? "",
  };
  if (organization.kind === "registered") {
    return {
      ...common,
      kind: "registered",
      uscc: organization.uscc ?? "",
      registeredOn: organization.registeredOn ?? "",
      rating: ratings.find((rating) => rating === organization.rating) ?? "",
      ratingExpiresOn: organization.ratingExpiresOn ?? "",
    };
  }
  return {
    ...common,
    kind: "filed_team",
    sponsorCommunity: organization.sponsorCommunity ?? "",
    filingNumber: organization.filingNumber ?? "",
    responsiblePerson: organization.responsiblePerson ?? "",
    filedOn: organization.registeredOn ?? "",
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrganizationAccess(request, params, canEditOrganization);
  const { t } = await getTranslator(request);
  return {
    title: `${t("organizations:edit.title")} · ${organization.name}`,
    organization: { id: organization.id, name: organization.name },
    values: formValuesOf(organization),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, organization } = await requireOrganizationAccess(request, params, canEditOrganization);
  const parsed = await parseRequestForm(request, OrganizationSchema);
  if (!parsed.success) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  const result = await updateOrganization(organization.id, parsed.data, actor.userId);
  if (!result.ok) {
    return data(
      { fieldErrors: { uscc: parsed.t("organizations:errors.usccTaken") }, values: parsed.values },
      { status: 400 },
    );
  }
  return redirectWithFlash(`/organizations/${organization.id}`, {
    kind: "success",
    message: "organizations:flash.updated",
  });
}

export default function OrganizationEdit() {
  const { organization, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("organizations");
  return (
    <>
      <PageHeader title={t("edit.title")} subtitle={organization.name} />
      <OrganizationForm
        defaultValues={values}
        actionData={actionData}
        submitLabel={t("edit.submit")}
        cancelTo={`/organizations/${organization.id}`}
      />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => pageTitle(data?.title, meta);

export const ErrorBoundary = GeneralErrorBoundary;
