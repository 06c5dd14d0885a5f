import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatInstant, formatShare } from "~/lib/format";
import { db } from "~/lib/db.server";
import { assertFound } from "~/lib/http";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { nowIso, todayInChina } from "~/lib/time";
import { CalendarDate, Money } from "~/ui/bits";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { useHydrated } from "~/ui/use-hydrated";
import { requireProposalAccess } from "./access.server";
import { fundingSources, grantShareBp, quantityToInput } from "./budget";
import { costCategoryLabel, indicatorLabels, indicatorSplitText, targetGroupLabel } from "./labels";
import printStylesheet from "./print.css?url";
import { isMemberOf } from "./permissions";
import { findProgramForProposals, findProposalVersion, loadProposal } from "./proposals.server";
import { findApplicantOrganization } from "./screening.server";
import { narrativeFields } from "./content";
import { buildSnapshot, type ProposalSnapshot } from "./snapshot";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: printStylesheet }];

/**
 * The printable 申报书 of the latest submitted version. A proposal never submitted (only its members can see it)
 * prints its current draft, marked as such, so the organisation can check it on paper before submitting.
 */
async function printedSnapshot(proposalId: number, currentVersion: number): Promise<ProposalSnapshot> {
  if (currentVersion > 0) return assertFound(await findProposalVersion(proposalId, currentVersion));
  // Only its members can see a draft, and they read what they are working on.
  const loaded = assertFound(await loadProposal(proposalId, { withRevision: true }));
  const found = assertFound(await findProgramForProposals(db(), loaded.proposal.programId));
  const { program } = found;
  return buildSnapshot({
    number: "",
    version: 0,
    submittedAt: "",
    program: { id: program.id, code: program.code, title: program.title },
    organization: {
      id: loaded.proposal.organizationId,
      name: loaded.proposal.organizationName,
      kind: loaded.proposal.organizationKind,
    },
    categories: found.categories,
    targetGroups: found.targetGroups,
    content: loaded.content,
    attachments: loaded.attachments.map(({ createdAt: _uploadedAt, ...attachment }) => attachment),
  });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, access } = await requireProposalAccess(request, params);
  const [snapshot, organization, { t, language }] = await Promise.all([
    printedSnapshot(access.id, access.currentVersion),
    findApplicantOrganization(access.organizationId),
    getTranslator(request),
  ]);
  return {
    title: `${t("proposals:print.meta", { number: snapshot.number })} · ${snapshot.title || t("proposals:untitled")}`,
    // Back to the page the reader came from: the organisation's own, or the funder's screening page.
    backTo: isMemberOf(actor, access.organizationId) ? `/proposals/${access.id}` : `/manage/proposals/${access.id}`,
    isDraft: access.currentVersion === 0,
    snapshot,
    organization: assertFound(organization),
    printedAt: formatInstant(nowIso(), language),
  };
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function ProposalPrint() {
  const { snapshot, organization, isDraft, printedAt } = useLoaderData<typeof loader>();
  const { t } = useTranslation("proposals");
  return (
    <div className="print-page">
      <PrintToolbar />
      {/* On a phone the A4 sheet scrolls sideways; a tab stop lets keyboard users scroll it too. */}
      <article className="print-sheet" aria-labelledby="print-heading" tabIndex={0}>
        {isDraft ? <p className="print-draft-mark">{t("print.draftMark")}</p> : null}
        <Cover snapshot={snapshot} />
        <OrganizationSection organization={organization} />
        <Overview snapshot={snapshot} />
        <Texts snapshot={snapshot} />
        <Team snapshot={snapshot} />
        <Budget snapshot={snapshot} />
        <Milestones snapshot={snapshot} />
        <Targets snapshot={snapshot} />
        <Attachments snapshot={snapshot} />
        <Declaration />
        <p className="print-footer">
          {t("print.footer", { program: snapshot.program.title, number: snapshot.number || t("noNumber") })} ·{" "}
          {t("print.printedAt", { at: printedAt })}
        </p>
      </article>
    </div>
  );
}

/** Shown on screen only. The print button needs JavaScript, so it appears once the page has hydrated. */
function PrintToolbar() {
  const { t } = useTranslation("proposals");
  const hydrated = useHydrated();
  const { backTo } = useLoaderData<typeof loader>();
  return (
    <div className="print-toolbar no-print">
      <Link to={backTo} className="button button--ghost">
        {t("print.back")}
      </Link>
      {hydrated ? (
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t("print.printButton")}
        </button>
      ) : null}
      <span className="field__hint">{t("print.printHint")}</span>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="print-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{children}</td>
    </tr>
  );
}

