// Labels for the codes a proposal stores, in the user's language. Catalogue labels belong to the programs
// dictionary (programs:catalogue.*); a program's own target groups carry their name.
import type { TFunction } from "i18next";
import { CUSTOM_INDICATOR, isIndicatorCode } from "./indicators";

export function costCategoryLabel(code: string, t: TFunction): string {
  return t(`programs:catalogue.costCategory.${code}`, { defaultValue: code });
}

export function targetGroupLabel(group: { code: string; name: string | null }, t: TFunction): string {
  return group.name ?? t(`programs:catalogue.targetGroup.${group.code}`, { defaultValue: group.code });
}

export function applicantKindLabel(kind: string, t: TFunction): string {
  return t(`programs:catalogue.applicantKind.${kind}`, { defaultValue: kind });
}

/** An impact target's indicator name and unit: from the catalogue, or as the applicant typed them. */
export function indicatorLabels(
  target: { indicator: string | null; customName: string; customUnit: string },
  t: TFunction,
): { name: string; unit: string } {
  if (target.indicator !== null && target.indicator !== CUSTOM_INDICATOR && isIndicatorCode(target.indicator)) {
    return {
      name: t(`proposals:indicators.${target.indicator}.name`),
      unit: t(`proposals:indicators.${target.indicator}.unit`),
    };
  }
  return { name: target.customName, unit: target.customUnit };
}

/** Errors about the whole proposal (the window, who applies) rather than a field; they have no field to point at. */
export function isFormLevelPath(path: string): boolean {
  return path === "programWindow" || path === "organization";
}

const rowKinds: Record<string, { row: string; field: string }> = {
  teamMembers: { row: "rowLabel.teamMember", field: "fields.teamMember" },
  budgetLines: { row: "rowLabel.budgetLine", field: "fields.budgetLine" },
  milestones: { row: "rowLabel.milestone", field: "fields.milestone" },
  indicatorTargets: { row: "rowLabel.target", field: "fields.indicatorTarget" },
};

const sectionOf: Record<string, string> = {
  teamMembers: "sections.team",
  budgetLines: "sections.budget",
  milestones: "sections.milestones",
  indicatorTargets: "sections.targets",
  grantRequested: "budget.grantRequested",
  newAttachments: "sections.attachments",
};

/** "budgetLines.3.category" → "预算行 4 · 费用类别"; "title" → "项目名称". */
export function fieldPathLabel(path: string, t: TFunction): string {
  const [head = "", index, field] = path.split(".");
  const kind = rowKinds[head];
  if (kind && index !== undefined) {
    const row = t(`proposals:${kind.row}`, { n: Number(index) + 1 });
    return field ? `${row} · ${t(`proposals:${kind.field}.${field}`)}` : row;
  }
  return t(`proposals:${sectionOf[head] ?? `fields.${head}`}`);
}

/** How an impact target splits across the program's target groups ("独居老人 20、困境儿童 10"), or "—". */
export function indicatorSplitText(
  split: readonly { targetGroupId: number; value: number | string }[],
  targetGroups: readonly { id: number; code: string; name: string | null }[],
  t: TFunction,
): string {
  if (split.length === 0) return "—";
  const groupName = (id: number) => {
    const group = targetGroups.find((candidate) => candidate.id === id);
    return group ? targetGroupLabel(group, t) : String(id);
  };
  return split.map((part) => `${groupName(part.targetGroupId)} ${part.value}`).join(t("proposals:listSeparator"));
}
