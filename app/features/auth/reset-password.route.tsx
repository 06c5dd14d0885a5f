import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { redirectWithFlash } from "~/lib/session.server";
import { parseRequestForm } from "~/lib/validation.server";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { Form, FormErrorSummary, SubmitButton, useZodForm } from "~/ui/form";
import { landingPathFor } from "./accounts.server";
import { findUsableReset, resetPassword } from "./password-reset.server";
import { ResetPasswordSchema } from "./schemas";
import { NewPasswordFields } from "./new-password-fields";

// A used or expired link is an expected outcome, not an error page: 410 with a way to ask for a new one.
const GONE = { status: 410 } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t } = await getTranslator(request);
  const reset = await findUsableReset(params.token ?? "");
  if (!reset) return data({ title: t("auth:resetPassword.goneTitle"), email: null }, GONE);
  return { title: t("auth:resetPassword.title"), email: reset.email };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const parsed = await parseRequestForm(request, ResetPasswordSchema);
  // Nothing the user typed here is worth sending back: both fields are passwords.
  if (!parsed.success) return data({ fieldErrors: parsed.fieldErrors, gone: false }, { status: 400 });
  const outcome = await resetPassword(params.token ?? "", parsed.data.password, request);
  if (outcome.status === "gone") return data({ fieldErrors: {}, gone: true }, GONE);
  return redirectWithFlash(
    await landingPathFor(outcome.userId),
    { kind: "success", message: "auth:resetPassword.done" },
    { "Set-Cookie": outcome.cookie },
  );
}

export default function ResetPassword() {
  const { email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const form = useZodForm(ResetPasswordSchema, { defaultValues: { password: "", confirmPassword: "" }, actionData });
  if (email === null || actionData?.gone) {
    return (
      <section className="card card--narrow auth-card" aria-labelledby="reset-title">
        <h1 id="reset-title">{t("resetPassword.goneTitle")}</h1>
        <p>{t("resetPassword.gone")}</p>
        <div className="button-row">
          <Link to="/forgot-password" className="button button--primary">
            {t("resetPassword.askAgain")}
          </Link>
        </div>
      </section>
    );
  }
  return (
    <section className="card card--narrow auth-card" aria-labelledby="reset-title">
      <h1 id="reset-title">{t("resetPassword.title")}</h1>
      <p className="muted">{t("resetPassword.intro", { email })}</p>
      <Form method="post" noValidate onSubmit={form.onSubmit} ref={form.formRef} className="auth-form">
        <FormErrorSummary form={form} />
        {/* Lets password managers file the new password under the right account. */}
        <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
        <NewPasswordFields
          form={form}
          name="password"
          label={t("fields.newPassword")}
          confirmLabel={t("fields.confirmNewPassword")}
        />
        <SubmitButton className="button button--primary auth-form__submit">{t("resetPassword.submit")}</SubmitButton>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => pageTitle(data?.title, meta);

export const ErrorBoundary = GeneralErrorBoundary;
