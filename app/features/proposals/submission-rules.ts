// Decides whether a proposal may be submitted to its program: the window (by server time), who may apply (kind,
// rating, proposals per organisation), completeness, the project period, milestones, impact targets and the budget
// rules (grant minimum and maximum, share of the total, personnel and management caps, prohibited categories).
// Every error names the exact form path it belongs to ("budgetLines.3.category", "milestones.1.dueOn"), or a
// form-level key ("programWindow", "organization") or a section ("budgetLines", "grantRequested").
import { ratingRank } from "~/features/programs/catalogues";
import { isRatingCurrent } from "~/features/organizations/rating";
import { budgetLineFieldNames, type IndicatorTargetInput, type ProposalContent, presentRows } from "./content";
import { type BudgetLineAmounts, budgetTotals, capAmountFen, grantShareBp, shareExceeds } from "./budget";
import { CUSTOM_INDICATOR, percentIndicators } from "./indicators";

export type RuleCode =
  | "required"
  | "noTeamMembers"
  | "noBudgetLines"
  | "noMilestones"
  | "noImpactTargets"
  | "programNotAccepting"
  | "windowNotOpenYet"
  | "windowClosed"
  | "kindNotEligible"
  | "ratingMissing"
  | "ratingExpired"
  | "ratingBelowMinimum"
  | "proposalLimitReached"
  | "focusAreaNotInProgram"
  | "targetGroupNotInProgram"
  | "periodStartsTooEarly"
  | "periodEndsTooLate"
  | "periodEndsBeforeStart"
  | "milestoneOutsidePeriod"
  | "valueNotPositive"
  | "percentAbove100"
  | "duplicateIndicator"
  | "splitExceedsTarget"
  | "prohibitedCategory"
  | "grantBelowMin"
  | "grantAboveMax"
  | "grantAboveFiledTeamMax"
  | "grantShareAboveMax"
  | "personnelAboveCap"
  | "managementAboveCap";

/** Params named *Fen are amounts, *Bp shares, *On dates and *At instants; rule-messages.ts formats them so. */
export interface RuleError {
  path: string;
  code: RuleCode;
  params?: Record<string, string | number>;
}

/** What a program says about who may apply and what a proposal must look like (JSON columns already parsed). */
export interface ProgramRules {
  status: string;
  opensAt: string;
  closesAt: string;
  grantMinFen: number;
  grantMaxFen: number;
  filedTeamGrantMaxFen: number | null;
  maxGrantShareBp: number;
  personnelCapBp: number | null;
  managementCapBp: number | null;
  prohibitedCategories: readonly string[];
  proposalsPerOrg: number;
  eligibleKinds: readonly string[];
  minRating: string | null;
  implementationStartsOn: string;
  implementationEndsOn: string;
  categoryIds: readonly number[];
  targetGroupIds: readonly number[];
}

export interface ApplicantFacts {
  kind: string;
  rating: string | null;
  ratingExpiresOn: string | null;
  /** The organisation's other proposals in this program that count against the limit (handed in, not withdrawn). */
  otherCountingProposals: number;
}

export interface RuleClock {
  /** Server time, ISO UTC: the window is judged by it, never by the browser. */
  now: string;
  /** Today's date in China (YYYY-MM-DD), for rating expiry. */
  today: string;
}

const required = (path: string): RuleError => ({ path, code: "required" });