function Period({ snapshot }: { snapshot: ProposalSnapshot }) {
  const { t } = useTranslation("proposals");
  if (!snapshot.startsOn || !snapshot.endsOn) return <>{t("view.notProvided")}</>;
  return (
    <>
      <CalendarDate date={snapshot.startsOn} /> — <CalendarDate date={snapshot.endsOn} />
    </>
  );
}

function Cover({ snapshot }: { snapshot: ProposalSnapshot }) {
  const { t } = useTranslation("proposals");
  return (
    <header className="print-cover">
      <p className="print-cover__program">{snapshot.program.title}</p>
      <h1 id="print-heading" className="print-cover__heading">
        {t("print.heading")}
      </h1>
      <table className="print-cover__facts">
        <tbody>
          <Fact label={t("print.cover.number")}>{snapshot.number || t("noNumber")}</Fact>
          <Fact label={t("print.cover.title")}>{snapshot.title || t("untitled")}</Fact>
          <Fact label={t("print.cover.organization")}>{snapshot.organization.name}</Fact>
          <Fact label={t("print.cover.focusArea")}>{snapshot.focusArea?.name ?? t("view.notProvided")}</Fact>
          <Fact label={t("print.cover.community")}>{snapshot.serviceCommunity || t("view.notProvided")}</Fact>
          <Fact label={t("print.cover.period")}>
            <Period snapshot={snapshot} />
          </Fact>
          <Fact label={t("print.cover.grant")}>
            <Money fen={snapshot.totals.grantRequestedFen} />
          </Fact>
          <Fact label={t("print.cover.total")}>
            <Money fen={snapshot.totals.totalFen} />
          </Fact>
          {snapshot.submittedAt ? (
            <Fact label={t("print.cover.submittedAt")}>
              <CalendarDate date={todayInChina(new Date(snapshot.submittedAt))} />
              {t("print.cover.version", { version: snapshot.version })}
            </Fact>
          ) : null}
        </tbody>
      </table>
    </header>
  );
}

function OrganizationSection({ organization }: { organization: LoaderData["organization"] }) {
  const { t } = useTranslation("organizations");
  const registered = organization.kind === "registered";
  return (
    <Section id="print-organization" title={t("proposals:print.sections.organization")}>
      <table className="print-facts">
        <tbody>
          <Fact label={t("fields.name")}>{organization.name}</Fact>
          <Fact label={t("fields.kind")}>{t(registered ? "kind.registered" : "kind.filed_team")}</Fact>
          {registered ? (
            <>
              <Fact label={t("fields.uscc")}>{organization.uscc ?? "—"}</Fact>
              <Fact label={t("fields.registeredOn")}>
                {organization.registeredOn ? <CalendarDate date={organization.registeredOn} /> : "—"}
              </Fact>
              <Fact label={t("fields.rating")}>
                {organization.rating ? t("rating.level", { rating: organization.rating }) : t("rating.none")}
              </Fact>
            </>
          ) : (
            <>
              <Fact label={t("fields.filingNumber")}>{organization.filingNumber ?? "—"}</Fact>
              <Fact label={t("fields.sponsorCommunity")}>{organization.sponsorCommunity ?? "—"}</Fact>
              <Fact label={t("fields.responsiblePerson")}>{organization.responsiblePerson ?? "—"}</Fact>
            </>
          )}
          <Fact label={t("fields.region")}>
            {[organization.district, organization.street, organization.community].filter(Boolean).join(" ")}
          </Fact>
          <Fact label={t("fields.contactName")}>
            {organization.contactName} {organization.contactPhone}
          </Fact>
          <Fact label={t("fields.address")}>{organization.address}</Fact>
        </tbody>
      </table>
    </Section>
  );
}

function Overview({ snapshot }: { snapshot: ProposalSnapshot }) {
  const { t } = useTranslation("proposals");
  return (
    <Section id="print-overview" title={t("print.sections.overview")}>
      <table className="print-facts">
        <tbody>
          <Fact label={t("fields.title")}>{snapshot.title || t("untitled")}</Fact>
          <Fact label={t("fields.programCategoryId")}>{snapshot.focusArea?.name ?? t("view.notProvided")}</Fact>
          <Fact label={t("fields.targetGroupIds")}>
            {snapshot.targetGroups.length > 0
              ? snapshot.targetGroups.map((group) => targetGroupLabel(group, t)).join(t("listSeparator"))
              : t("view.notProvided")}
          </Fact>
          <Fact label={t("fields.serviceCommunity")}>{snapshot.serviceCommunity || t("view.notProvided")}</Fact>
          <Fact label={t("view.period")}>
            <Period snapshot={snapshot} />
          </Fact>
          <Fact label={t("fields.expectedBeneficiaries")}>
            {snapshot.expectedBeneficiaries ?? t("view.notProvided")}
          </Fact>
          <Fact label={t("fields.summary")}>
            <span className="print-prose">{snapshot.summary || t("view.notProvided")}</span>
          </Fact>
        </tbody>
      </table>
    </Section>
  );
}

