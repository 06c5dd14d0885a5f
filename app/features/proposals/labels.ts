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
    return { name: t(`proposals:indicators.${target.indicator}.name`), unit: t(`proposals:indicators.${target.indicator}.unit`) };
  }
  return { name: target.customName, unit: target.customUnit };
}
