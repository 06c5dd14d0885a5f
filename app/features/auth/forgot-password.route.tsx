import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { emailLinkOrigin } from "~/lib/env.server";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { flushOutboxInBackground } from "~/lib/mail.server";
import { redirectWithFlash } from "~/lib/session.server";
import { parseRequestForm } from "~/lib/validation.server";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { Form, FormErrorSummary, SubmitButton, TextField, useZodForm } from "~/ui/form";
import { requestPasswordReset } from "./password-reset.server";
import { ForgotPasswordSchema } from "./schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await getTranslator(request);
  return { title: t("auth:forgotPassword.title") };
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = await parseRequestForm(request, ForgotPasswordSchema);
  if (!parsed.success) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  const queued = await requestPasswordReset({
    email: parsed.data.email,
    origin: emailLinkOrigin(request),
    t: parsed.t,
  });
  // One answer whether or not the email has an account, so this form cannot be used to find out who does; and the
  // email leaves after the answer, so neither can the time the answer takes.
  if (queued) flushOutboxInBackground();
  return redirectWithFlash("/sign-in", { kind: "info", message: "auth:forgotPassword.sent" });
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const form = useZodForm(ForgotPasswordSchema, { defaultValues: { email: "" }, actionData });
  return (
    <section className="card card--narrow auth-card" aria-labelledby="forgot-password-title">
      <h1 id="forgot-password-title">{t("forgotPassword.title")}</h1>
      <p className="muted">{t("forgotPassword.intro")}</p>
      <Form method="post" noValidate onSubmit={form.onSubmit} ref={form.formRef} className="auth-form">
        <FormErrorSummary form={form} />
        <TextField form={form} name="email" label={t("fields.email")} type="email" autoComplete="email" required />
        <SubmitButton className="button button--primary auth-form__submit">{t("forgotPassword.submit")}</SubmitButton>
      </Form>
      <p className="auth-card__links">
        <Link to="/sign-in">{t("forgotPassword.backToSignIn")}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => pageTitle(data?.title, meta);

export const ErrorBoundary = GeneralErrorBoundary;