// The summary stands with the basic facts above; the other narrative sections follow here.
const textFields = narrativeFields.filter((field) => field !== "summary");

function Texts({ snapshot }: { snapshot: ProposalSnapshot }) {
  const { t } = useTranslation("proposals");
  return (
    <Section id="print-content" title={t("print.sections.content")}>
      {textFields.map((field, index) => (
        <div key={field} className="print-text">
          <h3>
            {index + 1}. {t(`fields.${field}`)}
          </h3>
          <p className="print-prose">{snapshot[field] || t("view.notProvided")}</p>
        </div>
      ))}
    </Section>
  );
}

function Team({ snapshot }: { snapshot: ProposalSnapshot }) {
  const { t } = useTranslation("proposals");
  return (
    <Section id="print-team" title={t("print.sections.team")}>
      {snapshot.teamMembers.length === 0 ? (
        <p>{t("view.noTeam")}</p>
      ) : (
        <table className="print-table">
          <thead>
            <tr>
              <th className="print-table__index">{t("print.budget.index")}</th>
              <th>{t("fields.teamMember.name")}</th>
              <th>{t("fields.teamMember.role")}</th>
              <th>{t("fields.teamMember.qualification")}</th>
            </tr>
          </thead>
          <tbody>
            {snapshot.teamMembers.map((member, index) => (
              <tr key={index}>
                <td className="print-table__index">{index + 1}</td>
                <td>{member.name}</td>
                <td>{member.role}</td>
                <td>{member.qualification || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function Budget({ snapshot }: { snapshot: ProposalSnapshot }) {
  const { t, i18n } = useTranslation("proposals");
  const { totals } = snapshot;
  const share = grantShareBp(totals);
  const percent = (fen: number) =>
    totals.totalFen > 0 ? formatShare(Math.round((fen * 10_000) / totals.totalFen), i18n.language) : "—";
  const categories = Object.entries(totals.byCategory).flatMap(([category, fen]) =>
    fen === undefined ? [] : [{ category, fen }],
  );
  return (
    <Section id="print-budget" title={t("print.sections.budget")}>
      {snapshot.budgetLines.length === 0 ? (
        <p>{t("view.noBudget")}</p>
      ) : (
        <table className="print-table print-table--budget">
          <thead>
            <tr>
              <th className="print-table__index">{t("print.budget.index")}</th>
              <th>{t("fields.budgetLine.category")}</th>
              <th>{t("fields.budgetLine.item")}</th>
              <th className="numeric">{t("fields.budgetLine.unitPrice")}</th>
              <th className="numeric">{t("fields.budgetLine.quantity")}</th>
              <th className="numeric">{t("fields.budgetLine.amount")}</th>
              <th>{t("fields.budgetLine.fundingSource")}</th>
              <th>{t("fields.budgetLine.basis")}</th>
            </tr>
          </thead>
          <tbody>
            {snapshot.budgetLines.map((line, index) => (
              <tr key={index}>
                <td className="print-table__index">{index + 1}</td>
                <td>{line.category ? costCategoryLabel(line.category, t) : "—"}</td>
                <td>{line.item}</td>
                <td className="numeric">{line.unitPriceFen === null ? "—" : <Money fen={line.unitPriceFen} />}</td>
                <td className="numeric">
                  {line.quantityHundredths === null ? "—" : `${quantityToInput(line.quantityHundredths)} ${line.unit}`}
                </td>
                <td className="numeric">
                  <Money fen={line.amountFen} />
                </td>
                <td>{line.fundingSource ? t(`fundingSources.${line.fundingSource}`) : "—"}</td>
                <td className="print-table__basis">{line.basis || "—"}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={5} scope="row">
                {t("print.budget.total")}
              </th>
              <td className="numeric">
                <Money fen={totals.totalFen} />
              </td>
              <td colSpan={2} />
            </tr>
          </tfoot>
        </table>
      )}
      <h3 className="print-subheading">{t("print.budget.subtotals")}</h3>
      <div className="print-subtotals">
        <table className="print-table">
          <caption>{t("print.budget.byCategory")}</caption>
          <thead>
            <tr>
              <th>{t("fields.budgetLine.category")}</th>
              <th className="numeric">{t("fields.budgetLine.amount")}</th>
              <th className="numeric">{t("print.budget.share")}</th>
            </tr>
          </thead>
          <tbody>
            {categories.map(({ category, fen }) => (
              <tr key={category}>
                <td>{costCategoryLabel(category, t)}</td>
                <td className="numeric">
                  <Money fen={fen} />
                </td>
                <td className="numeric">{percent(fen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="print-table">
          <caption>{t("print.budget.bySource")}</caption>
          <thead>
            <tr>
              <th>{t("fields.budgetLine.fundingSource")}</th>
              <th className="numeric">{t("fields.budgetLine.amount")}</th>
              <th className="numeric">{t("print.budget.share")}</th>
            </tr>
          </thead>
          <tbody>
            {fundingSources.map((source) => (
              <tr key={source}>
                <td>{t(`fundingSources.${source}`)}</td>
                <td className="numeric">
                  <Money fen={totals.bySource[source]} />
                </td>
                <td className="numeric">{percent(totals.bySource[source])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {share !== null ? <p>{t("print.budget.grantShare", { share: formatShare(share, i18n.language) })}</p> : null}
    </Section>
  );
}

function Milestones({ snapshot }: { snapshot: ProposalSnapshot }) {
  const { t } = useTranslation("proposals");
  return (
    <Section id="print-milestones" title={t("print.sections.milestones")}>
      {snapshot.milestones.length === 0 ? (
        <p>{t("view.noMilestones")}</p>
      ) : (
        <table className="print-table">
          <thead>
            <tr>
              <th className="print-table__index">{t("print.budget.index")}</th>
              <th>{t("fields.milestone.title")}</th>
              <th>{t("fields.milestone.dueOn")}</th>
              <th>{t("fields.milestone.deliverable")}</th>
            </tr>
          </thead>
          <tbody>
            {snapshot.milestones.map((milestone, index) => (
              <tr key={index}>
                <td className="print-table__index">{index + 1}</td>
                <td>{milestone.title}</td>
                <td className="print-table__date">{milestone.dueOn ? <CalendarDate date={milestone.dueOn} /> : "—"}</td>
                <td>{milestone.deliverable}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function Targets({ snapshot }: { snapshot: ProposalSnapshot }) {
  const { t, i18n } = useTranslation("proposals");
  return (
    <Section id="print-targets" title={t("print.sections.targets")}>
      {snapshot.indicatorTargets.length === 0 ? (
        <p>{t("view.noTargets")}</p>
      ) : (
        <table className="print-table">
          <thead>
            <tr>
              <th className="print-table__index">{t("print.budget.index")}</th>
              <th>{t("fields.indicatorTarget.indicator")}</th>
              <th className="numeric">{t("fields.indicatorTarget.targetValue")}</th>
              <th>{t("fields.indicatorTarget.split")}</th>
            </tr>
          </thead>
          <tbody>
            {snapshot.indicatorTargets.map((target, index) => {
              const { name, unit } = indicatorLabels(target, t);
              return (
                <tr key={index}>
                  <td className="print-table__index">{index + 1}</td>
                  <td>{name || "—"}</td>
                  <td className="numeric">
                    {target.targetValue === null ? "—" : target.targetValue.toLocaleString(i18n.language)} {unit}
                  </td>
                  <td>{indicatorSplitText(target.split, snapshot.targetGroups, t)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function Attachments({ snapshot }: { snapshot: ProposalSnapshot }) {
  const { t } = useTranslation("proposals");
  return (
    <Section id="print-attachments" title={t("print.sections.attachments")}>
      {snapshot.attachments.length === 0 ? (
        <p>{t("view.noAttachments")}</p>
      ) : (
        <ol className="print-attachments">
          {snapshot.attachments.map((attachment) => (
            <li key={attachment.id}>{attachment.originalName}</li>
          ))}
        </ol>
      )}
    </Section>
  );
}

function Declaration() {
  const { t } = useTranslation("proposals");
  return (
    <Section id="print-declaration" title={t("print.sections.declaration")}>
      <p className="print-prose">{t("print.declaration")}</p>
      <div className="print-signatures">
        <p>
          <span>{t("print.signature.stamp")}</span>
          <span className="print-signatures__line" />
        </p>
        <p>
          <span>{t("print.signature.head")}</span>
          <span className="print-signatures__line" />
        </p>
        <p>
          <span>{t("print.signature.date")}</span>
          <span className="print-signatures__line">{t("print.signature.dateBlank")}</span>
        </p>
      </div>
    </Section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) =>
  pageTitle(data?.title, meta, { appName: false });

export const ErrorBoundary = GeneralErrorBoundary;
