// The funder's fields, shared by the create and edit pages.
import { useTranslation } from "react-i18next";
import type { FunderRecord } from "~/features/funders/funders.server";
import { funderKinds, type FunderSchema, isFunderKind } from "~/features/funders/schemas";
import { SelectField, TextField, type ZodForm } from "~/ui/form";
import type { z } from "zod";

export type FunderFormValues = z.input<typeof FunderSchema>;

export const emptyFunder: FunderFormValues = {
  name: "",
  kind: "street_office",
  province: "",
  city: "",
  district: "",
  street: "",
  contactName: "",
  contactPhone: "",
};

/** A stored funder as the edit form's starting values: nulls become empty fields. */
export function funderFormValues(funder: Omit<FunderRecord, "id" | "createdAt" | "updatedAt">): FunderFormValues {
  return {
    name: funder.name,
    kind: isFunderKind(funder.kind) ? funder.kind : emptyFunder.kind,
    province: funder.province,
    city: funder.city,
    district: funder.district ?? "",
    street: funder.street ?? "",
    contactName: funder.contactName ?? "",
    contactPhone: funder.contactPhone ?? "",
  };
}

export function FunderFields({ form }: { form: ZodForm<FunderFormValues> }) {
  const { t } = useTranslation("funders");
  return (
    <div className="form-grid">
      <TextField
        form={form}
        name="name"
        label={t("fields.name")}
        hint={t("hints.name")}
        required
        className="field--wide"
      />
      <SelectField
        form={form}
        name="kind"
        label={t("fields.kind")}
        required
        options={funderKinds.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
      />
      <fieldset className="form-section form-grid region-fields">
        <legend>{t("fields.region")}</legend>
        <TextField form={form} name="province" label={t("fields.province")} required autoComplete="address-level1" />
        <TextField form={form} name="city" label={t("fields.city")} required autoComplete="address-level2" />
        <TextField form={form} name="district" label={t("fields.district")} hint={t("hints.district")} />
        <TextField form={form} name="street" label={t("fields.street")} hint={t("hints.street")} />
      </fieldset>
      <TextField form={form} name="contactName" label={t("fields.contactName")} required autoComplete="off" />
      <TextField
        form={form}
        name="contactPhone"
        label={t("fields.contactPhone")}
        hint={t("hints.contactPhone")}
        required
        type="tel"
        inputMode="tel"
        autoComplete="off"
      />
    </div>
  );
}
