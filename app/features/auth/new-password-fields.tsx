// A new password and its confirmation, as sign-up, password reset and the account page ask for them: the same
// rules hint, and autocomplete hints that let password managers offer and file a strong password.
import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import { TextField } from "~/ui/form";

interface NewPasswordFieldsProps {
  form: ComponentProps<typeof TextField>["form"];
  /** The schema's name for the new password; the confirmation is always confirmPassword. */
  name: "password" | "newPassword";
  label: string;
  confirmLabel: string;
}

export function NewPasswordFields({ form, name, label, confirmLabel }: NewPasswordFieldsProps) {
  const { t } = useTranslation("auth");
  return (
    <>
      <TextField
        form={form}
        name={name}
        label={label}
        hint={t("hints.newPassword")}
        type="password"
        autoComplete="new-password"
        required
      />
      <TextField
        form={form}
        name="confirmPassword"
        label={confirmLabel}
        type="password"
        autoComplete="new-password"
        required
      />
    </>
  );
}
