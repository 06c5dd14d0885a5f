// A proposal read back in full (申报书 as submitted or as drafted): the confirmation page shows it before the final
// submit, the proposal page shows it afterwards. Tables turn into labelled cards on a phone.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatShare } from "~/lib/format";
import { CalendarDate, Money } from "~/ui/bits";
import { type BudgetTotals, fundingSources, grantShareBp, lineAmountFen, quantityToInput } from "./budget";
import { narrativeFields, type ProposalContent, presentRows } from "./content";
import { costCategoryLabel, indicatorLabels, indicatorSplitText, targetGroupLabel } from "./labels";

export interface ProposalDetailsProps {
  proposalId: number;
  content: ProposalContent;
  totals: BudgetTotals;
  categories: readonly { id: number; name: string }[];
  targetGroups: readonly { id: number; code: string; name: string | null }[];
  attachments: readonly { id: number; originalName: string; sizeBytes: number }[];
}

function Prose({ text }: { text: string }) {
  const { t } = useTranslation("proposals");
  return text ? <p className="proposal-prose">{text}</p> : <p className="muted">{t("view.notProvided")}</p>;
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card proposal-details__section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function ProposalDetails({
  proposalId,
  content,
  totals,
  categories,
  targetGroups,
  attachments,
}: ProposalDetailsProps) {
  const { t, i18n } = useTranslation("proposals");
  const focusArea = categories.find((category) => category.id === content.programCategoryId);
  const groups = targetGroups.filter((group) => content.targetGroupIds.includes(group.id));
  const team = presentRows(content.teamMembers);
  const lines = presentRows(content.budgetLines);
  const milestones = presentRows(content.milestones);
  const targets = presentRows(content.indicatorTargets);
  const share = grantShareBp(totals);
  const notProvided = <span className="muted">{t("view.notProvided")}</span>;

  return (
    <div className="proposal-details">
      <Section id="details-basics" title={t("sections.basics")}>
        <dl className="description-list">
          <dt>{t("fields.programCategoryId")}</dt>
          <dd>{focusArea?.name ?? notProvided}</dd>
          <dt>{t("fields.targetGroupIds")}</dt>
          <dd>
            {groups.length > 0
              ? groups.map((group) => targetGroupLabel(group, t)).join(t("listSeparator"))
              : notProvided}
          </dd>
          <dt>{t("fields.serviceCommunity")}</dt>
          <dd>{content.serviceCommunity || notProvided}</dd>
          <dt>{t("view.period")}</dt>
          <dd>
            {content.startsOn ? <CalendarDate date={content.startsOn} /> : "—"} –{" "}
            {content.endsOn ? <CalendarDate date={content.endsOn} /> : "—"}
          </dd>
          <dt>{t("fields.expectedBeneficiaries")}</dt>
          <dd>{content.expectedBeneficiaries ?? notProvided}</dd>
        </dl>
      </Section>

      <Section id="details-texts" title={t("sections.texts")}>
        {narrativeFields.map((field) => (
          <div key={field} className="proposal-details__text">
            <h3>{t(`fields.${field}`)}</h3>
            <Prose text={content[field]} />
          </div>
        ))}
      </Section>

      <Section id="details-team" title={t("sections.team")}>
        {team.length === 0 ? (
          <p className="muted">{t("view.noTeam")}</p>
        ) : (
          <div className="table-wrap proposal-table">
            <table>
              <thead>
                <tr>
                  <th>{t("fields.teamMember.name")}</th>
                  <th>{t("fields.teamMember.role")}</th>
                  <th>{t("fields.teamMember.qualification")}</th>
                </tr>
              </thead>
              <tbody>
                {team.map((member, index) => (
                  <tr key={index}>
                    <td data-label={t("fields.teamMember.name")}>{member.name}</td>
                    <td data-label={t("fields.teamMember.role")}>{member.role}</td>
                    <td data-label={t("fields.teamMember.qualification")}>{member.qualification || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section id="details-budget" title={t("sections.budget")}>
        {lines.length === 0 ? (
          <p className="muted">{t("view.noBudget")}</p>
        ) : (
          <div className="table-wrap proposal-table">
            <table>
              <thead>
                <tr>
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
                {lines.map((line, index) => (
                  <tr key={index}>
                    <td data-label={t("fields.budgetLine.category")}>
                      {line.category ? costCategoryLabel(line.category, t) : "—"}
                    </td>
                    <td data-label={t("fields.budgetLine.item")}>{line.item}</td>
                    <td className="numeric" data-label={t("fields.budgetLine.unitPrice")}>
                      {line.unitPriceFen === null ? "—" : <Money fen={line.unitPriceFen} />}
                    </td>
                    <td className="numeric" data-label={t("fields.budgetLine.quantity")}>
                      {line.quantityHundredths === null
                        ? "—"
                        : `${quantityToInput(line.quantityHundredths)} ${line.unit}`}
                    </td>
                    <td className="numeric" data-label={t("fields.budgetLine.amount")}>
                      <Money fen={lineAmountFen(line.unitPriceFen, line.quantityHundredths)} />
                    </td>
                    <td data-label={t("fields.budgetLine.fundingSource")}>
                      {line.fundingSource ? t(`fundingSources.${line.fundingSource}`) : "—"}
                    </td>
                    <td data-label={t("fields.budgetLine.basis")}>{line.basis || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <dl className="proposal-totals">
          <div>
            <dt>{t("budget.total")}</dt>
            <dd>
              <Money fen={totals.totalFen} />
            </dd>
          </div>
          <div className="proposal-totals__grant">
            <dt>{t("budget.grantRequested")}</dt>
            <dd>
              <Money fen={totals.grantRequestedFen} />
            </dd>
          </div>
          <div>
            <dt>{t("budget.grantShare")}</dt>
            <dd>{share === null ? "—" : formatShare(share, i18n.language)}</dd>
          </div>
          {fundingSources
            .filter((source) => source !== "grant")
            .map((source) => (
              <div key={source}>
                <dt>{t(`fundingSources.${source}`)}</dt>
                <dd>
                  <Money fen={totals.bySource[source]} />
                </dd>
              </div>
            ))}
        </dl>
      </Section>

      <Section id="details-milestones" title={t("sections.milestones")}>
        {milestones.length === 0 ? (
          <p className="muted">{t("view.noMilestones")}</p>
        ) : (
          <div className="table-wrap proposal-table">
            <table>
              <thead>
                <tr>
                  <th>{t("fields.milestone.dueOn")}</th>
                  <th>{t("fields.milestone.title")}</th>
                  <th>{t("fields.milestone.deliverable")}</th>
                </tr>
              </thead>
              <tbody>
                {milestones.map((milestone, index) => (
                  <tr key={index}>
                    <td data-label={t("fields.milestone.dueOn")} className="nowrap-cell">
                      {milestone.dueOn ? <CalendarDate date={milestone.dueOn} /> : "—"}
                    </td>
                    <td data-label={t("fields.milestone.title")}>{milestone.title}</td>
                    <td data-label={t("fields.milestone.deliverable")}>{milestone.deliverable}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section id="details-targets" title={t("sections.targets")}>
        {targets.length === 0 ? (
          <p className="muted">{t("view.noTargets")}</p>
        ) : (
          <div className="table-wrap proposal-table">
            <table>
              <thead>
                <tr>
                  <th>{t("fields.indicatorTarget.indicator")}</th>
                  <th className="numeric">{t("fields.indicatorTarget.targetValue")}</th>
                  <th>{t("fields.indicatorTarget.split")}</th>
                </tr>
              </thead>
              <tbody>
                {targets.map((target, index) => {
                  const { name, unit } = indicatorLabels(target, t);
                  return (
                    <tr key={index}>
                      <td data-label={t("fields.indicatorTarget.indicator")}>{name || "—"}</td>
                      <td className="numeric" data-label={t("fields.indicatorTarget.targetValue")}>
                        {target.targetValue ?? "—"} {unit}
                      </td>
                      <td data-label={t("fields.indicatorTarget.split")}>
                        {indicatorSplitText(target.split, targetGroups, t)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section id="details-attachments" title={t("sections.attachments")}>
        {attachments.length === 0 ? (
          <p className="muted">{t("view.noAttachments")}</p>
        ) : (
          <ul className="proposal-attachments">
            {attachments.map((attachment) => (
              <li key={attachment.id}>
                <Link
                  to={`/proposals/${proposalId}/attachments/${attachment.id}`}
                  reloadDocument
                  className="break-anywhere"
                >
                  {attachment.originalName}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
