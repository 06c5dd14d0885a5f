// The registration form, used to register and to edit an organisation. Without JavaScript both kinds' fields show
// and the server reads only the chosen kind's; with JavaScript the other kind's group is hidden and disabled, so
// it is neither seen nor posted.
import { Link } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ratings } from "~/features/programs/catalogues";
import {
  type ActionFailure,
  Form,
  FormErrorSummary,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useZodForm,
  type ZodForm,
} from "~/ui/form";
import { organizationKinds, OrganizationSchema, type OrganizationFormValues } from "./schemas";
import { parseUscc } from "./uscc";

const TEXT_LIMIT = 200;

/** False during the server render and the first client render, true once React runs in the browser. */
function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export const emptyOrganizationValues: OrganizationFormValues = {
  kind: "registered",
  name: "",
  uscc: "",
  registeredOn: "",
  rating: "",
  ratingExpiresOn: "",
  district: "",
  street: "",
  community: "",
  contactName: "",
  contactPhone: "",
  address: "",
  introduction: "",
  serviceExperience: "",
  bankAccountName: "",
  bankAccountNumber: "",
  bankName: "",
};

interface OrganizationFormProps {
  defaultValues: OrganizationFormValues;
  actionData: ActionFailure | undefined;
  submitLabel: string;
  cancelTo: string;
}

export function OrganizationForm({ defaultValues, actionData, submitLabel, cancelTo }: OrganizationFormProps) {
  const { t } = useTranslation("organizations");
  const form = useZodForm(OrganizationSchema, { defaultValues, actionData });
  const hydrated = useHydrated();
  const kind = form.rhf.watch("kind");
  const hide = (groupKind: string) => hydrated && kind !== groupKind;

  return (
    <Form method="post" noValidate onSubmit={form.onSubmit} ref={form.formRef} className="card organization-form">
      <FormErrorSummary form={form} />

      <KindChoice form={form} />

      <fieldset className="form-section" hidden={hide("registered")} disabled={hide("registered")}>
        <legend>{t("sections.registered")}</legend>
        <div className="form-grid">
          <TextField
            form={form}
            name="uscc"
            label={t("fields.uscc")}
            hint={<UsccHint value={form.rhf.watch("uscc")} />}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            required
          />
          <TextField form={form} name="registeredOn" label={t("fields.registeredOn")} type="date" required />
          <SelectField
            form={form}
            name="rating"
            label={t("fields.rating")}
            hint={t("hints.rating")}
            placeholder={t("rating.none")}
            options={ratings.map((rating) => ({ value: rating, label: t("rating.level", { rating }) }))}
          />
          <TextField
            form={form}
            name="ratingExpiresOn"
            label={t("fields.ratingExpiresOn")}
            hint={t("hints.ratingExpiresOn")}
            type="date"
          />
        </div>
      </fieldset>

      <fieldset className="form-section" hidden={hide("filed_team")} disabled={hide("filed_team")}>
        <legend>{t("sections.filedTeam")}</legend>
        <div className="form-grid">
          <TextField
            form={form}
            name="sponsorCommunity"
            label={t("fields.sponsorCommunity")}
            hint={t("hints.sponsorCommunity")}
            required
          />
          <TextField
            form={form}
            name="filingNumber"
            label={t("fields.filingNumber")}
            hint={t("hints.filingNumber")}
            required
          />
          <TextField form={form} name="responsiblePerson" label={t("fields.responsiblePerson")} required />
          <TextField form={form} name="filedOn" label={t("fields.filedOn")} hint={t("hints.filedOn")} type="date" />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t("sections.basic")}</legend>
        <div className="form-grid">
          <TextField form={form} name="name" label={t("fields.name")} className="field--wide" required />
          <TextAreaField
            form={form}
            name="introduction"
            label={t("fields.introduction")}
            hint={<Counter form={form} name="introduction" hint={t("hints.introduction")} />}
            maxLength={TEXT_LIMIT}
            className="field--wide"
            required
          />
          <TextAreaField
            form={form}
            name="serviceExperience"
            label={t("fields.serviceExperience")}
            hint={<Counter form={form} name="serviceExperience" hint={t("hints.serviceExperience")} />}
            maxLength={TEXT_LIMIT}
            className="field--wide"
            required
          />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t("sections.contact")}</legend>
        <div className="form-grid form-grid--three">
          <TextField form={form} name="district" label={t("fields.district")} required />
          <TextField form={form} name="street" label={t("fields.street")} required />
          <TextField form={form} name="community" label={t("fields.community")} required />
        </div>
        <div className="form-grid organization-form__after-grid">
          <TextField form={form} name="contactName" label={t("fields.contactName")} autoComplete="name" required />
          <TextField
            form={form}
            name="contactPhone"
            label={t("fields.contactPhone")}
            hint={t("hints.contactPhone")}
            type="tel"
            inputMode="tel"
            autoComplete="tel-national"
            required
          />
          <TextField
            form={form}
            name="address"
            label={t("fields.address")}
            autoComplete="street-address"
            className="field--wide"
            required
          />
        </div>
      </fieldset>

      <fieldset className="form-section" aria-describedby="bank-account-hint">
        <legend>{t("sections.bank")}</legend>
        <p id="bank-account-hint" className="field__hint organization-form__section-hint">
          {t("hints.bankAccount")}
        </p>
        <div className="form-grid">
          <TextField form={form} name="bankAccountName" label={t("fields.bankAccountName")} className="field--wide" />
          <TextField
            form={form}
            name="bankAccountNumber"
            label={t("fields.bankAccountNumber")}
            inputMode="numeric"
            autoComplete="off"
          />
          <TextField form={form} name="bankName" label={t("fields.bankName")} />
        </div>
      </fieldset>

      <div className="button-row">
        <SubmitButton>{submitLabel}</SubmitButton>
        <Link to={cancelTo} className="button button--ghost">
          {t("common:actions.cancel")}
        </Link>
      </div>
    </Form>
  );
}

