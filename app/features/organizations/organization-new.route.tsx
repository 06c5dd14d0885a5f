import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/lib/actor.server";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { redirectWithFlash, requireUser } from "~/lib/session.server";
import { parseRequestForm } from "~/lib/validation.server";
import { PageHeader } from "~/ui/bits";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { emptyOrganizationValues, OrganizationForm } from "./organization-form";
import { registerOrganization } from "./organizations.server";
import { OrganizationSchema } from "./schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const { t } = await getTranslator(request);
  return { title: t("organizations:new.title") };
}

// Any signed-in user may register an organisation; they become its owner.
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const parsed = await parseRequestForm(request, OrganizationSchema);
  if (!parsed.success) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  const result = await registerOrganization(parsed.data, actor.userId);
  if (!result.ok) {
    return data(
      { fieldErrors: { uscc: parsed.t("organizations:errors.usccTaken") }, values: parsed.values },
      { status: 400 },
    );
  }
  return redirectWithFlash(`/organizations/${result.organizationId}`, {
    kind: "success",
    message: "organizations:flash.registered",
  });
}

export default function OrganizationNew() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("organizations");
  return (
    <>
      <PageHeader title={t("new.title")} subtitle={t("new.intro")} />
      <OrganizationForm
        defaultValues={emptyOrganizationValues}
        actionData={actionData}
        submitLabel={t("new.submit")}
        cancelTo="/organizations"
      />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => pageTitle(data?.title, meta);

export const ErrorBoundary = GeneralErrorBoundary;
