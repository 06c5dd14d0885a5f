// The proposal form (申报书): one long form in sections, made to be filled in on a phone by a volunteer. Repeated
// rows are react-hook-form field arrays named "budgetLines.0.unitPrice", so the body posts the same with and
// without JavaScript (without it, spare blank rows stand in for "add a row"). Every button saves the draft first;
// with JavaScript the draft also saves itself every half minute when it has changed.
import { Link, useBlocker, useFetcher, useNavigation } from "@remix-run/react";
import { type RefObject, useCallback, useEffect, useRef, useState } from "react";
import { useFieldArray, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { costCategories } from "~/features/programs/catalogues";
import { formatDate, formatFen, formatShare } from "~/lib/format";
import type { FieldErrors } from "~/lib/validation";
import {
  CheckboxGroup,
  type ActionFailure,
  Form,
  fieldId,
  FormErrorSummary,
  SelectField,
  TextAreaField,
  TextField,
  useZodForm,
  type ZodForm,
} from "~/ui/form";
import { attachmentAccept, ATTACHMENT_FIELD } from "./attachment-limits";
import { budgetTotals, fundingSources, grantShareBp, lineAmountFen } from "./budget";
import { SUMMARY_MAX_LENGTH } from "./content";
import { emptyBudgetLine, emptyIndicatorTarget, emptyMilestone, emptyTeamMember, typedBudgetLine } from "./form-values";
import { CUSTOM_INDICATOR, indicatorChoices } from "./indicators";
import { costCategoryLabel, fieldPathLabel, indicatorLabels, isFormLevelPath, targetGroupLabel } from "./labels";
import { ruleMessage } from "./rule-messages";
import { ProposalSubmitSchema, type ProposalFormValues } from "./schemas";
import { budgetErrors, type ProgramRules } from "./submission-rules";

export type BudgetRulesView = Pick<
  ProgramRules,
  | "grantMinFen"
  | "grantMaxFen"
  | "filedTeamGrantMaxFen"
  | "maxGrantShareBp"
  | "personnelCapBp"
  | "managementCapBp"
  | "prohibitedCategories"
  | "implementationStartsOn"
  | "implementationEndsOn"
>;

export interface ProposalFormProps {
  proposalId: number;
  defaults: ProposalFormValues;
  actionData: ActionFailure | undefined;
  categories: readonly { id: number; name: string }[];
  targetGroups: readonly { id: number; code: string; name: string | null }[];
  rules: BudgetRulesView;
  organizationKind: string;
  attachments: readonly { id: number; originalName: string; sizeBytes: number }[];
  stashId: string | null;
}

type ProposalZodForm = ZodForm<ProposalFormValues>;

function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

const rowArrays = ["teamMembers", "budgetLines", "milestones", "indicatorTargets"] as const;

// Preset choices and hidden ids are there before anyone types, so they do not make a row "filled".
const presetKeys = new Set(["fundingSource", "targetGroupId"]);

function isBlankFormRow(value: unknown, key = ""): boolean {
  if (presetKeys.has(key) || value === undefined || value === null || value === "" || value === false) return true;
  if (typeof value === "string") return false;
  if (Array.isArray(value)) return value.every((item) => isBlankFormRow(item));
  if (typeof value === "object") return Object.entries(value).every(([child, item]) => isBlankFormRow(item, child));
  return false;
}

/** The rows with their trailing blank rows cut down to one, or null when there is nothing to cut. */
function withOneSpareRow<T>(rows: readonly T[]): T[] | null {
  let keep = rows.length;
  while (keep > 1 && isBlankFormRow(rows[keep - 1]) && isBlankFormRow(rows[keep - 2])) keep -= 1;
  return keep < rows.length ? rows.slice(0, keep) : null;
}

/**
 * The page arrives with spare blank rows for browsers without JavaScript. Once the "add a row" buttons work, one
 * trailing blank row per section is enough; the others only make the form longer on a phone. Not after a refused
 * post: then the rows stay exactly as sent, so focus and every error keep pointing at the row they name. A reset
 * rather than removing rows, because removing rows makes react-hook-form validate the section at once.
 */
function useOneSpareRow(form: ProposalZodForm, hydrated: boolean, afterPost: boolean) {
  useEffect(() => {
    if (!hydrated || afterPost) return;
    const values = form.rhf.getValues();
    const trimmed = Object.fromEntries(
      rowArrays.flatMap((name) => {
        const rows = withOneSpareRow<unknown>(values[name] ?? []);
        return rows ? [[name, rows]] : [];
      }),
    );
    if (Object.keys(trimmed).length > 0) form.rhf.reset({ ...values, ...trimmed });
    // Once, when the page comes alive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hydrated]);
}

export function ProposalForm(props: ProposalFormProps) {
  const { t, i18n } = useTranslation("proposals");
  const form = useZodForm(ProposalSubmitSchema, { defaultValues: props.defaults, actionData: props.actionData });
  const hydrated = useHydrated();
  useOneSpareRow(form, hydrated, props.actionData !== undefined);
  const serverErrors = props.actionData?.fieldErrors ?? {};
  const rowProps = { form, hydrated };

  return (
    <Form
      method="post"
      encType="multipart/form-data"
      noValidate
      onSubmit={form.onSubmit}
      ref={form.formRef}
      id="proposal-form"
      className="proposal-form"
    >
      {Object.keys(serverErrors).length > 0 ? <ErrorList errors={serverErrors} /> : <FormErrorSummary form={form} />}
      {props.stashId ? <input type="hidden" name="stashId" value={props.stashId} /> : null}

      <section className="card proposal-section" aria-labelledby="section-basics">
        <h2 id="section-basics">{t("sections.basics")}</h2>
        <div className="form-grid">
          <TextField
            form={form}
            name="title"
            label={t("fields.title")}
            hint={t("hints.title")}
            required
            className="field--wide"
            maxLength={100}
          />
          <SelectField
            form={form}
            name="programCategoryId"
            label={t("fields.programCategoryId")}
            required
            placeholder={t("choose")}
            options={props.categories.map((category) => ({ value: String(category.id), label: category.name }))}
          />
          <TextField
            form={form}
            name="serviceCommunity"
            label={t("fields.serviceCommunity")}
            hint={t("hints.serviceCommunity")}
            required
            maxLength={100}
          />
          <CheckboxGroup
            form={form}
            name="targetGroupIds"
            legend={t("fields.targetGroupIds")}
            required
            options={props.targetGroups.map((group) => ({
              value: String(group.id),
              label: targetGroupLabel(group, t),
            }))}
          />
          <TextField
            form={form}
            name="startsOn"
            type="date"
            label={t("fields.startsOn")}
            required
            hint={t("hints.period", {
              from: formatDate(props.rules.implementationStartsOn, i18n.language),
              to: formatDate(props.rules.implementationEndsOn, i18n.language),
            })}
            min={props.rules.implementationStartsOn}
            max={props.rules.implementationEndsOn}
          />
          <TextField
            form={form}
            name="endsOn"
            type="date"
            label={t("fields.endsOn")}
            required
            min={props.rules.implementationStartsOn}
            max={props.rules.implementationEndsOn}
          />
          <TextField
            form={form}
            name="expectedBeneficiaries"
            label={t("fields.expectedBeneficiaries")}
            hint={t("hints.expectedBeneficiaries")}
            required
            inputMode="numeric"
          />
        </div>
      </section>

      <section className="card proposal-section" aria-labelledby="section-texts">
        <h2 id="section-texts">{t("sections.texts")}</h2>
        <div className="proposal-texts">
          <TextAreaField
            form={form}
            name="summary"
            label={t("fields.summary")}
            hint={<SummaryCounter form={form} hint={t("hints.summary")} />}
            required
            rows={3}
            maxLength={SUMMARY_MAX_LENGTH}
          />
          <TextAreaField form={form} name="needs" label={t("fields.needs")} hint={t("hints.needs")} required rows={5} />
          <TextAreaField form={form} name="goals" label={t("fields.goals")} required rows={4} />
          <TextAreaField
            form={form}
            name="activityPlan"
            label={t("fields.activityPlan")}
            hint={t("hints.activityPlan")}
            required
            rows={6}
          />
          <TextAreaField
            form={form}
            name="innovation"
            label={t("fields.innovation")}
            hint={t("hints.innovation")}
            rows={3}
          />
          <TextAreaField form={form} name="sustainability" label={t("fields.sustainability")} required rows={3} />
          <TextAreaField form={form} name="risks" label={t("fields.risks")} hint={t("hints.risks")} required rows={4} />
        </div>
      </section>

      <TeamSection {...rowProps} />
      <BudgetSection {...rowProps} rules={props.rules} organizationKind={props.organizationKind} />
      <MilestoneSection {...rowProps} />
      <TargetSection {...rowProps} targetGroups={props.targetGroups} />
      <AttachmentSection form={form} proposalId={props.proposalId} attachments={props.attachments} />

      <ActionBar formRef={form.formRef} hydrated={hydrated} />
    </Form>
  );
}

/** The server's errors as a list of links to their fields: on a long form on a phone, the fastest way to each. */
function ErrorList({ errors }: { errors: FieldErrors }) {
  const { t } = useTranslation("proposals");
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  const formLevel = entries.filter(([path]) => isFormLevelPath(path));
  const fieldLevel = entries.filter(([path]) => !isFormLevelPath(path));
  return (
    <div className="alert alert--error proposal-errors" role="alert">
      {/* Not "before submitting": the list also answers a save or an upload. */}
      <p className="alert__title">{t("errorListTitle")}</p>
      {formLevel.map(([path, message]) => (
        <p key={path} className="proposal-errors__form-level" id={fieldId(path)}>
          {message}
        </p>
      ))}
      {fieldLevel.length > 0 ? (
        <ul className="proposal-errors__list">
          {fieldLevel.map(([path, message]) => (
            <li key={path}>
              <a href={`#${fieldId(path)}`}>{t("errorItem", { field: fieldPathLabel(path, t), message })}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function SummaryCounter({ form, hint }: { form: ProposalZodForm; hint: string }) {
  const { t } = useTranslation("proposals");
  const summary = useWatch({ control: form.rhf.control, name: "summary" }) ?? "";
  const count = [...summary].length;
  return (
    <span className="proposal-counter">
      <span>{hint}</span>
      <span
        className={
          count > SUMMARY_MAX_LENGTH
            ? "proposal-counter__value proposal-counter__value--over"
            : "proposal-counter__value"
        }
        aria-live="polite"
      >
        {t("summaryCounter", { count, max: SUMMARY_MAX_LENGTH })}
      </span>
    </span>
  );
}

/** An error about a whole section ("at least one row", the budget caps), anchored for the error list. */
function SectionError({ form, name }: { form: ProposalZodForm; name: string }) {
  const message = form.errorFor(name);
  if (!message) return null;
  return (
    <p
      className="field__error proposal-section__error"
      id={fieldId(name)}
      role="alert"
      tabIndex={-1}
      data-section-error
    >
      {message}
    </p>
  );
}

interface RowSectionProps {
  form: ProposalZodForm;
  hydrated: boolean;
}

function RowControls({ hydrated, onRemove, label }: { hydrated: boolean; onRemove: () => void; label: string }) {
  const { t } = useTranslation("proposals");
  return (
    <div className="proposal-row__head">
      <span className="proposal-row__label">{label}</span>
      {hydrated ? (
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={onRemove}
          aria-label={`${t("actions.removeRow")} ${label}`}
        >
          {t("actions.removeRow")}
        </button>
      ) : null}
    </div>
  );
}

function AddRow({ hydrated, onAdd, label }: { hydrated: boolean; onAdd: () => void; label: string }) {
  const { t } = useTranslation("proposals");
  if (!hydrated) return <p className="field__hint">{t("hints.spareRows")}</p>;
  return (
    <button type="button" className="button button--small proposal-add-row" onClick={onAdd}>
      + {label}
    </button>
  );
}

function TeamSection({ form, hydrated }: RowSectionProps) {
  const { t } = useTranslation("proposals");
  const { fields, append, remove } = useFieldArray({ control: form.rhf.control, name: "teamMembers" });
  return (
    <section className="card proposal-section" aria-labelledby="section-team">
      <h2 id="section-team">{t("sections.team")}</h2>
      <p className="field__hint">{t("hints.team")}</p>
      <SectionError form={form} name="teamMembers" />
      {fields.map((field, index) => (
        <div
          key={field.id}
          className="proposal-row proposal-row--team"
          role="group"
          aria-label={t("rowLabel.teamMember", { n: index + 1 })}
        >
          <RowControls
            hydrated={hydrated}
            onRemove={() => remove(index)}
            label={t("rowLabel.teamMember", { n: index + 1 })}
          />
          <div className="proposal-row__fields">
            <TextField
              form={form}
              name={`teamMembers.${index}.name`}
              label={t("fields.teamMember.name")}
              maxLength={50}
              required
            />
            <TextField
              form={form}
              name={`teamMembers.${index}.role`}
              label={t("fields.teamMember.role")}
              maxLength={50}
              required
            />
            <TextField
              form={form}
              name={`teamMembers.${index}.qualification`}
              label={t("fields.teamMember.qualification")}
              maxLength={100}
              className="proposal-field--qualification"
            />
          </div>
        </div>
      ))}
      <AddRow hydrated={hydrated} onAdd={() => append(emptyTeamMember())} label={t("actions.addTeamMember")} />
    </section>
  );
}

function BudgetSection({
  form,
  hydrated,
  rules,
  organizationKind,
}: RowSectionProps & { rules: BudgetRulesView; organizationKind: string }) {
  const { t } = useTranslation("proposals");
  const { fields, append, remove } = useFieldArray({ control: form.rhf.control, name: "budgetLines" });
  const categoryOptions = costCategories
    .filter((category) => !rules.prohibitedCategories.includes(category))
    .map((category) => ({ value: category, label: costCategoryLabel(category, t) }));
  const sourceOptions = fundingSources.map((source) => ({ value: source, label: t(`fundingSources.${source}`) }));
  return (
    <section className="card proposal-section" aria-labelledby="section-budget">
      <h2 id="section-budget">{t("sections.budget")}</h2>
      <BudgetLimits rules={rules} organizationKind={organizationKind} />
      <p className="field__hint">{t("hints.budget")}</p>
      <SectionError form={form} name="budgetLines" />
      {fields.map((field, index) => (
        <div
          key={field.id}
          className="proposal-row proposal-row--budget"
          role="group"
          aria-label={t("rowLabel.budgetLine", { n: index + 1 })}
        >
          <RowControls
            hydrated={hydrated}
            onRemove={() => remove(index)}
            label={t("rowLabel.budgetLine", { n: index + 1 })}
          />
          <div className="proposal-row__fields">
            <SelectField
              form={form}
              name={`budgetLines.${index}.category`}
              label={t("fields.budgetLine.category")}
              options={categoryOptions}
              placeholder={t("choose")}
              className="proposal-field--category"
              required
            />
            <TextField
              form={form}
              name={`budgetLines.${index}.item`}
              label={t("fields.budgetLine.item")}
              maxLength={100}
              className="proposal-field--item"
              required
            />
            <TextField
              form={form}
              name={`budgetLines.${index}.unitPrice`}
              label={t("fields.budgetLine.unitPrice")}
              inputMode="decimal"
              required
            />
            <TextField
              form={form}
              name={`budgetLines.${index}.quantity`}
              label={t("fields.budgetLine.quantity")}
              inputMode="decimal"
              required
            />
            <TextField
              form={form}
              name={`budgetLines.${index}.unit`}
              label={t("fields.budgetLine.unit")}
              maxLength={20}
              required
            />
            <SelectField
              form={form}
              name={`budgetLines.${index}.fundingSource`}
              label={t("fields.budgetLine.fundingSource")}
              options={sourceOptions}
              placeholder={t("choose")}
              required
            />
            <LineAmount form={form} index={index} />
            <TextField
              form={form}
              name={`budgetLines.${index}.basis`}
              label={t("fields.budgetLine.basis")}
              maxLength={200}
              className="proposal-field--basis"
            />
          </div>
        </div>
      ))}
      <AddRow hydrated={hydrated} onAdd={() => append(emptyBudgetLine())} label={t("actions.addBudgetLine")} />
      <BudgetSummary form={form} rules={rules} organizationKind={organizationKind} />
    </section>
  );
}

function LineAmount({ form, index }: { form: ProposalZodForm; index: number }) {
  const { t, i18n } = useTranslation("proposals");
  const row = useWatch({ control: form.rhf.control, name: `budgetLines.${index}` });
  const line = typedBudgetLine(row);
  const id = fieldId(`budgetLines.${index}.amount`);
  return (
    <div className="field proposal-amount">
      <span className="field__label" id={`${id}-label`}>
        {t("fields.budgetLine.amount")}
      </span>
      <output className="proposal-amount__value money" aria-labelledby={`${id}-label`}>
        {line ? formatFen(lineAmountFen(line.unitPriceFen, line.quantityHundredths), i18n.language) : "—"}
      </output>
    </div>
  );
}

function BudgetLimits({ rules, organizationKind }: { rules: BudgetRulesView; organizationKind: string }) {
  const { t, i18n } = useTranslation("proposals");
  const fen = (value: number) => formatFen(value, i18n.language);
  const share = (bp: number) => formatShare(bp, i18n.language);
  const items = [
    t("budget.limitGrant", { min: fen(rules.grantMinFen), max: fen(rules.grantMaxFen) }),
    rules.filedTeamGrantMaxFen !== null && organizationKind === "filed_team"
      ? t("budget.limitFiledTeam", { max: fen(rules.filedTeamGrantMaxFen) })
      : null,
    t("budget.limitShare", { share: share(rules.maxGrantShareBp) }),
    rules.personnelCapBp !== null ? t("budget.limitPersonnel", { share: share(rules.personnelCapBp) }) : null,
    rules.managementCapBp !== null ? t("budget.limitManagement", { share: share(rules.managementCapBp) }) : null,
    rules.prohibitedCategories.length > 0
      ? t("budget.limitProhibited", {
          categories: rules.prohibitedCategories.map((code) => costCategoryLabel(code, t)).join(t("listSeparator")),
        })
      : null,
  ].filter((item): item is string => item !== null);
  return (
    <details className="proposal-limits">
      <summary>{t("budget.limits")}</summary>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </details>
  );
}

/** Totals and the program's money rules, recomputed as the user types, with the same functions the server uses. */
function BudgetSummary({
  form,
  rules,
  organizationKind,
}: {
  form: ProposalZodForm;
  rules: BudgetRulesView;
  organizationKind: string;
}) {
  const { t, i18n } = useTranslation("proposals");
  const rows = useWatch({ control: form.rhf.control, name: "budgetLines" }) ?? [];
  const lines = rows.map(typedBudgetLine);
  const totals = budgetTotals(lines);
  const share = grantShareBp(totals);
  const problems = budgetErrors({ budgetLines: lines }, rules, organizationKind).filter(
    (problem) => problem.path === "grantRequested" || problem.path === "budgetLines",
  );
  const fen = (value: number) => formatFen(value, i18n.language);
  const categories = Object.entries(totals.byCategory).filter(([, amount]) => (amount ?? 0) > 0);
  return (
    <div className="proposal-budget-summary" aria-labelledby="budget-summary-title">
      <h3 id="budget-summary-title">{t("budget.totals")}</h3>
      <dl className="proposal-totals">
        <div>
          <dt>{t("budget.total")}</dt>
          <dd className="money">{fen(totals.totalFen)}</dd>
        </div>
        <div className="proposal-totals__grant">
          <dt>{t("budget.grantRequested")}</dt>
          <dd className="money">{fen(totals.grantRequestedFen)}</dd>
        </div>
        <div>
          <dt>{t("budget.grantShare")}</dt>
          <dd>{share === null ? "—" : formatShare(share, i18n.language)}</dd>
        </div>
      </dl>
      <div className="proposal-breakdowns">
        <div>
          <h4>{t("budget.bySource")}</h4>
          <ul className="proposal-breakdown">
            {fundingSources.map((source) => (
              <li key={source}>
                <span>{t(`fundingSources.${source}`)}</span>
                <span className="money">{fen(totals.bySource[source])}</span>
              </li>
            ))}
          </ul>
        </div>
        {categories.length > 0 ? (
          <div>
            <h4>{t("budget.byCategory")}</h4>
            <ul className="proposal-breakdown">
              {categories.map(([category, amount]) => (
                <li key={category}>
                  <span>{costCategoryLabel(category, t)}</span>
                  <span className="money">{fen(amount ?? 0)}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      <div id={fieldId("grantRequested")} tabIndex={-1} className="proposal-budget-check" aria-live="polite">
        <h4>{t("budget.check")}</h4>
        {totals.totalFen === 0 ? (
          <p className="muted">{t("budget.checkEmpty")}</p>
        ) : problems.length === 0 ? (
          <p className="proposal-budget-check__ok">{t("budget.checkOk")}</p>
        ) : (
          <ul className="proposal-budget-check__problems">
            {problems.map((problem) => (
              <li key={problem.code}>{ruleMessage(problem, t, i18n.language)}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function MilestoneSection({ form, hydrated }: RowSectionProps) {
  const { t } = useTranslation("proposals");
  const { fields, append, remove } = useFieldArray({ control: form.rhf.control, name: "milestones" });
  return (
    <section className="card proposal-section" aria-labelledby="section-milestones">
      <h2 id="section-milestones">{t("sections.milestones")}</h2>
      <p className="field__hint">{t("hints.milestones")}</p>
      <SectionError form={form} name="milestones" />
      {fields.map((field, index) => (
        <div
          key={field.id}
          className="proposal-row proposal-row--milestone"
          role="group"
          aria-label={t("rowLabel.milestone", { n: index + 1 })}
        >
          <RowControls
            hydrated={hydrated}
            onRemove={() => remove(index)}
            label={t("rowLabel.milestone", { n: index + 1 })}
          />
          <div className="proposal-row__fields">
            <TextField
              form={form}
              name={`milestones.${index}.title`}
              label={t("fields.milestone.title")}
              maxLength={100}
              className="proposal-field--item"
              required
            />
            <TextField
              form={form}
              name={`milestones.${index}.dueOn`}
              type="date"
              label={t("fields.milestone.dueOn")}
              required
            />
            <TextField
              form={form}
              name={`milestones.${index}.deliverable`}
              label={t("fields.milestone.deliverable")}
              maxLength={200}
              className="proposal-field--wide"
              required
            />
          </div>
        </div>
      ))}
      <AddRow hydrated={hydrated} onAdd={() => append(emptyMilestone())} label={t("actions.addMilestone")} />
    </section>
  );
}

function TargetSection({
  form,
  hydrated,
  targetGroups,
}: RowSectionProps & { targetGroups: ProposalFormProps["targetGroups"] }) {
  const { t } = useTranslation("proposals");
  const { fields, append, remove } = useFieldArray({ control: form.rhf.control, name: "indicatorTargets" });
  const groupIds = targetGroups.map((group) => group.id);
  return (
    <section className="card proposal-section" aria-labelledby="section-targets">
      <h2 id="section-targets">{t("sections.targets")}</h2>
      <p className="field__hint">{t("hints.targets")}</p>
      <SectionError form={form} name="indicatorTargets" />
      {fields.map((field, index) => (
        <TargetRow
          key={field.id}
          form={form}
          hydrated={hydrated}
          index={index}
          targetGroups={targetGroups}
          onRemove={() => remove(index)}
        />
      ))}
      <AddRow hydrated={hydrated} onAdd={() => append(emptyIndicatorTarget(groupIds))} label={t("actions.addTarget")} />
    </section>
  );
}

function TargetRow({
  form,
  hydrated,
  index,
  targetGroups,
  onRemove,
}: RowSectionProps & { index: number; targetGroups: ProposalFormProps["targetGroups"]; onRemove: () => void }) {
  const { t } = useTranslation("proposals");
  const row = useWatch({ control: form.rhf.control, name: `indicatorTargets.${index}` });
  const indicator = row?.indicator ?? "";
  const isCustom = indicator === CUSTOM_INDICATOR;
  // Without JavaScript the custom name and unit are always there to fill in; with it, only for a custom indicator.
  const showCustom = !hydrated || isCustom;
  const unit = indicator
    ? indicatorLabels({ indicator, customName: row?.customName ?? "", customUnit: row?.customUnit ?? "" }, t).unit
    : "";
  const label = t("rowLabel.target", { n: index + 1 });
  const splitError = form.errorFor(`indicatorTargets.${index}.split`);
  return (
    <div className="proposal-row proposal-row--target" role="group" aria-label={label}>
      <RowControls hydrated={hydrated} onRemove={onRemove} label={label} />
      <div className="proposal-row__fields">
        <SelectField
          form={form}
          name={`indicatorTargets.${index}.indicator`}
          label={t("fields.indicatorTarget.indicator")}
          placeholder={t("choose")}
          className="proposal-field--category"
          options={indicatorChoices.map((choice) => ({ value: choice, label: t(`indicators.${choice}.name`) }))}
          required
        />
        {showCustom ? (
          <>
            <TextField
              form={form}
              name={`indicatorTargets.${index}.customName`}
              label={t("fields.indicatorTarget.customName")}
              maxLength={50}
              required
            />
            <TextField
              form={form}
              name={`indicatorTargets.${index}.customUnit`}
              label={t("fields.indicatorTarget.customUnit")}
              maxLength={20}
              required
            />
          </>
        ) : null}
        <TextField
          form={form}
          name={`indicatorTargets.${index}.targetValue`}
          label={unit ? t("fields.indicatorTarget.targetValueIn", { unit }) : t("fields.indicatorTarget.targetValue")}
          inputMode="numeric"
          required
        />
      </div>
      {targetGroups.length > 0 ? (
        <details
          className="proposal-split"
          open={Boolean(splitError) || (row?.split ?? []).some((part) => part?.value)}
        >
          <summary>{t("fields.indicatorTarget.split")}</summary>
          {splitError ? (
            <p className="field__error" id={fieldId(`indicatorTargets.${index}.split`)} role="alert">
              {splitError}
            </p>
          ) : null}
          <div className="proposal-split__fields">
            {targetGroups.map((group, position) => (
              <div key={group.id}>
                <input
                  type="hidden"
                  {...form.rhf.register(`indicatorTargets.${index}.split.${position}.targetGroupId`)}
                  defaultValue={String(group.id)}
                />
                <TextField
                  form={form}
                  name={`indicatorTargets.${index}.split.${position}.value`}
                  label={targetGroupLabel(group, t)}
                  inputMode="numeric"
                />
              </div>
            ))}
          </div>
        </details>
      ) : null}
    </div>
  );
}

function AttachmentSection({
  form,
  proposalId,
  attachments,
}: {
  form: ProposalZodForm;
  proposalId: number;
  attachments: ProposalFormProps["attachments"];
}) {
  const { t } = useTranslation("proposals");
  const error = form.errorFor(ATTACHMENT_FIELD);
  const id = fieldId(ATTACHMENT_FIELD);
  return (
    <section className="card proposal-section" aria-labelledby="section-attachments">
      <h2 id="section-attachments">{t("sections.attachments")}</h2>
      {attachments.length > 0 ? (
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
              <span className="muted small-text">{formatSize(attachment.sizeBytes)}</span>
              <button
                type="submit"
                name="removeAttachment"
                value={attachment.id}
                formNoValidate
                className="button button--ghost button--small"
              >
                {t("actions.removeAttachment")}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className={`field${error ? " field--invalid" : ""}`}>
        <label htmlFor={id} className="field__label">
          {t("fields.newAttachments")}
        </label>
        <input
          id={id}
          type="file"
          name={ATTACHMENT_FIELD}
          multiple
          accept={attachmentAccept}
          className="input proposal-file"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        />
        <p id={`${id}-hint`} className="field__hint">
          {t("hints.attachments")}
        </p>
        {error ? (
          <p id={`${id}-error`} className="field__error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="button-row">
        <button type="submit" name="intent" value="save" formNoValidate className="button button--small">
          {t("actions.upload")}
        </button>
      </div>
    </section>
  );
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

type AutosaveData =
  { autosavedAt: string } | { autosave: "invalid" | "failed" } | { autosave: "signedOut"; signInUrl: string };

const AUTOSAVE_INTERVAL_MS = 30_000;

/** The form's text fields as one string, to tell whether anything changed since the last save. */
function serializeForm(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === "string") params.append(name, value);
  return params.toString();
}

/**
 * Saves the draft in the background every half minute while it changes, and once more before the applicant follows
 * a link away from the form; files wait for an explicit save. Closing or reloading the tab with unsaved text asks
 * first (the browser's own prompt), since no request can be relied on to finish while the page unloads.
 */
function useAutosave(formRef: RefObject<HTMLFormElement>, enabled: boolean, confirmLeaving: () => boolean) {
  const fetcher = useFetcher<AutosaveData>();
  const navigation = useNavigation();
  const lastSaved = useRef<string | null>(null);
  const busy = useRef(false);
  busy.current = fetcher.state !== "idle";
  // The timer lives as long as the form; it reads the latest submit function through a ref instead of restarting
  // (and forgetting what was last saved) on every render.
  const submit = useRef(fetcher.submit);
  submit.current = fetcher.submit;

  const unsaved = useCallback(() => {
    const form = formRef.current;
    return enabled && form !== null && lastSaved.current !== null && serializeForm(form) !== lastSaved.current;
  }, [enabled, formRef]);
  const saveNow = useCallback(() => {
    const form = formRef.current;
    if (!form) return;
    const current = serializeForm(form);
    lastSaved.current = current;
    const body = new URLSearchParams(current);
    body.set("intent", "autosave");
    submit.current(body, { method: "post", action: form.getAttribute("action") ?? undefined });
  }, [formRef]);

  useEffect(() => {
    const form = formRef.current;
    if (!enabled || !form) return;
    lastSaved.current = serializeForm(form);
    const timer = window.setInterval(() => {
      if (!busy.current && serializeForm(form) !== lastSaved.current) saveNow();
    }, AUTOSAVE_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [enabled, formRef, saveNow]);

  // Every button of the form saves the draft, so what the form shows once a submission has settled is saved.
  useEffect(() => {
    if (navigation.state === "idle" && enabled && formRef.current) lastSaved.current = serializeForm(formRef.current);
  }, [navigation.state, enabled, formRef]);

  useEffect(() => {
    if (!enabled) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (unsaved()) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [enabled, unsaved]);

  // A link away from the form with unsaved text: save first, then go; if saving fails, ask.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => {
    return currentLocation.pathname !== nextLocation.pathname && unsaved();
  });
  const leaving = useRef<"saving" | "sent" | null>(null);
  useEffect(() => {
    if (blocker.state !== "blocked" || leaving.current !== null) return;
    leaving.current = "saving";
    saveNow();
  }, [blocker.state, saveNow]);
  useEffect(() => {
    if (leaving.current === "saving" && fetcher.state !== "idle") leaving.current = "sent";
    if (leaving.current !== "sent" || fetcher.state !== "idle" || blocker.state !== "blocked") return;
    leaving.current = null;
    if ((fetcher.data && "autosavedAt" in fetcher.data) || confirmLeaving()) blocker.proceed();
    else blocker.reset();
  }, [fetcher.state, fetcher.data, blocker, confirmLeaving]);

  return { state: fetcher.state, data: fetcher.data };
}

function ActionBar({ formRef, hydrated }: { formRef: RefObject<HTMLFormElement>; hydrated: boolean }) {
  const { t, i18n } = useTranslation("proposals");
  const confirmLeaving = useCallback(() => window.confirm(t("autosave.leaveUnsaved")), [t]);
  const autosave = useAutosave(formRef, hydrated, confirmLeaving);
  let status: React.ReactNode = null;
  if (autosave.state !== "idle") status = t("autosave.saving");
  else if (autosave.data && "autosavedAt" in autosave.data) {
    const time = new Intl.DateTimeFormat(i18n.language, {
      timeZone: "Asia/Shanghai",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(new Date(autosave.data.autosavedAt));
    status = t("autosave.saved", { time });
  } else if (autosave.data && "autosave" in autosave.data) {
    status =
      autosave.data.autosave === "signedOut" ? (
        <>
          {t("autosave.signedOut")} <a href={autosave.data.signInUrl}>{t("autosave.signIn")}</a>
        </>
      ) : (
        t(`autosave.${autosave.data.autosave}`)
      );
  }
  return (
    <div className="proposal-actions">
      <p className="proposal-actions__status" role="status" aria-live="polite">
        {status}
      </p>
      <div className="proposal-actions__buttons">
        <button type="submit" name="intent" value="save" formNoValidate className="button">
          {t("actions.saveDraft")}
        </button>
        <button type="submit" name="intent" value="check" className="button button--primary">
          {t("actions.check")}
        </button>
      </div>
    </div>
  );
}