/** Fields and rows the submission needs, whatever the program. The browser runs this too (ProposalSubmitSchema). */
export function requiredFieldErrors(content: ProposalContent): RuleError[] {
  const errors: RuleError[] = [];
  const texts = [
    "title",
    "serviceCommunity",
    "summary",
    "needs",
    "goals",
    "activityPlan",
    "sustainability",
    "risks",
  ] as const;
  for (const field of texts) if (content[field].trim() === "") errors.push(required(field));
  if (content.programCategoryId === null) errors.push(required("programCategoryId"));
  if (content.targetGroupIds.length === 0) errors.push(required("targetGroupIds"));
  if (content.startsOn === null) errors.push(required("startsOn"));
  if (content.endsOn === null) errors.push(required("endsOn"));
  if (content.expectedBeneficiaries === null) errors.push(required("expectedBeneficiaries"));

  if (presentRows(content.teamMembers).length === 0) errors.push({ path: "teamMembers", code: "noTeamMembers" });
  content.teamMembers.forEach((member, index) => {
    if (!member) return;
    if (member.name === "") errors.push(required(`teamMembers.${index}.name`));
    if (member.role === "") errors.push(required(`teamMembers.${index}.role`));
  });

  if (presentRows(content.budgetLines).length === 0) errors.push({ path: "budgetLines", code: "noBudgetLines" });
  content.budgetLines.forEach((line, index) => {
    if (!line) return;
    const at = (field: string) => `budgetLines.${index}.${field}`;
    if (line.category === null) errors.push(required(at("category")));
    if (line.item === "") errors.push(required(at("item")));
    if (line.unitPriceFen === null) errors.push(required(at(budgetLineFieldNames.unitPriceFen)));
    if (line.quantityHundredths === null) errors.push(required(at(budgetLineFieldNames.quantityHundredths)));
    if (line.unit === "") errors.push(required(at("unit")));
    if (line.fundingSource === null) errors.push(required(at("fundingSource")));
  });

  if (presentRows(content.milestones).length === 0) errors.push({ path: "milestones", code: "noMilestones" });
  content.milestones.forEach((milestone, index) => {
    if (!milestone) return;
    if (milestone.title === "") errors.push(required(`milestones.${index}.title`));
    if (milestone.dueOn === null) errors.push(required(`milestones.${index}.dueOn`));
    if (milestone.deliverable === "") errors.push(required(`milestones.${index}.deliverable`));
  });

  if (presentRows(content.indicatorTargets).length === 0)
    errors.push({ path: "indicatorTargets", code: "noImpactTargets" });
  content.indicatorTargets.forEach((target, index) => {
    if (!target) return;
    const at = (field: string) => `indicatorTargets.${index}.${field}`;
    if (target.indicator === null) errors.push(required(at("indicator")));
    if (target.indicator === CUSTOM_INDICATOR) {
      if (target.customName === "") errors.push(required(at("customName")));
      if (target.customUnit === "") errors.push(required(at("customUnit")));
    }
    if (target.targetValue === null) errors.push(required(at("targetValue")));
  });
  return errors;
}

/** The call accepts proposals only while the program is open and the server clock is inside its window. */
export function windowErrors(program: Pick<ProgramRules, "status" | "opensAt" | "closesAt">, now: string): RuleError[] {
  const path = "programWindow";
  if (program.status !== "open") return [{ path, code: "programNotAccepting" }];
  if (now < program.opensAt) return [{ path, code: "windowNotOpenYet", params: { opensAt: program.opensAt } }];
  if (now >= program.closesAt) return [{ path, code: "windowClosed", params: { closesAt: program.closesAt } }];
  return [];
}

/** Who may apply: the organisation's kind, its rating (when the program asks for one) and the proposal limit. */
export function applicantErrors(
  program: Pick<ProgramRules, "eligibleKinds" | "minRating" | "proposalsPerOrg">,
  applicant: ApplicantFacts,
  today: string,
): RuleError[] {
  const path = "organization";
  const errors: RuleError[] = [];
  if (!program.eligibleKinds.includes(applicant.kind))
    errors.push({ path, code: "kindNotEligible", params: { kind: applicant.kind } });
  // Only registered organisations are assessed (评估等级); street-filed teams cannot hold a rating, so a minimum
  // rating applies to registered organisations and a program that admits filed teams admits them unrated.
  else if (program.minRating && applicant.kind === "registered") {
    const params = { minRating: program.minRating };
    if (!applicant.rating) errors.push({ path, code: "ratingMissing", params });
    else if (!isRatingCurrent(applicant.rating, applicant.ratingExpiresOn, today)) {
      errors.push({
        path,
        code: "ratingExpired",
        params: { ...params, ratingExpiresOn: applicant.ratingExpiresOn ?? "" },
      });
    } else if (ratingRank(applicant.rating) < ratingRank(program.minRating)) {
      errors.push({ path, code: "ratingBelowMinimum", params: { ...params, rating: applicant.rating } });
    }
  }
  if (applicant.otherCountingProposals >= program.proposalsPerOrg) {
    errors.push({ path, code: "proposalLimitReached", params: { limit: program.proposalsPerOrg } });
  }
  return errors;
}

