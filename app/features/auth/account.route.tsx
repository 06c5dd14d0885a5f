import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { redirectWithFlash, requireUser } from "~/lib/session.server";
import { nowIso } from "~/lib/time";
import { parseRequestForm } from "~/lib/validation.server";
import { PageHeader } from "~/ui/bits";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { Form, FormErrorSummary, SubmitButton, TextField, useZodForm } from "~/ui/form";
import { changePassword, findAccount, passwordMatches, signOutEverywhere, updateProfile } from "./accounts.server";
import { AccountActionSchema, ChangePasswordSchema, ProfileSchema, withoutSecrets } from "./schemas";
import { emailSubject, minutesToWait } from "./throttle";
import { holdAnswer, lockRemainingFor, recordSignInFailure } from "./throttle.server";
import { NewPasswordFields } from "./new-password-fields";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [{ t }, account] = await Promise.all([getTranslator(request), findAccount(user.id)]);
  return { title: t("auth:account.title"), account };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = await parseRequestForm(request, AccountActionSchema);
  const values = withoutSecrets(parsed.values);
  if (!parsed.success) {
    return data(
      { intent: String(parsed.values.intent ?? ""), fieldErrors: parsed.fieldErrors, values },
      { status: 400 },
    );
  }
  const { t } = parsed;
  const form = parsed.data;
  switch (form.intent) {
    case "profile":
      await updateProfile(user.id, { name: form.name, phone: form.phone });
      return redirectWithFlash("/account", { kind: "success", message: "auth:account.profileSaved" });
    case "password": {
      // Guessing the current password from a borrowed session counts against the same limit as signing in.
      const subjects = [emailSubject(user.email)];
      const now = nowIso();
      const lockedMs = await lockRemainingFor(subjects, now);
      if (lockedMs > 0) {
        const formError = t("auth:errors.locked", { minutes: minutesToWait(lockedMs) });
        return data({ intent: form.intent, formError, values }, { status: 429 });
      }
      if (!(await passwordMatches(user.id, form.currentPassword))) {
        const { delayMs } = await recordSignInFailure(subjects, { email: user.email, userId: user.id }, now);
        await holdAnswer(delayMs);
        const fieldErrors = { currentPassword: t("auth:errors.wrongCurrentPassword") };
        return data({ intent: form.intent, fieldErrors, values }, { status: 400 });
      }
      const cookie = await changePassword(user.id, form.newPassword, request);
      return redirectWithFlash(
        "/account",
        { kind: "success", message: "auth:account.passwordChanged" },
        { "Set-Cookie": cookie },
      );
    }
    case "signOutEverywhere": {
      const cookie = await signOutEverywhere(user.id, request);
      return redirectWithFlash(
        "/sign-in",
        { kind: "info", message: "auth:account.signedOutEverywhere" },
        { "Set-Cookie": cookie },
      );
    }
  }
}

type AccountActionData = ReturnType<typeof useActionData<typeof action>>;

/** The failed submission belongs to the form it came from; the other forms on the page stay as they were. */
function failureFor(intent: string, actionData: AccountActionData) {
  return actionData && "intent" in actionData && actionData.intent === intent ? actionData : undefined;
}

function ProfileForm({ account, actionData }: { account: Account; actionData: AccountActionData }) {
  const { t } = useTranslation("auth");
  const form = useZodForm(ProfileSchema, {
    defaultValues: { intent: "profile", name: account.name, phone: account.phone ?? "" },
    actionData: failureFor("profile", actionData),
  });
  return (
    <section className="card" aria-labelledby="profile-title">
      <h2 id="profile-title">{t("account.profileTitle")}</h2>
      <p className="muted">{t("account.emailNote", { email: account.email })}</p>
      <Form method="post" noValidate onSubmit={form.onSubmit} ref={form.formRef} className="auth-form">
        <FormErrorSummary form={form} />
        <input type="hidden" name="intent" value="profile" />
        <TextField form={form} name="name" label={t("fields.name")} autoComplete="name" required />
        <TextField
          form={form}
          name="phone"
          label={t("fields.phone")}
          hint={t("hints.phone")}
          type="tel"
          inputMode="tel"
          autoComplete="tel-national"
        />
        <div>
          <SubmitButton>{t("account.saveProfile")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

function PasswordForm({ account, actionData }: { account: Account; actionData: AccountActionData }) {
  const { t } = useTranslation("auth");
  const form = useZodForm(ChangePasswordSchema, {
    defaultValues: { intent: "password", currentPassword: "", newPassword: "", confirmPassword: "" },
    actionData: failureFor("password", actionData),
  });
  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title">{t("account.passwordTitle")}</h2>
      <p className="muted">{t("account.passwordIntro")}</p>
      <Form method="post" noValidate onSubmit={form.onSubmit} ref={form.formRef} className="auth-form">
        <FormErrorSummary form={form} />
        <input type="hidden" name="intent" value="password" />
        <input type="email" name="username" value={account.email} autoComplete="username" readOnly hidden />
        <TextField
          form={form}
          name="currentPassword"
          label={t("fields.currentPassword")}
          type="password"
          autoComplete="current-password"
          required
        />
        <NewPasswordFields
          form={form}
          name="newPassword"
          label={t("fields.newPassword")}
          confirmLabel={t("fields.confirmNewPassword")}
        />
        <div>
          <SubmitButton>{t("account.changePassword")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

function SessionsCard({ account }: { account: Account }) {
  const { t } = useTranslation("auth");
  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t("account.sessionsTitle")}</h2>
      <p>{t("account.sessionsBody", { count: account.activeSessions })}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="signOutEverywhere" />
        <SubmitButton className="button button--danger">{t("account.signOutEverywhere")}</SubmitButton>
      </Form>
    </section>
  );
}

type Account = ReturnType<typeof useLoaderData<typeof loader>>["account"];

export default function AccountPage() {
  const { account } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  // A saved change comes back as a redirect to this page; a new key then clears what the forms hold (above all
  // the typed passwords) and shows the stored values.
  return (
    <div className="auth-page">
      <PageHeader title={t("account.title")} />
      <ProfileForm key={`profile-${account.updatedAt}`} account={account} actionData={actionData} />
      <PasswordForm key={`password-${account.updatedAt}`} account={account} actionData={actionData} />
      <SessionsCard account={account} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => pageTitle(data?.title, meta);

export const ErrorBoundary = GeneralErrorBoundary;
