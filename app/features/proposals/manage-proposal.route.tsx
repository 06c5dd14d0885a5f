import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OrganizationBadges } from "~/features/organizations/organization-badges";
import { formatMobile } from "~/features/organizations/phone";
import { emailLinkOrigin } from "~/lib/env.server";
import { forbidden, notFound } from "~/lib/http";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { redirectWithFlash } from "~/lib/session.server";
import { todayInChina } from "~/lib/time";
import { parseRequestForm } from "~/lib/validation.server";
import { CalendarDate, Instant, PageHeader, StatusBadge } from "~/ui/bits";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { type ActionFailure, FormErrorSummary, SubmitButton, TextAreaField, useZodForm } from "~/ui/form";
import { screeningEmails } from "./emails.server";
import { ProposalDetails } from "./proposal-details";
import { statusTone } from "./proposal-lifecycle";
import {
  allowedScreeningDecisions,
  canScreenProposals,
  SCREENING_COMMENT_MAX_LENGTH,
  type ScreeningDecision,
  ScreeningSchema,
} from "./screening";
import {
  findApplicantOrganization,
  listProposalAudit,
  listScreenings,
  listVersionSnapshots,
  requireManagerProposal,
  screenProposal,
} from "./screening.server";
import { snapshotDetails } from "./snapshot-view";
import { diffVersions, hasChanges } from "./version-diff";
import { VersionDiffView } from "./version-diff-view";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, proposal } = await requireManagerProposal(request, params);
  const [versions, organization, screenings, audit, { t }] = await Promise.all([
    listVersionSnapshots(proposal.id),
    findApplicantOrganization(proposal.organizationId),
    listScreenings(proposal.id),
    listProposalAudit(proposal.id),
    getTranslator(request),
  ]);
  // The page shows the version the applicant handed in last, never a returned proposal's unsubmitted edits.
  const current = versions.find((version) => version.version === proposal.currentVersion);
  if (!current || !organization) notFound();
  const canScreen = canScreenProposals(actor, proposal);
  return {
    title: `${current.content.title} · ${t("proposals:manage.meta.page")}`,
    proposal: {
      id: proposal.id,
      status: proposal.status,
      number: proposal.number,
      currentVersion: proposal.currentVersion,
      programId: proposal.programId,
      programTitle: proposal.programTitle,
    },
    snapshot: current.content,
    details: snapshotDetails(current.content, proposal.id),
    organization,
    versions: versions.map(({ content, ...version }, index) => {
      const previous = versions[index + 1];
      const diff = previous ? diffVersions(previous.content, content) : null;
      return { ...version, diff: diff && hasChanges(diff) ? diff : null, compared: diff !== null };
    }),
    screenings,
    audit,
    today: todayInChina(),
    can: { screen: canScreen, decisions: canScreen ? allowedScreeningDecisions(proposal.status) : [] },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, proposal } = await requireManagerProposal(request, params);
  if (!canScreenProposals(actor, proposal)) forbidden();
  const parsed = await parseRequestForm(request, ScreeningSchema);
  const intent = parsed.values.intent;
  if (!parsed.success) {
    return data({ intent, fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  }
  const { intent: decision, comment } = parsed.data;
  const result = await screenProposal({
    proposalId: proposal.id,
    funderId: proposal.funderId,
    userId: actor.userId,
    decision,
    comment,
    composeEmail: screeningEmails(emailLinkOrigin(request)),
  });
  if (!result.ok) {
    if (result.reason === "notFound") notFound();
    const formError = parsed.t("proposals:manage.screen.notAllowed", {
      status: parsed.t(`proposals:status.${result.status}`),
    });
    return data({ intent, formError, values: parsed.values }, { status: 409 });
  }
  return redirectWithFlash(`/manage/proposals/${proposal.id}`, {
    kind: "success",
    message: `proposals:manage.screen.done.${decision}`,
  });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type ScreeningFailure = ActionFailure & { intent?: unknown };

export default function ManageProposal() {
  const loaded = useLoaderData<typeof loader>();
  const { proposal, snapshot, can } = loaded;
  const { t } = useTranslation("proposals");
  return (
    <>
      <p className="org-back-link">
        <Link to={`/manage/programs/${proposal.programId}/proposals`}>{t("manage.page.back")}</Link>
      </p>
      <PageHeader
        title={snapshot.title}
        subtitle={
          <>
            <span className="org-code">{proposal.number}</span> · {proposal.programTitle} ·{" "}
            <StatusBadge tone={statusTone(proposal.status)}>{t(`status.${proposal.status}`)}</StatusBadge>
          </>
        }
        actions={
          <Link to={`/proposals/${proposal.id}/print`} className="button">
            {t("manage.page.print")}
          </Link>
        }
      />
      {proposal.status === "returned" ? (
        <div className="alert alert--info" role="status">
          {t("manage.page.revising", { version: proposal.currentVersion })}
        </div>
      ) : null}
      <div className="manage-proposal">
        <div className="manage-proposal__main">
          <OrganizationCard organization={loaded.organization} today={loaded.today} />
          <Versions versions={loaded.versions} targetGroups={loaded.details.targetGroups} />
          <h2 className="manage-proposal__heading">
            {t("manage.page.content")} · {t("manage.page.version", { version: proposal.currentVersion })}
          </h2>
          <ProposalDetails {...loaded.details} />
        </div>
        <aside className="manage-proposal__aside">
          <ScreeningPanel status={proposal.status} can={can} />
          <ScreeningHistory screenings={loaded.screenings} />
          <AuditTrail audit={loaded.audit} />
        </aside>
      </div>
    </>
  );
}

function OrganizationCard({ organization, today }: { organization: LoaderData["organization"]; today: string }) {
  const { t } = useTranslation("organizations");
  const registered = organization.kind === "registered";
  return (
    <section className="card" aria-labelledby="organization-heading">
      <h2 id="organization-heading" className="card__title">
        {t("proposals:manage.page.organization")}
      </h2>
      <p className="manage-proposal__org-name">
        <strong>{organization.name}</strong> <OrganizationBadges organization={organization} today={today} />
      </p>
      <dl className="description-list">
        {registered ? (
          <>
            <dt>{t("fields.uscc")}</dt>
            <dd className="org-code">{organization.uscc ?? "—"}</dd>
            <dt>{t("fields.registeredOn")}</dt>
            <dd>{organization.registeredOn ? <CalendarDate date={organization.registeredOn} /> : "—"}</dd>
            <dt>{t("fields.rating")}</dt>
            <dd>
              {organization.rating ? t("rating.level", { rating: organization.rating }) : t("rating.none")}
              {organization.rating && organization.ratingExpiresOn ? (
                <span className="muted">
                  {" · "}
                  {t("fields.ratingExpiresOn")} <CalendarDate date={organization.ratingExpiresOn} />
                </span>
              ) : null}
            </dd>
          </>
        ) : (
          <>
            <dt>{t("fields.filingNumber")}</dt>
            <dd className="org-code">{organization.filingNumber ?? "—"}</dd>
            <dt>{t("fields.sponsorCommunity")}</dt>
            <dd>{organization.sponsorCommunity ?? "—"}</dd>
            <dt>{t("fields.responsiblePerson")}</dt>
            <dd>{organization.responsiblePerson ?? "—"}</dd>
          </>
        )}
        <dt>{t("fields.region")}</dt>
        <dd>{[organization.district, organization.street, organization.community].filter(Boolean).join(" · ")}</dd>
        <dt>{t("fields.contactName")}</dt>
        <dd>
          {organization.contactName} ·{" "}
          <a href={`tel:${organization.contactPhone}`}>{formatMobile(organization.contactPhone)}</a>
        </dd>
        <dt>{t("fields.address")}</dt>
        <dd>{organization.address}</dd>
      </dl>
    </section>
  );
}

function Versions({
  versions,
  targetGroups,
}: {
  versions: LoaderData["versions"];
  targetGroups: LoaderData["details"]["targetGroups"];
}) {
  const { t } = useTranslation("proposals");
  return (
    <section className="card" aria-labelledby="versions-heading">
      <h2 id="versions-heading" className="card__title">
        {t("manage.versions.title")}
      </h2>
      <ol className="version-list">
        {versions.map((version) => (
          <li key={version.version} className="version-list__item">
            <p className="version-list__head">
              <strong>{t("manage.versions.version", { version: version.version })}</strong> ·{" "}
              {t(`manage.versions.reason.${version.reason === "resubmitted" ? "resubmitted" : "submitted"}`)} ·{" "}
              <span className="muted">
                <Instant iso={version.createdAt} /> · {version.createdByName}
              </span>
            </p>
            {version.compared ? (
              version.diff ? (
                <details className="version-list__diff" open={version === versions[0]}>
                  <summary>{t("manage.versions.changesFrom", { version: version.version - 1 })}</summary>
                  <VersionDiffView diff={version.diff} targetGroups={targetGroups} />
                </details>
              ) : (
                <p className="muted">{t("manage.versions.noChanges")}</p>
              )
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function ScreeningPanel({ status, can }: { status: string; can: LoaderData["can"] }) {
  const { t } = useTranslation("proposals");
  const failure: ScreeningFailure | undefined = useActionData<typeof action>();
  // Someone else decided first: the decision that failed may no longer be offered, so its form (which would show
  // the refusal and keep the typed text) is gone. Say so here, with the text, so nothing typed is lost unseen.
  const overtaken =
    failure?.formError !== undefined && !can.decisions.some((decision) => decision === failure.intent)
      ? { message: failure.formError, comment: String(failure.values?.comment ?? "").trim() }
      : null;
  return (
    <section className="card screening-panel" aria-labelledby="screening-heading">
      <h2 id="screening-heading" className="card__title">
        {t("manage.screen.title")}
      </h2>
      {overtaken ? (
        <div className="alert alert--error" role="alert">
          <p>{overtaken.message}</p>
          {overtaken.comment ? (
            <>
              <p>{t("manage.screen.unsavedComment")}</p>
              <blockquote className="screening-panel__unsaved">{overtaken.comment}</blockquote>
            </>
          ) : null}
        </div>
      ) : null}
      {!can.screen ? (
        <p className="muted">{t("manage.screen.viewOnly")}</p>
      ) : can.decisions.length === 0 ? (
        <p className="muted">{t("manage.screen.none", { status: t(`status.${status}`) })}</p>
      ) : (
        <>
          <p className="field__hint">{t("manage.screen.intro")}</p>
          {can.decisions.map((decision) => (
            <ScreeningForm
              key={decision}
              decision={decision}
              failure={failure?.intent === decision ? failure : undefined}
            />
          ))}
        </>
      )}
    </section>
  );
}

const decisionCopy = {
  eligible: { label: "manage.screen.note", confirm: "manage.screen.confirmEligible", button: "button button--primary" },
  ineligible: {
    label: "manage.screen.reason",
    confirm: "manage.screen.confirmIneligible",
    button: "button button--danger",
  },
  returned: { label: "manage.screen.comment", confirm: "manage.screen.confirmReturned", button: "button" },
} as const satisfies Record<ScreeningDecision, { label: string; confirm: string; button: string }>;

/** One decision: a disclosure (works without JavaScript) holding its form; it opens by itself after an error. */
function ScreeningForm({ decision, failure }: { decision: ScreeningDecision; failure: ScreeningFailure | undefined }) {
  const { t } = useTranslation("proposals");
  const form = useZodForm(ScreeningSchema, {
    defaultValues: { intent: decision, comment: "" },
    actionData: failure,
    idPrefix: decision,
  });
  const copy = decisionCopy[decision];
  const required = decision !== "eligible";
  return (
    <details className={`screening-option screening-option--${decision}`} open={failure !== undefined}>
      <summary>
        <span className="screening-option__title">{t(`manage.screen.${decision}`)}</span>
        <span className="screening-option__hint">{t(`manage.screen.${decision}Hint`)}</span>
      </summary>
      <Form method="post" noValidate onSubmit={form.onSubmit} ref={form.formRef}>
        <FormErrorSummary form={form} />
        <input type="hidden" {...form.rhf.register("intent")} value={decision} />
        <TextAreaField
          form={form}
          name="comment"
          label={t(copy.label)}
          hint={
            required
              ? t(decision === "ineligible" ? "manage.screen.reasonHint" : "manage.screen.commentHint")
              : undefined
          }
          required={required}
          rows={required ? 4 : 2}
          maxLength={SCREENING_COMMENT_MAX_LENGTH}
        />
        <SubmitButton className={copy.button}>{t(copy.confirm)}</SubmitButton>
      </Form>
    </details>
  );
}

function ScreeningHistory({ screenings }: { screenings: LoaderData["screenings"] }) {
  const { t } = useTranslation("proposals");
  return (
    <section className="card" aria-labelledby="screening-history-heading">
      <h2 id="screening-history-heading" className="card__title">
        {t("manage.screen.history")}
      </h2>
      {screenings.length === 0 ? (
        <p className="muted">{t("manage.screen.historyEmpty")}</p>
      ) : (
        <ul className="timeline">
          {screenings.map((screening) => (
            <li key={screening.id} className="timeline__item">
              <StatusBadge
                tone={
                  screening.decision === "eligible"
                    ? "success"
                    : screening.decision === "returned"
                      ? "warning"
                      : "danger"
                }
              >
                {t(`manage.screen.decision.${screening.decision}`)}
              </StatusBadge>
              <p className="timeline__meta">
                {t("manage.screen.decisionMeta", { version: screening.version, by: screening.decidedByName })} ·{" "}
                <Instant iso={screening.decidedAt} />
              </p>
              {screening.comment ? <p className="timeline__comment">{screening.comment}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AuditTrail({ audit }: { audit: LoaderData["audit"] }) {
  const { t } = useTranslation("proposals");
  return (
    <section className="card" aria-labelledby="audit-heading">
      <h2 id="audit-heading" className="card__title">
        {t("manage.audit.title")}
      </h2>
      {audit.length === 0 ? (
        <p className="muted">{t("manage.audit.empty")}</p>
      ) : (
        <ul className="timeline">
          {audit.map((event) => {
            const action = event.action.replace(/^proposal\./, "");
            return (
              <li key={event.id} className="timeline__item">
                <p className="timeline__title">{t(`manage.audit.action.${action}`, { defaultValue: event.action })}</p>
                <p className="timeline__meta">
                  <Instant iso={event.at} /> · {event.actorName ?? t("manage.audit.system")}
                  {event.statusBefore && event.statusAfter && event.statusBefore !== event.statusAfter
                    ? ` · ${t("manage.audit.statusChange", { from: t(`status.${event.statusBefore}`), to: t(`status.${event.statusAfter}`) })}`
                    : null}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded, ...meta }) => pageTitle(loaded?.title, meta);

export const ErrorBoundary = GeneralErrorBoundary;
