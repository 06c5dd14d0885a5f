import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { safeRedirectPath } from "~/lib/http";
import { optionalUser } from "~/lib/session.server";
import { nowIso } from "~/lib/time";
import { parseRequestForm } from "~/lib/validation.server";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { Form, FormErrorSummary, SubmitButton, TextField, useZodForm } from "~/ui/form";
import { checkCredentials, landingPathFor, signIn } from "./accounts.server";
import { authLink } from "./links";
import { SignInSchema, withoutSecrets } from "./schemas";
import { minutesToWait, throttleSubjects } from "./throttle";
import { holdAnswer, lockRemainingFor, recordSignInFailure } from "./throttle.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirectPath(url.searchParams.get("redirectTo"), "");
  const user = await optionalUser(request);
  if (user) throw redirect(redirectTo || (await landingPathFor(user.id)));
  const { t } = await getTranslator(request);
  return {
    title: t("auth:signIn.title"),
    redirectTo,
    email: url.searchParams.get("email") ?? "",
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseRequestForm(request, SignInSchema);
  const values = withoutSecrets(parsed.values);
  if (!parsed.success) return data({ fieldErrors: parsed.fieldErrors, values }, { status: 400 });
  const { email, password, redirectTo } = parsed.data;
  const { t } = parsed;
  const lockedAnswer = (remainingMs: number) =>
    data({ formError: t("auth:errors.locked", { minutes: minutesToWait(remainingMs) }), values }, { status: 429 });

  const subjects = throttleSubjects(email, context.clientAddress);
  const now = nowIso();
  const remainingMs = await lockRemainingFor(subjects, now);
  if (remainingMs > 0) return lockedAnswer(remainingMs);

  const credentials = await checkCredentials(email, password);
  if (!credentials.valid || credentials.userId === null) {
    const { delayMs, lockMs } = await recordSignInFailure(subjects, { email, userId: credentials.userId }, now);
    await holdAnswer(delayMs);
    if (lockMs > 0) return lockedAnswer(lockMs);
    // The same words whether the email is unknown or the password wrong, so the form does not reveal who has an account.
    return data({ formError: t("auth:errors.invalidCredentials"), values }, { status: 400 });
  }

  const cookie = await signIn(credentials.userId, email, request);
  const target = safeRedirectPath(redirectTo, "") || (await landingPathFor(credentials.userId));
  return redirect(target, { headers: { "Set-Cookie": cookie } });
}

export default function SignIn() {
  const { redirectTo, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const form = useZodForm(SignInSchema, { defaultValues: { email, password: "", redirectTo }, actionData });
  // A refused password is cleared for the next try, as it is when the page is reloaded without JavaScript.
  const { setValue } = form.rhf;
  useEffect(() => {
    if (actionData) setValue("password", "");
  }, [actionData, setValue]);
  return (
    <section className="card card--narrow auth-card" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t("signIn.title")}</h1>
      <p className="muted">{t("signIn.intro")}</p>
      <Form method="post" noValidate onSubmit={form.onSubmit} ref={form.formRef} className="auth-form">
        <FormErrorSummary form={form} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField form={form} name="email" label={t("fields.email")} type="email" autoComplete="email" required />
        <TextField
          form={form}
          name="password"
          label={t("fields.password")}
          type="password"
          autoComplete="current-password"
          required
        />
        <SubmitButton className="button button--primary auth-form__submit">{t("signIn.submit")}</SubmitButton>
      </Form>
      <div className="auth-card__links">
        <Link to="/forgot-password">{t("signIn.forgotPassword")}</Link>
        <p>
          {t("signIn.noAccount")} <Link to={authLink("/sign-up", { redirectTo })}>{t("signIn.signUpLink")}</Link>
        </p>
      </div>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => pageTitle(data?.title, meta);

export const ErrorBoundary = GeneralErrorBoundary;
