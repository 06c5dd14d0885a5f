// The program form, for creating and editing. Repeating rows (focus areas, own target groups, funding sources,
// custom tranches) are react-hook-form field arrays named "fundingSources.0.amount", so the same body posts with
// and without JavaScript; without JavaScript a few blank spare rows stand in for the "add" buttons.
import { Link } from "@remix-run/react";
import type { MouseEvent, ReactNode } from "react";
import { type FieldArray, useFieldArray, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { formatFen, formatShare } from "~/lib/format";
import { parseYuan } from "~/lib/money";
import {
  type ActionFailure,
  CheckboxGroup,
  fieldId,
  Form,
  FormErrorSummary,
  readPath,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useZodForm,
  type ZodForm,
} from "~/ui/form";
import { useHydrated } from "~/ui/use-hydrated";
import { applicantKinds, costCategories, fundingSourceKinds, ratings, standardTargetGroups } from "./catalogues";
import {
  blankRows,
  MAX_CATEGORIES,
  MAX_CUSTOM_TARGET_GROUPS,
  MAX_FUNDING_SOURCES,
  type ProgramFormInput,
  ProgramFormSchema,
  type ProgramFormValues,
} from "./schemas";
import { isFixedPreset, MAX_TRANCHES, presetTranches, trancheGates, tranchePresets } from "./tranche-plan";

/** Blank rows offered per group when JavaScript is off (the "add" buttons need it). */
const SPARE_ROWS = 2;

type ProgramForm = ZodForm<ProgramFormInput>;

interface ProgramFormProps {
  defaultValues: ProgramFormValues;
  actionData: ActionFailure | undefined;
  /** Where the form posts; the new-program URL carries the funder in its query string. */
  action: string;
  submitLabel: string;
  cancelTo: string;
  /** An edit of a program the public already sees: saving changes it at once, not a draft. */
  published?: boolean;
}

export function ProgramForm({ defaultValues, actionData, action, submitLabel, cancelTo, published }: ProgramFormProps) {
  const { t } = useTranslation("programs");
  const form: ProgramForm = useZodForm(ProgramFormSchema, { defaultValues, actionData });
  const option = (group: string) => (value: string) => ({ value, label: t(`catalogue.${group}.${value}`) });

  return (
    <Form method="post" action={action} noValidate onSubmit={form.onSubmit} ref={form.formRef} className="program-form">
      <FormErrorSummary form={form} />
      <p className="muted">{t(published ? "form.introPublished" : "form.intro")}</p>

      <section className="card program-form__section" aria-labelledby="program-basics">
        <h2 id="program-basics">{t("form.sections.basics")}</h2>
        <div className="form-grid">
          <TextField
            form={form}
            name="title"
            label={t("form.title")}
            hint={t("form.titleHint")}
            required
            className="field--wide"
          />
          <TextAreaField
            form={form}
            name="summary"
            label={t("form.summary")}
            hint={t("form.summaryHint")}
            required
            rows={2}
            className="field--wide"
          />
          <TextAreaField
            form={form}
            name="description"
            label={t("form.description")}
            hint={t("form.descriptionHint")}
            required
            rows={6}
            className="field--wide"
          />
        </div>
      </section>

      <section className="card program-form__section" aria-labelledby="program-focus">
        <h2 id="program-focus">{t("form.sections.focus")}</h2>
        <RepeatingRows
          form={form}
          name="categories"
          blankRow={blankRows.categories}
          legend={t("form.categories")}
          hint={t("form.categoriesHint")}
          addLabel={t("form.addCategory")}
          max={MAX_CATEGORIES}
          required
          renderRow={(index) => (
            <>
              <RowId form={form} name={`categories.${index}.id`} />
              <TextField
                form={form}
                name={`categories.${index}.name`}
                label={t("form.categoryName")}
                className="repeat-row__wide"
              />
              <TextField
                form={form}
                name={`categories.${index}.quota`}
                label={t("form.categoryQuota")}
                inputMode="numeric"
              />
            </>
          )}
        />
        <CheckboxGroup
          form={form}
          name="targetGroups"
          legend={t("form.targetGroups")}
          hint={t("form.targetGroupsHint")}
          options={standardTargetGroups.map(option("targetGroup"))}
          required
        />
        <RepeatingRows
          form={form}
          name="customTargetGroups"
          blankRow={blankRows.customTargetGroups}
          legend={t("form.customTargetGroups")}
          addLabel={t("form.addCustomTargetGroup")}
          max={MAX_CUSTOM_TARGET_GROUPS}
          renderRow={(index) => (
            <>
              <RowId form={form} name={`customTargetGroups.${index}.id`} />
              <TextField
                form={form}
                name={`customTargetGroups.${index}.name`}
                label={t("form.customTargetGroupName")}
                placeholder={t("form.customTargetGroupPlaceholder")}
                className="repeat-row__wide"
              />
            </>
          )}
        />
      </section>

      <section className="card program-form__section" aria-labelledby="program-money">
        <h2 id="program-money">{t("form.sections.money")}</h2>
        <RepeatingRows
          form={form}
          name="fundingSources"
          blankRow={blankRows.fundingSources}
          legend={t("form.fundingSources")}
          hint={t("form.fundingSourcesHint")}
          addLabel={t("form.addFundingSource")}
          max={MAX_FUNDING_SOURCES}
          required
          renderRow={(index) => (
            <>
              <TextField
                form={form}
                name={`fundingSources.${index}.name`}
                label={t("form.sourceName")}
                className="repeat-row__wide"
              />
              <SelectField
                form={form}
                name={`fundingSources.${index}.kind`}
                label={t("form.sourceKind")}
                options={fundingSourceKinds.map(option("fundingSourceKind"))}
              />
              <TextField
                form={form}
                name={`fundingSources.${index}.amount`}
                label={t("form.sourceAmount")}
                autoComplete="off"
              />
            </>
          )}
        />
        <PoolTotal form={form} />
      </section>

      <section className="card program-form__section" aria-labelledby="program-rules">
        <h2 id="program-rules">{t("form.sections.rules")}</h2>
        <div className="form-grid">
          <TextField form={form} name="grantMin" label={t("form.grantMin")} required autoComplete="off" />
          <TextField form={form} name="grantMax" label={t("form.grantMax")} required autoComplete="off" />
          <TextField
            form={form}
            name="filedTeamGrantMax"
            label={t("form.filedTeamGrantMax")}
            hint={t("form.filedTeamGrantMaxHint")}
            autoComplete="off"
          />
          <TextField
            form={form}
            name="maxGrantShare"
            label={t("form.maxGrantShare")}
            hint={t("form.maxGrantShareHint")}
            required
            inputMode="decimal"
          />
          <TextField
            form={form}
            name="personnelCap"
            label={t("form.personnelCap")}
            hint={t("form.capHint")}
            inputMode="decimal"
          />
          <TextField
            form={form}
            name="managementCap"
            label={t("form.managementCap")}
            hint={t("form.capHint")}
            inputMode="decimal"
          />
          <CheckboxGroup
            form={form}
            name="prohibitedCategories"
            legend={t("form.prohibitedCategories")}
            options={costCategories.map(option("costCategory"))}
          />
        </div>
      </section>

      <section className="card program-form__section" aria-labelledby="program-eligibility">
        <h2 id="program-eligibility">{t("form.sections.eligibility")}</h2>
        <div className="form-grid">
          <CheckboxGroup
            form={form}
            name="eligibleKinds"
            legend={t("form.eligibleKinds")}
            options={applicantKinds.map(option("applicantKind"))}
            required
          />
          <SelectField
            form={form}
            name="minRating"
            label={t("form.minRating")}
            hint={t("form.minRatingHint")}
            placeholder={t("form.minRatingNone")}
            options={ratings.map((rating) => ({ value: rating, label: t("detail.minRatingValue", { rating }) }))}
          />
          <TextField
            form={form}
            name="proposalsPerOrg"
            label={t("form.proposalsPerOrg")}
            required
            inputMode="numeric"
          />
        </div>
      </section>

      <section className="card program-form__section" aria-labelledby="program-schedule">
        <h2 id="program-schedule">{t("form.sections.schedule")}</h2>
        <div className="form-grid">
          <TextField
            form={form}
            name="opensAt"
            type="datetime-local"
            label={t("form.opensAt")}
            hint={t("form.windowHint")}
            required
          />
          <TextField
            form={form}
            name="closesAt"
            type="datetime-local"
            label={t("form.closesAt")}
            hint={t("form.windowHint")}
            required
          />
          <TextField
            form={form}
            name="implementationStartsOn"
            type="date"
            label={t("form.implementationStartsOn")}
            required
          />
          <TextField
            form={form}
            name="implementationEndsOn"
            type="date"
            label={t("form.implementationEndsOn")}
            required
          />
          <TextField
            form={form}
            name="noticeWorkingDays"
            label={t("form.noticeWorkingDays")}
            hint={t("form.noticeWorkingDaysHint")}
            required
            inputMode="numeric"
          />
        </div>
      </section>

      <TranchePlanSection form={form} />

      <div className="button-row">
        <SubmitButton>{submitLabel}</SubmitButton>
        <Link to={cancelTo} className="button button--ghost">
          {t("form.cancel")}
        </Link>
      </div>
    </Form>
  );
}

/** The stored row a focus area or target group row edits; blank for a new row (see schemas.ts). */
function RowId({
  form,
  name,
}: {
  form: ProgramForm;
  name: `categories.${number}.id` | `customTargetGroups.${number}.id`;
}) {
  const current = readPath(form.values, name);
  return <input type="hidden" defaultValue={typeof current === "string" ? current : ""} {...form.rhf.register(name)} />;
}

type RepeatingGroup = keyof typeof blankRows;

interface RepeatingRowsProps<N extends RepeatingGroup> {
  form: ProgramForm;
  name: N;
  /** What "add" appends. */
  blankRow: FieldArray<ProgramFormInput, N>;
  legend: string;
  hint?: string;
  addLabel: string;
  max: number;
  required?: boolean;
  renderRow: (index: number) => ReactNode;
}

/**
 * One repeating group. The group's own error (e.g. tranche shares not adding up) shows under the rows. With
 * JavaScript rows are added and removed in place; without it, spare blank rows inside <noscript> take their place
 * (React leaves <noscript> content alone in the browser, so they never exist when JavaScript runs).
 */
function RepeatingRows<N extends RepeatingGroup>({
  form,
  name,
  blankRow,
  legend,
  hint,
  addLabel,
  max,
  required,
  renderRow,
}: RepeatingRowsProps<N>) {
  const { t } = useTranslation("programs");
  const hydrated = useHydrated();
  const { fields, append, remove } = useFieldArray({ control: form.rhf.control, name });
  // In the browser react-hook-form keeps an error about the whole group under "<group>.root"; the server sends it
  // under the group's name.
  const error = form.errorFor(`${name}.root`) ?? form.errorFor(name);
  const id = fieldId(name);
  // Leaving a field shows its error, which moves these buttons down between mouse-down and mouse-up, so the click
  // would miss; keeping the focus where it is until the click lands avoids that (keyboard use is unaffected).
  const keepFocus = (event: MouseEvent) => event.preventDefault();
  const spareIndexes = Array.from(
    { length: Math.max(0, Math.min(SPARE_ROWS, max - fields.length)) },
    (_, k) => fields.length + k,
  );
  return (
    <fieldset
      className={`field fieldset repeat-group${error ? " repeat-group--invalid" : ""}`}
      aria-describedby={
        [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined
      }
    >
      <legend className="field__label">
        {legend}
        {required ? (
          <span className="field__required" aria-hidden="true">
            {" "}
            *
          </span>
        ) : null}
      </legend>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {fields.map((field, index) => (
        <div key={field.id} className="repeat-row">
          {renderRow(index)}
          {hydrated && fields.length > 1 ? (
            <button
              type="button"
              className="button button--ghost button--small repeat-row__remove"
              onMouseDown={keepFocus}
              onClick={() => remove(index)}
            >
              {t("form.removeRow")}
            </button>
          ) : null}
        </div>
      ))}
      <noscript>
        {spareIndexes.map((index) => (
          <div key={index} className="repeat-row">
            {renderRow(index)}
          </div>
        ))}
        <p className="field__hint">{t("form.spareRowsHint")}</p>
      </noscript>
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      {hydrated && fields.length < max ? (
        <div>
          <button
            type="button"
            className="button button--small"
            onMouseDown={keepFocus}
            onClick={() => append(blankRow)}
          >
            + {addLabel}
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}

/** The pool as the amounts are typed (amounts that do not parse yet are left out until they do). */
function PoolTotal({ form }: { form: ProgramForm }) {
  const { t, i18n } = useTranslation("programs");
  const sources = useWatch({ control: form.rhf.control, name: "fundingSources" });
  const amounts = (sources ?? []).map((source) => parseYuan(source?.amount ?? ""));
  const total = amounts.reduce((sum, amount) => sum + (amount.ok ? amount.fen : 0), 0);
  return (
    <p className="pool-total" aria-live="polite">
      <span>{t("form.pool")}</span>
      {amounts.some((amount) => amount.ok) ? (
        <strong className="money">{formatFen(total, i18n.language)}</strong>
      ) : (
        <span className="muted">{t("form.poolPending")}</span>
      )}
    </p>
  );
}

function TranchePlanSection({ form }: { form: ProgramForm }) {
  const { t, i18n } = useTranslation("programs");
  const hydrated = useHydrated();
  const preset = useWatch({ control: form.rhf.control, name: "tranchePreset" });
  // Without JavaScript the custom rows always show (the server reads them only for "custom"); with it they show,
  // and post, only when "custom" is chosen.
  const hideCustom = hydrated && preset !== "custom";
  const gateOptions = trancheGates.map((gate) => ({ value: gate, label: t(`catalogue.trancheGate.${gate}`) }));
  return (
    <section className="card program-form__section" aria-labelledby="program-tranches">
      <h2 id="program-tranches">{t("form.sections.tranches")}</h2>
      <SelectField
        form={form}
        name="tranchePreset"
        label={t("form.tranchePreset")}
        hint={t("form.tranchePresetHint")}
        required
        options={tranchePresets.map((value) => ({ value, label: t(`catalogue.tranchePreset.${value}`) }))}
      />
      {isFixedPreset(preset) ? (
        <ol className="tranche-preview">
          {presetTranches[preset].map((tranche, index) => (
            <li key={index}>
              <strong>{formatShare(tranche.shareBp, i18n.language)}</strong>{" "}
              {t(`catalogue.trancheGate.${tranche.gate}`)}
            </li>
          ))}
        </ol>
      ) : null}
      <fieldset className="fieldset tranche-custom" hidden={hideCustom} disabled={hideCustom}>
        <RepeatingRows
          form={form}
          name="tranches"
          blankRow={blankRows.tranches}
          legend={t("form.customTranches")}
          hint={t("form.customTranchesHint")}
          addLabel={t("form.addTranche")}
          max={MAX_TRANCHES}
          renderRow={(index) => (
            <>
              <TextField
                form={form}
                name={`tranches.${index}.share`}
                label={t("form.trancheShare")}
                inputMode="decimal"
              />
              <SelectField
                form={form}
                name={`tranches.${index}.gate`}
                label={t("form.trancheGate")}
                options={gateOptions}
                className="repeat-row__wide"
              />
            </>
          )}
        />
      </fieldset>
    </section>
  );
}