/** Ids that must belong to the program. Checked on every save, so a tampered form cannot store a foreign id. */
export function referenceErrors(
  content: Pick<ProposalContent, "programCategoryId" | "targetGroupIds" | "indicatorTargets">,
  program: Pick<ProgramRules, "categoryIds" | "targetGroupIds">,
): RuleError[] {
  const errors: RuleError[] = [];
  if (content.programCategoryId !== null && !program.categoryIds.includes(content.programCategoryId)) {
    errors.push({ path: "programCategoryId", code: "focusAreaNotInProgram" });
  }
  if (content.targetGroupIds.some((id) => !program.targetGroupIds.includes(id))) {
    errors.push({ path: "targetGroupIds", code: "targetGroupNotInProgram" });
  }
  content.indicatorTargets.forEach((target, index) => {
    if (target?.split.some((part) => !program.targetGroupIds.includes(part.targetGroupId))) {
      errors.push({ path: `indicatorTargets.${index}.split`, code: "targetGroupNotInProgram" });
    }
  });
  return errors;
}

/** The project runs inside the program's implementation period, and every milestone falls inside the project. */
export function scheduleErrors(
  content: Pick<ProposalContent, "startsOn" | "endsOn" | "milestones">,
  program: Pick<ProgramRules, "implementationStartsOn" | "implementationEndsOn">,
): RuleError[] {
  const errors: RuleError[] = [];
  const { startsOn, endsOn } = content;
  if (startsOn !== null && startsOn < program.implementationStartsOn) {
    errors.push({
      path: "startsOn",
      code: "periodStartsTooEarly",
      params: { implementationStartsOn: program.implementationStartsOn },
    });
  }
  if (endsOn !== null && endsOn > program.implementationEndsOn) {
    errors.push({
      path: "endsOn",
      code: "periodEndsTooLate",
      params: { implementationEndsOn: program.implementationEndsOn },
    });
  }
  if (startsOn !== null && endsOn !== null && endsOn < startsOn) {
    errors.push({ path: "endsOn", code: "periodEndsBeforeStart" });
  }
  // Without a (valid) project period yet, milestones are held to the program's implementation period.
  const periodValid = startsOn !== null && endsOn !== null && endsOn >= startsOn;
  const from = periodValid ? startsOn : program.implementationStartsOn;
  const to = periodValid ? endsOn : program.implementationEndsOn;
  content.milestones.forEach((milestone, index) => {
    if (milestone?.dueOn && (milestone.dueOn < from || milestone.dueOn > to)) {
      errors.push({
        path: `milestones.${index}.dueOn`,
        code: "milestoneOutsidePeriod",
        params: { startsOn: from, endsOn: to },
      });
    }
  });
  return errors;
}

function indicatorKey(target: IndicatorTargetInput): string | null {
  if (target.indicator === null) return null;
  return target.indicator === CUSTOM_INDICATOR ? `custom:${target.customName.trim()}` : target.indicator;
}

/** Impact targets are positive, percentages stay at or below 100, no indicator twice, a split never exceeds its target. */
export function impactTargetErrors(content: Pick<ProposalContent, "indicatorTargets">): RuleError[] {
  const errors: RuleError[] = [];
  const seen = new Set<string>();
  content.indicatorTargets.forEach((target, index) => {
    if (!target) return;
    const at = (field: string) => `indicatorTargets.${index}.${field}`;
    const key = indicatorKey(target);
    if (key !== null && key !== `${CUSTOM_INDICATOR}:`) {
      if (seen.has(key)) errors.push({ path: at("indicator"), code: "duplicateIndicator" });
      seen.add(key);
    }
    if (target.targetValue === null) return;
    if (target.targetValue <= 0) errors.push({ path: at("targetValue"), code: "valueNotPositive" });
    else if (target.indicator !== null && percentIndicators.has(target.indicator) && target.targetValue > 100) {
      errors.push({ path: at("targetValue"), code: "percentAbove100" });
    }
    const splitTotal = target.split.reduce((sum, part) => sum + part.value, 0);
    if (splitTotal > target.targetValue) {
      errors.push({
        path: at("split"),
        code: "splitExceedsTarget",
        params: { splitTotal, targetValue: target.targetValue },
      });
    }
  });
  return errors;
}

