// Shows what changed between two versions (see version-diff.ts): changed fields and totals with their old and new
// values side by side, then the added, removed and changed rows of each table, each named so a reader recognises it.
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CalendarDate, Money } from "~/ui/bits";
import { quantityToInput } from "./budget";
import { costCategoryLabel, indicatorLabels, targetGroupLabel } from "./labels";
import type {
  AttachmentRow,
  BudgetLineRow,
  DiffedField,
  MilestoneRow,
  RowDiff,
  TargetRow,
  TeamRow,
  VersionDiff,
} from "./version-diff";

const fieldLabelKeys: Record<DiffedField, string> = {
  title: "fields.title",
  focusArea: "fields.programCategoryId",
  serviceCommunity: "fields.serviceCommunity",
  startsOn: "fields.startsOn",
  endsOn: "fields.endsOn",
  expectedBeneficiaries: "fields.expectedBeneficiaries",
  summary: "fields.summary",
  needs: "fields.needs",
  goals: "fields.goals",
  activityPlan: "fields.activityPlan",
  innovation: "fields.innovation",
  sustainability: "fields.sustainability",
  risks: "fields.risks",
};

function Empty() {
  const { t } = useTranslation("proposals");
  return <span className="muted">{t("manage.versions.empty")}</span>;
}

function FieldValue({ field, value }: { field: DiffedField; value: string | number | null }) {
  if (value === null || value === "") return <Empty />;
  if ((field === "startsOn" || field === "endsOn") && typeof value === "string") return <CalendarDate date={value} />;
  return <span className="diff-text">{value}</span>;
}

interface RowKind<T> {
  /** A short name for the row, so the reader recognises it among the others. */
  name: (row: T, t: TFunction) => ReactNode;
  fieldLabel: (field: keyof T & string, t: TFunction) => string;
  value: (row: T, field: keyof T & string, t: TFunction) => ReactNode;
}

function plain(value: unknown): ReactNode {
  return value === null || value === "" || value === undefined ? <Empty /> : String(value);
}

const budgetLineFieldKeys: Record<string, string> = {
  unitPriceFen: "unitPrice",
  quantityHundredths: "quantity",
  amountFen: "amount",
};

const budgetLineKind: RowKind<BudgetLineRow> = {
  name: (line, t) => (
    <>
      {line.category ? costCategoryLabel(line.category, t) : "—"} · {line.item} · <Money fen={line.amountFen} />
      {line.fundingSource ? ` · ${t(`fundingSources.${line.fundingSource}`)}` : ""}
    </>
  ),
  fieldLabel: (field, t) => t(`fields.budgetLine.${budgetLineFieldKeys[field] ?? field}`),
  value: (line, field, t) => {
    switch (field) {
      case "unitPriceFen":
        return line.unitPriceFen === null ? <Empty /> : <Money fen={line.unitPriceFen} />;
      case "amountFen":
        return <Money fen={line.amountFen} />;
      case "quantityHundredths":
        return line.quantityHundredths === null ? <Empty /> : quantityToInput(line.quantityHundredths);
      case "category":
        return line.category ? costCategoryLabel(line.category, t) : <Empty />;
      case "fundingSource":
        return line.fundingSource ? t(`fundingSources.${line.fundingSource}`) : <Empty />;
      default:
        return plain(line[field]);
    }
  },
};

const milestoneKind: RowKind<MilestoneRow> = {
  name: (milestone) => (
    <>
      {milestone.title}
      {milestone.dueOn ? (
        <>
          {" · "}
          <CalendarDate date={milestone.dueOn} />
        </>
      ) : null}
    </>
  ),
  fieldLabel: (field, t) => t(`fields.milestone.${field}`),
  value: (milestone, field) =>
    field === "dueOn" && milestone.dueOn ? <CalendarDate date={milestone.dueOn} /> : plain(milestone[field]),
};

function targetKind(groups: VersionDiffViewProps["targetGroups"]): RowKind<TargetRow> {
  return {
    name: (target, t) => {
      const { name, unit } = indicatorLabels(target, t);
      return `${name || "—"}${t("manage.versions.colon")}${target.targetValue ?? "—"} ${unit}`;
    },
    fieldLabel: (field, t) => t(`fields.indicatorTarget.${field}`),
    value: (target, field, t) => {
      if (field === "indicator") return indicatorLabels(target, t).name || <Empty />;
      if (field === "split") {
        if (target.split.length === 0) return <Empty />;
        return target.split
          .map((part) => {
            const group = groups.find((candidate) => candidate.id === part.targetGroupId);
            return `${group ? targetGroupLabel(group, t) : part.targetGroupId} ${part.value}`;
          })
          .join(t("listSeparator"));
      }
      return plain(target[field]);
    },
  };
}

const teamKind: RowKind<TeamRow> = {
  name: (member) => `${member.name} · ${member.role}`,
  fieldLabel: (field, t) => t(`fields.teamMember.${field}`),
  value: (member, field) => plain(member[field]),
};

