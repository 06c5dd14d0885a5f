import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { insertFunder } from "~/features/funders/funders.server";
import { FunderSchema } from "~/features/funders/schemas";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { redirectWithFlash } from "~/lib/session.server";
import { parseRequestForm } from "~/lib/validation.server";
import { PageHeader } from "~/ui/bits";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { Form, FormErrorSummary, SubmitButton, useZodForm } from "~/ui/form";
import { AdminNav } from "./admin-ui";
import { requireAdmin } from "./admin.server";
import { emptyFunder, FunderFields } from "./funder-form";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { t } = await getTranslator(request);
  return { title: t("admin:funderNew.title") };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireAdmin(request);
  const parsed = await parseRequestForm(request, FunderSchema);
  if (!parsed.success) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  const funderId = await insertFunder(parsed.data, actor.userId);
  return redirectWithFlash(`/admin/funders/${funderId}`, { kind: "success", message: "funders:flash.created" });
}

export default function AdminFunderNew() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  const form = useZodForm(FunderSchema, { defaultValues: emptyFunder, actionData });
  return (
    <>
      <AdminNav />
      <PageHeader title={t("funderNew.title")} subtitle={t("funderNew.subtitle")} />
      <Form method="post" noValidate onSubmit={form.onSubmit} ref={form.formRef} className="card">
        <FormErrorSummary form={form} />
        <FunderFields form={form} />
        <div className="button-row">
          <SubmitButton>{t("funderNew.submit")}</SubmitButton>
        </div>
      </Form>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => pageTitle(data?.title, meta);

export const ErrorBoundary = GeneralErrorBoundary;
