import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { listPendingInvitations } from "~/features/invitations/invitations.server";
import { emailLinkOrigin } from "~/lib/env.server";
import { badRequest } from "~/lib/http";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { redirectWithFlash } from "~/lib/session.server";
import { parseRequestForm } from "~/lib/validation.server";
import { EmptyState, Instant, PageHeader, StatusBadge } from "~/ui/bits";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { type ActionFailure, FormErrorSummary, SubmitButton, TextField, useZodForm } from "~/ui/form";
import { requireOrganizationAccess } from "./access.server";
import { changeMembership, inviteMember, listMembers, revokeMemberInvitation } from "./organizations.server";
import { canManageMembers, canViewOrganization } from "./permissions";
import { InviteMemberSchema, type MemberRole, MembersActionSchema } from "./schemas";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, organization } = await requireOrganizationAccess(request, params, canViewOrganization);
  const manage = canManageMembers(actor, organization.id);
  const [{ t }, members, invitations] = await Promise.all([
    getTranslator(request),
    listMembers(organization.id),
    manage ? listPendingInvitations({ organizationId: organization.id }) : [],
  ]);
  return {
    title: `${t("organizations:members.title")} · ${organization.name}`,
    organization: { id: organization.id, name: organization.name },
    members: members.map((member) => ({ ...member, isYou: member.userId === actor.userId })),
    invitations,
    can: { manage },
  };
}

type MembersActionData = ActionFailure & { intent?: "invite" };

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, organization } = await requireOrganizationAccess(request, params, canManageMembers);
  const parsed = await parseRequestForm(request, MembersActionSchema);
  if (!parsed.success) {
    // Only the invitation form has fields a person types; the buttons post fixed values.
    if (parsed.values.intent !== "invite") badRequest();
    return data<MembersActionData>(
      { intent: "invite", fieldErrors: parsed.fieldErrors, values: parsed.values },
      { status: 400 },
    );
  }
  const { t } = parsed;
  const page = `/organizations/${organization.id}/members`;
  const refuse = (message: string) => data<MembersActionData>({ formError: t(message) }, { status: 400 });
  const command = parsed.data;
  switch (command.intent) {
    case "invite": {
      const result = await inviteMember({
        organization,
        email: command.email,
        inviter: { userId: actor.userId, name: actor.name },
        origin: emailLinkOrigin(request),
        t,
      });
      if (result !== "invited") {
        return data<MembersActionData>(
          { intent: "invite", fieldErrors: { email: t(`organizations:errors.${result}`) }, values: parsed.values },
          { status: 400 },
        );
      }
      return redirectWithFlash(page, { kind: "success", message: "organizations:flash.invited" });
    }
    case "revoke": {
      const result = await revokeMemberInvitation(organization.id, command.invitationId, actor.userId);
      if (result === "notFound") return refuse("organizations:errors.invitationGone");
      return redirectWithFlash(page, { kind: "success", message: "organizations:flash.revoked" });
    }
    case "remove":
    case "changeRole": {
      const change =
        command.intent === "remove" ? { kind: "remove" as const } : { kind: "changeRole" as const, role: command.role };
      const result = await changeMembership(organization.id, command.userId, change, actor.userId);
      if (result === "lastOwner") return refuse("organizations:errors.lastOwner");
      if (result === "notMember") return refuse("organizations:errors.memberGone");
      return redirectWithFlash(page, {
        kind: "success",
        message: command.intent === "remove" ? "organizations:flash.removed" : "organizations:flash.roleChanged",
      });
    }
  }
}

