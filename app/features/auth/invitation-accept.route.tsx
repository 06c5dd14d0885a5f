import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  acceptInvitation,
  findPendingInvitation,
  type PendingInvitation,
} from "~/features/invitations/invitations.server";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { optionalUser, redirectWithFlash, requireUser } from "~/lib/session.server";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { findUserIdByEmail } from "./accounts.server";
import { authLink } from "./links";

// An unknown, expired, withdrawn or used link is an expected outcome: the page says so (410), it does not crash.
const GONE = { status: 410 } as const;

function describe(invitation: PendingInvitation) {
  return {
    kind: invitation.kind === "funder_manager" ? ("funder" as const) : ("organization" as const),
    target: invitation.funderName ?? invitation.organizationName ?? "",
    email: invitation.email,
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [{ t }, user, invitation] = await Promise.all([
    getTranslator(request),
    optionalUser(request),
    findPendingInvitation(params.token ?? ""),
  ]);
  const title = t("auth:invitation.title");
  if (!invitation) return data({ title, state: "gone" as const }, GONE);
  const details = describe(invitation);
  if (!user) {
    const accountExists = (await findUserIdByEmail(invitation.email)) !== null;
    return { title, state: "signedOut" as const, ...details, accountExists };
  }
  if (user.email !== invitation.email) return { title, state: "wrongEmail" as const, ...details, current: user.email };
  return { title, state: "canAccept" as const, ...details };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const invitation = await findPendingInvitation(params.token ?? "");
  if (!invitation) return data({ state: "gone" as const }, GONE);
  // Only the invited mailbox's owner may accept: the link alone could have been forwarded or leaked.
  if (user.email !== invitation.email) {
    return data({ state: "wrongEmail" as const, current: user.email }, { status: 403 });
  }
  const outcome = await acceptInvitation(invitation.id, user.id);
  if (outcome === "gone") return data({ state: "gone" as const }, GONE);
  const destination =
    invitation.kind === "funder_manager" ? "/manage" : `/organizations/${invitation.organizationId ?? ""}`;
  return redirectWithFlash(destination, { kind: "success", message: "auth:invitation.accepted" });
}

export default function InvitationAccept() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const here = `/invitations/${encodeURIComponent(useParams().token ?? "")}`;
  // The invitation may have been used up between showing the page and pressing the button.
  if (loaderData.state === "gone" || actionData?.state === "gone") {
    return (
      <section className="card card--narrow auth-card" aria-labelledby="invitation-title">
        <h1 id="invitation-title">{t("invitation.goneTitle")}</h1>
        <p>{t("invitation.gone")}</p>
        <div className="button-row">
          <Link to="/" className="button">
            {t("common:errors.backHome")}
          </Link>
        </div>
      </section>
    );
  }
  // Another account than the invited one (the action can find that out too, if the user switched in another tab).
  const signedInAs =
    actionData?.state === "wrongEmail"
      ? actionData.current
      : loaderData.state === "wrongEmail"
        ? loaderData.current
        : null;
  return (
    <section className="card card--narrow auth-card" aria-labelledby="invitation-title">
      <h1 id="invitation-title">{t("invitation.title")}</h1>
      <p className="invitation__what">
        {t(loaderData.kind === "funder" ? "invitation.forFunder" : "invitation.forOrganization", {
          target: loaderData.target,
        })}
      </p>
      <p className="muted">{t("invitation.invitedEmail", { email: loaderData.email })}</p>

      {loaderData.state === "signedOut" ? (
        <>
          <p>{t("invitation.signedOutHint")}</p>
          <div className="button-row">
            <Link
              to={authLink("/sign-in", { redirectTo: here, email: loaderData.email })}
              className={`button${loaderData.accountExists ? " button--primary" : ""}`}
            >
              {t("invitation.signIn")}
            </Link>
            <Link
              to={authLink("/sign-up", { redirectTo: here, email: loaderData.email })}
              className={`button${loaderData.accountExists ? "" : " button--primary"}`}
            >
              {t("invitation.signUp")}
            </Link>
          </div>
        </>
      ) : null}

      {signedInAs ? (
        <div className="alert alert--error" role="alert">
          <p className="alert__title">{t("invitation.wrongEmailTitle")}</p>
          <p>
            {t("invitation.wrongEmail", {
              invited: loaderData.email,
              current: signedInAs,
            })}
          </p>
          <Form method="post" action="/sign-out">
            <input type="hidden" name="redirectTo" value={here} />
            <button type="submit" className="button">
              {t("invitation.switchAccount")}
            </button>
          </Form>
        </div>
      ) : null}

      {loaderData.state === "canAccept" && !signedInAs ? (
        <Form method="post" className="button-row">
          <button type="submit" className="button button--primary">
            {t("invitation.accept")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => pageTitle(data?.title, meta);

export const ErrorBoundary = GeneralErrorBoundary;