const attachmentKind: RowKind<AttachmentRow> = {
  name: (attachment) => attachment.originalName,
  fieldLabel: (_field, t) => t("sections.attachments"),
  value: (attachment, field) => plain(attachment[field]),
};

function RowChanges<T>({ title, diff, kind }: { title: string; diff: RowDiff<T>; kind: RowKind<T> }) {
  const { t } = useTranslation("proposals");
  if (diff.added.length + diff.removed.length + diff.changed.length === 0) return null;
  return (
    <div className="version-diff__group">
      <h3>{title}</h3>
      <ul className="version-diff__rows">
        {diff.removed.map((row, index) => (
          <li key={`removed-${index}`} className="version-diff__row version-diff__row--removed">
            <span className="version-diff__tag">{t("manage.versions.removed")}</span> {kind.name(row, t)}
          </li>
        ))}
        {diff.added.map((row, index) => (
          <li key={`added-${index}`} className="version-diff__row version-diff__row--added">
            <span className="version-diff__tag">{t("manage.versions.added")}</span> {kind.name(row, t)}
          </li>
        ))}
        {diff.changed.map((change, index) => (
          <li key={`changed-${index}`} className="version-diff__row version-diff__row--changed">
            <span className="version-diff__tag">{t("manage.versions.changed")}</span> {kind.name(change.after, t)}
            <ul className="version-diff__fields">
              {change.fields.map((field) => (
                <li key={field}>
                  {kind.fieldLabel(field, t)}
                  {t("manage.versions.colon")}
                  <del>{kind.value(change.before, field, t)}</del> → <ins>{kind.value(change.after, field, t)}</ins>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface VersionDiffViewProps {
  diff: VersionDiff;
  /** The program's target groups, to name the groups a target's split refers to. */
  targetGroups: readonly { id: number; code: string; name: string | null }[];
}

export function VersionDiffView({ diff, targetGroups }: VersionDiffViewProps) {
  const { t } = useTranslation("proposals");
  const groupsChanged = diff.targetGroups.added.length + diff.targetGroups.removed.length > 0;
  return (
    <div className="version-diff">
      {diff.fields.length > 0 ? (
        <div className="version-diff__group">
          <h3>{t("manage.versions.fields")}</h3>
          <div className="table-wrap">
            <table className="version-diff__table">
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">{t("manage.versions.field")}</span>
                  </th>
                  <th scope="col">{t("manage.versions.before")}</th>
                  <th scope="col">{t("manage.versions.after")}</th>
                </tr>
              </thead>
              <tbody>
                {diff.fields.map((change) => (
                  <tr key={change.field}>
                    <th scope="row">{t(fieldLabelKeys[change.field])}</th>
                    <td className="version-diff__before" data-label={t("manage.versions.before")}>
                      <FieldValue field={change.field} value={change.before} />
                    </td>
                    <td className="version-diff__after" data-label={t("manage.versions.after")}>
                      <FieldValue field={change.field} value={change.after} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
      {groupsChanged ? (
        <div className="version-diff__group">
          <h3>{t("manage.versions.targetGroups")}</h3>
          <ul className="version-diff__rows">
            {diff.targetGroups.removed.map((group) => (
              <li key={`removed-${group.id}`} className="version-diff__row version-diff__row--removed">
                <span className="version-diff__tag">{t("manage.versions.removed")}</span> {targetGroupLabel(group, t)}
              </li>
            ))}
            {diff.targetGroups.added.map((group) => (
              <li key={`added-${group.id}`} className="version-diff__row version-diff__row--added">
                <span className="version-diff__tag">{t("manage.versions.added")}</span> {targetGroupLabel(group, t)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {diff.totals.length > 0 ? (
        <div className="version-diff__group">
          <h3>{t("manage.versions.totals")}</h3>
          <ul className="version-diff__rows">
            {diff.totals.map((change) => (
              <li key={change.total} className="version-diff__row version-diff__row--changed">
                {t(`manage.versions.total.${change.total}`)}
                {t("manage.versions.colon")}
                <del>
                  <Money fen={change.beforeFen} />
                </del>{" "}
                →{" "}
                <ins>
                  <Money fen={change.afterFen} />
                </ins>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <RowChanges title={t("manage.versions.rows.budgetLines")} diff={diff.budgetLines} kind={budgetLineKind} />
      <RowChanges title={t("manage.versions.rows.milestones")} diff={diff.milestones} kind={milestoneKind} />
      <RowChanges
        title={t("manage.versions.rows.indicatorTargets")}
        diff={diff.indicatorTargets}
        kind={targetKind(targetGroups)}
      />
      <RowChanges title={t("manage.versions.rows.teamMembers")} diff={diff.teamMembers} kind={teamKind} />
      <RowChanges title={t("manage.versions.rows.attachments")} diff={diff.attachments} kind={attachmentKind} />
    </div>
  );
}
