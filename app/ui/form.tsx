// The form kit: react-hook-form validates with the feature's zod schema in the browser and then submits the real
// <Form> element, so the body is the same with and without JavaScript. Server errors (returned with the submitted
// values) show next to their fields until the user edits the field.
import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { type FormEvent, type ReactNode, useEffect, useMemo, useRef } from "react";
import { type FieldValues, type Path, useForm, type UseFormReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { FormValues } from "~/lib/form-data";
import { type FieldErrors, translateMessage, zodErrorMap } from "~/lib/validation";

export interface ActionFailure {
  fieldErrors?: FieldErrors;
  formError?: string;
  values?: FormValues;
}

export interface ZodForm<TInput extends FieldValues> {
  rhf: UseFormReturn<TInput, unknown, FieldValues>;
  values: Record<string, unknown>;
  errorFor: (name: string) => string | undefined;
  firstErrorName: string | undefined;
  formError: string | undefined;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  formRef: React.RefObject<HTMLFormElement>;
  idPrefix: string;
}

export function readPath(source: unknown, name: string): unknown {
  return name.split(".").reduce<unknown>((value, key) => {
    if (value && typeof value === "object") return (value as Record<string, unknown>)[key];
    return undefined;
  }, source);
}

export function useZodForm<S extends z.ZodType<unknown, FieldValues>>(
  schema: S,
  options: {
    defaultValues: z.input<S>;
    actionData?: ActionFailure | null | undefined;
    /** Tells apart the ids of same-named fields when a page holds several forms of one schema. */
    idPrefix?: string;
  },
): ZodForm<z.input<S>> {
  const { t, i18n } = useTranslation();
  const serverErrors = options.actionData?.fieldErrors ?? {};
  const values = (options.actionData?.values ?? options.defaultValues) as Record<string, unknown>;
  const resolver = useMemo(
    () => zodResolver(schema as never, { error: zodErrorMap(t, i18n.language) }),
    [schema, t, i18n.language],
  );
  const rhf = useForm<z.input<S>, unknown, FieldValues>({
    resolver: resolver as never,
    defaultValues: values as never,
    mode: "onTouched",
  });
  const submit = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);

  // New values from the server (after a failed submit) replace what the form holds.
  useEffect(() => {
    if (options.actionData?.values) rhf.reset(options.actionData.values as never);
  }, [options.actionData, rhf]);

  // Move focus to the first field the server rejected, as the browser-side validation does for its own errors.
  useEffect(() => {
    if (!options.actionData?.fieldErrors) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, [options.actionData]);

  const errorFor = (name: string) => {
    const clientError = rhf.getFieldState(name as Path<z.input<S>>, rhf.formState).error?.message;
    if (clientError) return translateMessage(clientError, t);
    const edited = rhf.getFieldState(name as Path<z.input<S>>, rhf.formState).isDirty;
    return edited ? undefined : translateMessage(serverErrors[name], t);
  };

  // react-hook-form focuses the failed field only when it owns the ref; checkbox groups and custom widgets mark
  // themselves aria-invalid instead, so look for the first marked element once the errors have rendered.
  const focusFirstInvalid = () =>
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    event.preventDefault();
    const send = () =>
      submit(new FormData(form, submitter), {
        method: "post",
        action: form.getAttribute("action") ?? undefined,
        encType: form.enctype === "multipart/form-data" ? "multipart/form-data" : "application/x-www-form-urlencoded",
        preventScrollReset: false,
      });
    // Buttons marked formNoValidate (save as draft) skip validation: a draft may be incomplete.
    if (submitter instanceof HTMLButtonElement && submitter.formNoValidate) send();
    else void rhf.handleSubmit(send, focusFirstInvalid)(event);
  };

  return {
    rhf,
    values,
    errorFor,
    firstErrorName: Object.keys(serverErrors)[0],
    formError: translateMessage(options.actionData?.formError, t),
    onSubmit,
    formRef,
    idPrefix: options.idPrefix ?? "",
  };
}

