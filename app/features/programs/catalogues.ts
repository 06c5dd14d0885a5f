// Fixed vocabularies shared by programs and proposals: cost categories, target groups, applicant kinds, ratings,
// funding-source kinds. Labels live in the dictionaries under programs:catalogue.*.
export const costCategories = [
  "activity_materials",
  "publicity",
  "expert_fees",
  "personnel",
  "transport",
  "meals",
  "venue",
  "management",
  "taxes",
  "fixed_assets",
  "cash_gifts",
  "hospitality",
  "other",
] as const;
export type CostCategory = (typeof costCategories)[number];

/** What most programs forbid (固定资产、直接发放慰问品、公务接待), offered as the default selection. */
export const defaultProhibitedCategories: CostCategory[] = ["fixed_assets", "cash_gifts", "hospitality"];

/** 一老一小一困一残; programs may add their own groups next to these. */
export const standardTargetGroups = ["elderly", "children", "needy", "disabled"] as const;
export type StandardTargetGroup = (typeof standardTargetGroups)[number];
/** The code of a program's own target groups, stored with their name next to the standard ones. */
export const CUSTOM_TARGET_GROUP = "custom";

export const applicantKinds = ["registered", "filed_team"] as const;
export type ApplicantKind = (typeof applicantKinds)[number];

export const ratings = ["1A", "2A", "3A", "4A", "5A"] as const;
export type Rating = (typeof ratings)[number];

export const fundingSourceKinds = ["community_charity_fund", "public_budget", "company_match", "other"] as const;
export type FundingSourceKind = (typeof fundingSourceKinds)[number];

export function ratingRank(rating: string | null | undefined): number {
  return rating ? (ratings as readonly string[]).indexOf(rating) + 1 : 0;
}