/** The budget against the program's money rules. The grant maximum is lower for street-filed teams when set. */
export function budgetErrors(
  content: { budgetLines: readonly (BudgetLineAmounts | null)[] },
  program: Pick<
    ProgramRules,
    | "grantMinFen"
    | "grantMaxFen"
    | "filedTeamGrantMaxFen"
    | "maxGrantShareBp"
    | "personnelCapBp"
    | "managementCapBp"
    | "prohibitedCategories"
  >,
  applicantKind: string,
): RuleError[] {
  const errors: RuleError[] = [];
  content.budgetLines.forEach((line, index) => {
    if (!line) return;
    const at = (field: string) => `budgetLines.${index}.${field}`;
    if (line.category !== null && program.prohibitedCategories.includes(line.category)) {
      errors.push({ path: at("category"), code: "prohibitedCategory", params: { category: line.category } });
    }
    if (line.unitPriceFen !== null && line.unitPriceFen <= 0) {
      errors.push({ path: at(budgetLineFieldNames.unitPriceFen), code: "valueNotPositive" });
    }
    if (line.quantityHundredths !== null && line.quantityHundredths <= 0) {
      errors.push({ path: at(budgetLineFieldNames.quantityHundredths), code: "valueNotPositive" });
    }
  });

  const totals = budgetTotals(content.budgetLines);
  const grant = totals.grantRequestedFen;
  const path = "grantRequested";
  const filedTeamMax = applicantKind === "filed_team" ? program.filedTeamGrantMaxFen : null;
  if (grant < program.grantMinFen) {
    errors.push({
      path,
      code: "grantBelowMin",
      params: { grantMinFen: program.grantMinFen, grantRequestedFen: grant },
    });
  } else if (filedTeamMax !== null && filedTeamMax < program.grantMaxFen && grant > filedTeamMax) {
    errors.push({
      path,
      code: "grantAboveFiledTeamMax",
      params: { grantMaxFen: filedTeamMax, grantRequestedFen: grant },
    });
  } else if (grant > program.grantMaxFen) {
    errors.push({
      path,
      code: "grantAboveMax",
      params: { grantMaxFen: program.grantMaxFen, grantRequestedFen: grant },
    });
  }
  if (totals.totalFen > 0 && shareExceeds(grant, totals.totalFen, program.maxGrantShareBp)) {
    errors.push({
      path,
      code: "grantShareAboveMax",
      params: { maxGrantShareBp: program.maxGrantShareBp, grantShareBp: grantShareBp(totals) ?? 0 },
    });
  }

  const caps = [
    { category: "personnel", capBp: program.personnelCapBp, code: "personnelAboveCap" },
    { category: "management", capBp: program.managementCapBp, code: "managementAboveCap" },
  ] as const;
  for (const { category, capBp, code } of caps) {
    const spentFen = totals.grantByCategory[category] ?? 0;
    if (capBp !== null && spentFen > 0 && shareExceeds(spentFen, grant, capBp)) {
      errors.push({ path: "budgetLines", code, params: { capBp, capFen: capAmountFen(grant, capBp), spentFen } });
    }
  }
  return errors;
}

/** Everything a submission must satisfy, in the order the form shows it. An empty list means it may be submitted. */
export function checkSubmission(
  content: ProposalContent,
  program: ProgramRules,
  applicant: ApplicantFacts,
  clock: RuleClock,
): RuleError[] {
  return [
    ...windowErrors(program, clock.now),
    ...applicantErrors(program, applicant, clock.today),
    ...requiredFieldErrors(content),
    ...referenceErrors(content, program),
    ...scheduleErrors(content, program),
    ...budgetErrors(content, program, applicant.kind),
    ...impactTargetErrors(content),
  ];
}