export default function OrganizationMembers() {
  const { organization, members, invitations, can } = useLoaderData<typeof loader>();
  const actionData = useActionData<MembersActionData>();
  const { t } = useTranslation("organizations");
  const ownerCount = members.filter((member) => member.role === "owner").length;
  return (
    <>
      <p className="org-back-link">
        <Link to={`/organizations/${organization.id}`}>{t("members.backToOrganization")}</Link>
      </p>
      <PageHeader title={t("members.title")} subtitle={organization.name} />
      {actionData?.formError ? (
        <div className="alert alert--error" role="alert">
          {actionData.formError}
        </div>
      ) : null}
      <p className="muted">{t("members.intro")}</p>

      <div className="table-wrap members-table stacked-table">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("members.name")}</th>
              <th scope="col">{t("members.email")}</th>
              <th scope="col">{t("members.role")}</th>
              <th scope="col">{t("members.joinedAt")}</th>
              {can.manage ? <th scope="col">{t("members.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((member) => {
              const role: MemberRole = member.role === "owner" ? "owner" : "member";
              // The server refuses these too; the buttons are hidden so nobody is offered what cannot work.
              const isLastOwner = role === "owner" && ownerCount <= 1;
              return (
                <tr key={member.userId}>
                  <td data-label={t("members.name")}>
                    <span>
                      {member.name}
                      {member.isYou ? <span className="muted">{t("members.you")}</span> : null}
                    </span>
                  </td>
                  <td data-label={t("members.email")} className="members-table__email">
                    {member.email}
                  </td>
                  <td data-label={t("members.role")}>
                    <StatusBadge tone={role === "owner" ? "info" : "neutral"}>{t(`role.${role}`)}</StatusBadge>
                  </td>
                  <td data-label={t("members.joinedAt")}>
                    <Instant iso={member.joinedAt} />
                  </td>
                  {can.manage ? (
                    <td data-label={t("members.actions")}>
                      {isLastOwner ? null : (
                        <div className="members-table__actions">
                          <MemberButton
                            intent="changeRole"
                            userId={member.userId}
                            role={role === "owner" ? "member" : "owner"}
                            label={role === "owner" ? t("members.makeMember") : t("members.makeOwner")}
                          />
                          <MemberButton
                            intent="remove"
                            userId={member.userId}
                            label={t("members.remove")}
                            confirm={t("members.confirmRemove", { name: member.name })}
                          />
                        </div>
                      )}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {can.manage ? (
        <div className="members-manage">
          {/* A new invitation heads the list; keying on it gives the next invitation an empty form. */}
          <InviteForm
            key={invitations[0]?.id ?? "none"}
            actionData={actionData?.intent === "invite" ? actionData : undefined}
          />
          <section className="card" aria-labelledby="pending-heading">
            <h2 id="pending-heading" className="card__title">
              {t("members.pendingTitle")}
            </h2>
            {invitations.length === 0 ? (
              <EmptyState title={t("members.noPending")} />
            ) : (
              <ul className="invitation-list">
                {invitations.map((invitation) => (
                  <li key={invitation.id} className="invitation-list__item">
                    <div>
                      <strong className="members-table__email">{invitation.email}</strong>
                      <p className="muted invitation-list__meta">
                        {t("members.invitedAt")} <Instant iso={invitation.createdAt} /> · {t("members.expiresAt")}{" "}
                        <Instant iso={invitation.expiresAt} />
                      </p>
                    </div>
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="invitationId" value={invitation.id} />
                      <button type="submit" className="button button--small button--danger">
                        {t("members.revoke")}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      ) : null}
    </>
  );
}

function InviteForm({ actionData }: { actionData: ActionFailure | undefined }) {
  const { t } = useTranslation("organizations");
  const form = useZodForm(InviteMemberSchema, { defaultValues: { intent: "invite", email: "" }, actionData });
  return (
    <section className="card" aria-labelledby="invite-heading">
      <h2 id="invite-heading" className="card__title">
        {t("members.inviteTitle")}
      </h2>
      <Form method="post" noValidate onSubmit={form.onSubmit} ref={form.formRef}>
        <FormErrorSummary form={form} />
        <input type="hidden" name="intent" value="invite" />
        <TextField
          form={form}
          name="email"
          type="email"
          autoComplete="off"
          label={t("members.inviteEmail")}
          hint={t("members.inviteHint")}
          required
        />
        <div className="button-row">
          <SubmitButton>{t("members.invite")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

interface MemberButtonProps {
  intent: "remove" | "changeRole";
  userId: number;
  role?: MemberRole;
  label: string;
  confirm?: string;
}

function MemberButton({ intent, userId, role, label, confirm }: MemberButtonProps) {
  const onSubmit = confirm
    ? (event: FormEvent<HTMLFormElement>) => {
        if (!window.confirm(confirm)) event.preventDefault();
      }
    : undefined;
  return (
    <Form method="post" onSubmit={onSubmit}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="userId" value={userId} />
      {role ? <input type="hidden" name="role" value={role} /> : null}
      <button type="submit" className={`button button--small${intent === "remove" ? " button--danger" : ""}`}>
        {label}
      </button>
    </Form>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => pageTitle(data?.title, meta);

export const ErrorBoundary = GeneralErrorBoundary;