export function fieldId(name: string, idPrefix = ""): string {
  return `field-${idPrefix ? `${idPrefix}-` : ""}${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

interface FieldShellProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  children: ReactNode;
  className?: string;
  idPrefix?: string;
}

export function FieldShell({ name, label, hint, error, required, children, className, idPrefix }: FieldShellProps) {
  const { t } = useTranslation();
  const id = fieldId(name, idPrefix);
  return (
    <div className={`field${error ? " field--invalid" : ""}${className ? ` ${className}` : ""}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {required ? (
          <span className="field__required" aria-hidden="true">
            {" "}
            *
          </span>
        ) : null}
        {required ? <span className="visually-hidden">({t("form.required")})</span> : null}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(name: string, hint: unknown, error: unknown, idPrefix = ""): string | undefined {
  const id = fieldId(name, idPrefix);
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

type InputProps = Omit<React.InputHTMLAttributes<HTMLInputElement>, "form" | "name"> & {
  form: ZodForm<any>;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
};

export function TextField({ form, name, label, hint, required, className, ...rest }: InputProps) {
  const error = form.errorFor(name);
  const current = readPath(form.values, name);
  return (
    <FieldShell
      name={name}
      label={label}
      hint={hint}
      error={error}
      required={required}
      className={className}
      idPrefix={form.idPrefix}
    >
      <input
        id={fieldId(name, form.idPrefix)}
        className="input"
        defaultValue={current == null ? "" : String(current)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error, form.idPrefix)}
        aria-required={required || undefined}
        autoFocus={form.firstErrorName === name || undefined}
        {...rest}
        {...form.rhf.register(name)}
      />
    </FieldShell>
  );
}

type TextAreaProps = Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "form" | "name"> & {
  form: ZodForm<any>;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
};

export function TextAreaField({ form, name, label, hint, required, className, ...rest }: TextAreaProps) {
  const error = form.errorFor(name);
  const current = readPath(form.values, name);
  return (
    <FieldShell
      name={name}
      label={label}
      hint={hint}
      error={error}
      required={required}
      className={className}
      idPrefix={form.idPrefix}
    >
      <textarea
        id={fieldId(name, form.idPrefix)}
        className="input input--textarea"
        defaultValue={current == null ? "" : String(current)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error, form.idPrefix)}
        aria-required={required || undefined}
        autoFocus={form.firstErrorName === name || undefined}
        rows={rest.rows ?? 4}
        {...rest}
        {...form.rhf.register(name)}
      />
    </FieldShell>
  );
}

type SelectProps = Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "form" | "name"> & {
  form: ZodForm<any>;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  options: { value: string; label: string }[];
  placeholder?: string;
};

export function SelectField({
  form,
  name,
  label,
  hint,
  required,
  options,
  placeholder,
  className,
  ...rest
}: SelectProps) {
  const error = form.errorFor(name);
  const current = readPath(form.values, name);
  return (
    <FieldShell
      name={name}
      label={label}
      hint={hint}
      error={error}
      required={required}
      className={className}
      idPrefix={form.idPrefix}
    >
      <select
        id={fieldId(name, form.idPrefix)}
        className="input"
        defaultValue={current == null ? "" : String(current)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error, form.idPrefix)}
        aria-required={required || undefined}
        autoFocus={form.firstErrorName === name || undefined}
        {...rest}
        {...form.rhf.register(name)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

interface CheckboxGroupProps {
  form: ZodForm<any>;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: { value: string; label: string }[];
  required?: boolean;
}

/** A set of checkboxes posting one value each under the same name; the schema turns them into an array. */
export function CheckboxGroup({ form, name, legend, hint, options, required }: CheckboxGroupProps) {
  const error = form.errorFor(name);
  const current = readPath(form.values, name);
  const checked = new Set(Array.isArray(current) ? current.map(String) : current ? [String(current)] : []);
  const id = fieldId(name, form.idPrefix);
  return (
    <fieldset
      className={`field fieldset${error ? " field--invalid" : ""}`}
      aria-describedby={describedBy(name, hint, error, form.idPrefix)}
      aria-invalid={error ? true : undefined}
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
      <div className="checkbox-row">
        {options.map((option, index) => (
          <label key={option.value} className="checkbox">
            <input
              type="checkbox"
              id={index === 0 ? id : undefined}
              value={option.value}
              defaultChecked={checked.has(option.value)}
              {...form.rhf.register(name)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function FormErrorSummary({ form }: { form: ZodForm<any> }) {
  const { t } = useTranslation();
  const hasFieldErrors = Object.keys(form.rhf.formState.errors).length > 0 || form.firstErrorName !== undefined;
  if (!form.formError && !hasFieldErrors) return null;
  return (
    <div className="alert alert--error" role="alert">
      {form.formError ?? t("form.errorSummary")}
    </div>
  );
}

export function SubmitButton({ children, className, ...rest }: React.ButtonHTMLAttributes<HTMLButtonElement>) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <button type="submit" className={className ?? "button button--primary"} aria-busy={busy || undefined} {...rest}>
      {children}
    </button>
  );
}

export { Form };
