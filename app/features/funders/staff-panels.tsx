// The funder panels shared by the admin's funder page and the staff's own funder page: the funder's details, its
// managers and the manager invitations. Both pages' actions accept the same "invite" and "revokeInvitation" intents.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatMobile } from "~/features/organizations/phone";
import { EmptyState, Instant } from "~/ui/bits";
import { FormErrorSummary, SubmitButton, TextField, useZodForm } from "~/ui/form";
import { InviteManagerSchema, isFunderKind, type StaffActionFailure } from "./schemas";

interface FunderSummary {
  name: string;
  kind: string;
  province: string;
  city: string;
  district: string | null;
  street: string | null;
  contactName: string | null;
  contactPhone: string | null;
}

/** 安徽省合肥市蜀山区南七街道: the region read the way it is written on letterheads. */
export function regionOf(funder: Pick<FunderSummary, "province" | "city" | "district" | "street">): string {
  // Municipalities repeat themselves (北京市 北京市); write the name once.
  const parts = [funder.province, funder.city, funder.district, funder.street].filter((part): part is string =>
    Boolean(part),
  );
  return parts.filter((part, index) => part !== parts[index - 1]).join("");
}

export function FunderKindLabel({ kind }: { kind: string }) {
  const { t } = useTranslation("funders");
  return <>{isFunderKind(kind) ? t(`kind.${kind}`) : kind}</>;
}

export function FunderDetails({ funder }: { funder: FunderSummary }) {
  const { t } = useTranslation("funders");
  return (
    <dl className="description-list">
      <dt>{t("fields.kind")}</dt>
      <dd>
        <FunderKindLabel kind={funder.kind} />
      </dd>
      <dt>{t("fields.region")}</dt>
      <dd>{regionOf(funder)}</dd>
      <dt>{t("details.contact")}</dt>
      <dd>
        {funder.contactName ?? "—"}
        {funder.contactPhone ? <span className="numeric-text"> {formatMobile(funder.contactPhone)}</span> : null}
      </dd>
    </dl>
  );
}

interface Manager {
  userId: number;
  name: string;
  email: string;
  since: string;
}

/** The funder's managers; the remove buttons appear only where the page's loader says removing is allowed. */
export function ManagerList({
  managers,
  canRemove,
  currentUserId,
}: {
  managers: Manager[];
  canRemove: boolean;
  currentUserId: number;
}) {
  const { t } = useTranslation("funders");
  return (
    <section className="card" aria-labelledby="managers-title">
      <h2 id="managers-title" className="card__title">
        {t("managers.title")}
      </h2>
      <p className="muted">{t("managers.intro")}</p>
      {managers.length === 0 ? (
        <EmptyState title={t("managers.empty")} />
      ) : (
        <div className="table-wrap stacked-table">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("managers.name")}</th>
                <th scope="col">{t("managers.email")}</th>
                <th scope="col">{t("managers.since")}</th>
                {canRemove ? (
                  <th scope="col">
                    <span className="visually-hidden">{t("managers.remove")}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {managers.map((manager) => (
                <tr key={manager.userId}>
                  <td data-label={t("managers.name")}>
                    {manager.name}
                    {manager.userId === currentUserId ? <span className="muted"> {t("managers.you")}</span> : null}
                  </td>
                  <td className="break-anywhere" data-label={t("managers.email")}>
                    {manager.email}
                  </td>
                  <td data-label={t("managers.since")}>
                    <Instant iso={manager.since} />
                  </td>
                  {canRemove ? (
                    <td className="table-actions">
                      <Form method="post">
                        <input type="hidden" name="intent" value="removeManager" />
                        <input type="hidden" name="userId" value={manager.userId} />
                        <button
                          type="submit"
                          className="button button--danger button--small"
                          aria-label={t("managers.removeLabel", { name: manager.name })}
                        >
                          {t("managers.remove")}
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

interface PendingInvitation {
  id: number;
  email: string;
  createdAt: string;
  expiresAt: string;
}

/** The invite form and the pending invitations with their revoke buttons. */
export function ManagerInvitations({
  invitations,
  actionData,
}: {
  invitations: PendingInvitation[];
  actionData: StaffActionFailure | undefined;
}) {
  const { t } = useTranslation("funders");
  // A successful invitation adds a row; keying the form on the rows clears the address that was just invited.
  const formKey = invitations.map((invitation) => invitation.id).join("-");
  return (
    <section className="card" aria-labelledby="invitations-title">
      <h2 id="invitations-title" className="card__title">
        {t("invitations.title")}
      </h2>
      <p className="muted">{t("invitations.intro")}</p>
      <InviteForm key={formKey} actionData={actionData?.intent === "invite" ? actionData : undefined} />
      {actionData?.intent === "revokeInvitation" && actionData.formError ? (
        <p className="alert alert--error" role="alert">
          {actionData.formError}
        </p>
      ) : null}
      <h3 className="staff-subtitle">{t("invitations.pending")}</h3>
      {invitations.length === 0 ? (
        <p className="muted">{t("invitations.empty")}</p>
      ) : (
        <div className="table-wrap stacked-table">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("managers.email")}</th>
                <th scope="col">{t("invitations.sentAt")}</th>
                <th scope="col">{t("invitations.expiresAt")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("invitations.revoke")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <td className="break-anywhere" data-label={t("managers.email")}>
                    {invitation.email}
                  </td>
                  <td data-label={t("invitations.sentAt")}>
                    <Instant iso={invitation.createdAt} />
                  </td>
                  <td data-label={t("invitations.expiresAt")}>
                    <Instant iso={invitation.expiresAt} />
                  </td>
                  <td className="table-actions">
                    <Form method="post">
                      <input type="hidden" name="intent" value="revokeInvitation" />
                      <input type="hidden" name="invitationId" value={invitation.id} />
                      <button
                        type="submit"
                        className="button button--ghost button--small"
                        aria-label={t("invitations.revokeLabel", { email: invitation.email })}
                      >
                        {t("invitations.revoke")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function InviteForm({ actionData }: { actionData: StaffActionFailure | undefined }) {
  const { t } = useTranslation("funders");
  const form = useZodForm(InviteManagerSchema, { defaultValues: { email: "" }, actionData });
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit} ref={form.formRef} className="invite-form">
      <input type="hidden" name="intent" value="invite" />
      <FormErrorSummary form={form} />
      <div className="invite-form__row">
        <TextField form={form} name="email" type="email" autoComplete="off" label={t("invitations.email")} required />
        <SubmitButton>{t("invitations.send")}</SubmitButton>
      </div>
    </Form>
  );
}
