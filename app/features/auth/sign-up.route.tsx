import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { safeRedirectPath } from "~/lib/http";
import { optionalUser, redirectWithFlash } from "~/lib/session.server";
import { parseRequestForm } from "~/lib/validation.server";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { Form, FormErrorSummary, SubmitButton, TextField, useZodForm } from "~/ui/form";
import { signUp } from "./accounts.server";
import { authLink } from "./links";
import { SignUpSchema, withoutSecrets } from "./schemas";
import { NewPasswordFields } from "./new-password-fields";

const AFTER_SIGN_UP = "/organizations";

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirectPath(url.searchParams.get("redirectTo"), "");
  if (await optionalUser(request)) throw redirect(redirectTo || AFTER_SIGN_UP);
  const { t } = await getTranslator(request);
  return {
    title: t("auth:signUp.title"),
    redirectTo,
    email: url.searchParams.get("email") ?? "",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = await parseRequestForm(request, SignUpSchema);
  const values = withoutSecrets(parsed.values);
  if (!parsed.success) return data({ fieldErrors: parsed.fieldErrors, values }, { status: 400 });
  const { name, email, phone, password, redirectTo } = parsed.data;
  const outcome = await signUp({ name, email, phone, password, locale: parsed.language }, request);
  if (outcome.status === "emailTaken") {
    return data({ fieldErrors: { email: parsed.t("auth:errors.emailTaken") }, values }, { status: 400 });
  }
  return redirectWithFlash(
    safeRedirectPath(redirectTo, "") || (outcome.becameAdmin ? "/admin" : AFTER_SIGN_UP),
    { kind: "success", message: "auth:signUp.welcome" },
    { "Set-Cookie": outcome.cookie },
  );
}

export default function SignUp() {
  const { redirectTo, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const form = useZodForm(SignUpSchema, {
    defaultValues: { name: "", email, phone: "", password: "", confirmPassword: "", redirectTo },
    actionData,
  });
  return (
    <section className="card card--narrow auth-card" aria-labelledby="sign-up-title">
      <h1 id="sign-up-title">{t("signUp.title")}</h1>
      <p className="muted">{t("signUp.intro")}</p>
      <Form method="post" noValidate onSubmit={form.onSubmit} ref={form.formRef} className="auth-form">
        <FormErrorSummary form={form} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          form={form}
          name="name"
          label={t("fields.name")}
          hint={t("hints.name")}
          autoComplete="name"
          required
        />
        <TextField
          form={form}
          name="email"
          label={t("fields.email")}
          hint={t("hints.email")}
          type="email"
          autoComplete="email"
          required
        />
        <TextField
          form={form}
          name="phone"
          label={t("fields.phone")}
          hint={t("hints.phone")}
          type="tel"
          inputMode="tel"
          autoComplete="tel-national"
        />
        <NewPasswordFields
          form={form}
          name="password"
          label={t("fields.password")}
          confirmLabel={t("fields.confirmPassword")}
        />
        <SubmitButton className="button button--primary auth-form__submit">{t("signUp.submit")}</SubmitButton>
      </Form>
      <p className="auth-card__links">
        {t("signUp.haveAccount")} <Link to={authLink("/sign-in", { redirectTo })}>{t("signUp.signInLink")}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => pageTitle(data?.title, meta);

export const ErrorBoundary = GeneralErrorBoundary;