function KindChoice({ form }: { form: ZodForm<OrganizationFormValues> }) {
  const { t } = useTranslation("organizations");
  const error = form.errorFor("kind");
  const current = form.values.kind;
  return (
    <fieldset className="form-section kind-choice" aria-invalid={error ? true : undefined}>
      <legend>{t("sections.kind")}</legend>
      <div className="kind-choice__options">
        {organizationKinds.map((kind) => (
          <label key={kind} className="kind-choice__option">
            <input type="radio" value={kind} defaultChecked={current === kind} {...form.rhf.register("kind")} />
            <span>
              <strong>{t(`kind.${kind}`)}</strong>
              <span className="kind-choice__hint">{t(`kindHint.${kind}`)}</span>
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Under the code: what the code says about the organisation once it is complete and valid. */
function UsccHint({ value }: { value: unknown }) {
  const { t } = useTranslation("organizations");
  const result = typeof value === "string" ? parseUscc(value) : null;
  if (!result?.ok || result.department === null) return <>{t("hints.uscc")}</>;
  const department = t(`department.${result.department}`);
  return (
    <span className="uscc-reading" aria-live="polite">
      {result.orgType
        ? t("hints.usccReadType", { department, orgType: t(`orgType.${result.orgType}`) })
        : t("hints.usccRead", { department })}
    </span>
  );
}

function Counter({
  form,
  name,
  hint,
}: {
  form: ZodForm<OrganizationFormValues>;
  name: "introduction" | "serviceExperience";
  hint: string;
}) {
  const { t } = useTranslation("organizations");
  const value = form.rhf.watch(name);
  const count = typeof value === "string" ? value.trim().length : 0;
  return (
    <>
      {hint} <span className="organization-form__counter">{t("hints.counter", { count, max: TEXT_LIMIT })}</span>
    </>
  );
}
