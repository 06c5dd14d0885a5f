import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { db } from "~/lib/db.server";
import { assertFound } from "~/lib/http";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { redirectWithFlash } from "~/lib/session.server";
import { parseRequestForm } from "~/lib/validation.server";
import { Instant, PageHeader, StatusBadge } from "~/ui/bits";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { ConfirmDisclosure } from "~/ui/form";
import { pageTitle } from "~/ui/page-title";
import { requireProposalAccess } from "./access.server";
import { canEditProposal, canSubmitProposal, canWithdrawProposal, isMemberOf } from "./permissions";
import { ProposalDetails } from "./proposal-details";
import { statusTone } from "./proposal-lifecycle";
import { findProgramForProposals, listProposalVersions, loadProposal, withdrawProposal } from "./proposals.server";
import { ScreeningNotice } from "./screening-notice";
import { findLatestScreening } from "./screening.server";
import { WithdrawSchema } from "./schemas";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, access } = await requireProposalAccess(request, params);
  const [loaded, program, versions, screeningNotice, { t }] = await Promise.all([
    loadProposal(access.id, { withRevision: isMemberOf(actor, access.organizationId) }),
    findProgramForProposals(db(), access.programId),
    listProposalVersions(access.id),
    findLatestScreening(access.id),
    getTranslator(request),
  ]);
  const { proposal, content, totals, attachments } = assertFound(loaded);
  const { program: programRow, categories, targetGroups } = assertFound(program);
  return {
    title: content.title || t("proposals:untitled"),
    proposal: {
      id: proposal.id,
      title: content.title,
      number: proposal.number,
      status: proposal.status,
      submittedAt: proposal.submittedAt,
      organizationName: proposal.organizationName,
    },
    program: { id: programRow.id, title: programRow.title },
    content,
    totals,
    attachments,
    categories,
    targetGroups,
    versions,
    screeningNotice,
    can: {
      edit: canEditProposal(actor, access),
      submit: canSubmitProposal(actor, access),
      withdraw: canWithdrawProposal(actor, access),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, access } = await requireProposalAccess(request, params, canWithdrawProposal);
  const parsed = await parseRequestForm(request, WithdrawSchema);
  if (!parsed.success) throw new Response("Bad Request", { status: 400 });
  const result = await withdrawProposal({ proposalId: access.id, userId: actor.userId });
  return result.ok
    ? redirectWithFlash(`/proposals/${access.id}`, { kind: "success", message: "proposals:flash.withdrawn" })
    : redirectWithFlash(`/proposals/${access.id}`, { kind: "error", message: "proposals:errors.notWithdrawable" });
}

export default function ProposalView() {
  const data = useLoaderData<typeof loader>();
  const { proposal, program, can, versions } = data;
  const { t } = useTranslation("proposals");
  return (
    <>
      <PageHeader
        title={proposal.title || t("untitled")}
        subtitle={`${program.title} · ${proposal.organizationName}`}
        actions={
          <>
            {can.edit ? (
              <Link to={`/proposals/${proposal.id}/edit`} className="button button--primary">
                {t("actions.edit")}
              </Link>
            ) : null}
            {can.submit ? (
              <Link to={`/proposals/${proposal.id}/submit`} className="button">
                {t("actions.submit")}
              </Link>
            ) : null}
            <Link to={`/proposals/${proposal.id}/print`} className="button button--ghost">
              {t("actions.print")}
            </Link>
          </>
        }
      />
      <ScreeningNotice notice={data.screeningNotice} status={proposal.status} />
      <div className="card">
        <dl className="description-list">
          <dt>{t("view.status")}</dt>
          <dd>
            <StatusBadge tone={statusTone(proposal.status)}>{t(`status.${proposal.status}`)}</StatusBadge>
          </dd>
          <dt>{t("view.number")}</dt>
          <dd className="org-code">{proposal.number ?? <span className="muted">{t("noNumber")}</span>}</dd>
          {proposal.submittedAt ? (
            <>
              <dt>{t("view.submittedAt")}</dt>
              <dd>
                <Instant iso={proposal.submittedAt} />
              </dd>
            </>
          ) : null}
        </dl>
        {versions.length > 0 ? (
          <>
            <h2 className="proposal-versions__title">{t("view.versions")}</h2>
            <ul className="proposal-versions">
              {versions.map((version) => (
                <li key={version.version}>
                  {t("view.versionItem", { version: version.version, by: version.createdByName })} ·{" "}
                  <Instant iso={version.createdAt} /> ·{" "}
                  {t(`view.versionReason.${version.reason === "resubmitted" ? "resubmitted" : "submitted"}`)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {can.withdraw ? (
          <ConfirmDisclosure
            toggle={t("actions.withdraw")}
            toggleClassName="button button--ghost button--small"
            message={t("actions.withdrawConfirm")}
            confirm={t("actions.withdrawConfirmButton")}
            confirmClassName="button button--danger"
            name="intent"
            value="withdraw"
          />
        ) : null}
      </div>
      <ProposalDetails
        proposalId={proposal.id}
        content={data.content}
        totals={data.totals}
        categories={data.categories}
        targetGroups={data.targetGroups}
        attachments={data.attachments}
      />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => pageTitle(data?.title, meta);

export const ErrorBoundary = GeneralErrorBoundary;
