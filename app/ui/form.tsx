// The form kit: react-hook-form validates with the feature's zod schema in the browser and then submits the real
// <Form> element, so the body is the same with and without JavaScript. Server errors (returned with the submitted
// values) show next to their fields until the user edits the field.
import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { type FormEvent, type ReactNode, useEffect, useMemo, useRef } from "react";
import { type FieldValues, type Path, useForm, type UseFormRegisterReturn, type UseFormReturn } from "react-hook-form";
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

/**
 * Where focus goes after a failed submit: the first field marked invalid, or the first error about a whole section
 * (an empty list has no field to mark), whichever comes first on the page.
 */
const FIRST_INVALID = '[aria-invalid="true"], [data-section-error]';

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
    const posted = options.actionData?.values;
    if (!posted) return;
    rhf.reset(posted as never);
    // react-hook-form takes a box that was rendered ticked (defaultChecked) as the page shows it, not as reset, so a
    // box the user unticked and the server ticked again (a row still in use) would stay unticked: tick each box as
    // the values say. A group posts one value or a list; an unticked group or box posts nothing.
    for (const box of formRef.current?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? []) {
      box.checked = [readPath(posted, box.name)].flat().map(String).includes(box.value);
    }
  }, [options.actionData, rhf]);

  // Move focus to the first field the server rejected, as the browser-side validation does for its own errors, or
  // to the message about the whole form (a conflict), which may sit far above the button that was pressed.
  useEffect(() => {
    const failure = options.actionData;
    if (failure?.fieldErrors) formRef.current?.querySelector<HTMLElement>(FIRST_INVALID)?.focus();
    else if (failure?.formError) formRef.current?.querySelector<HTMLElement>("[data-form-error]")?.focus();
  }, [options.actionData]);

  const errorFor = (name: string) => {
    const fieldError = rhf.getFieldState(name as Path<z.input<S>>, rhf.formState).error;
    // A rule about a whole list ("at least one row") is kept under `root` once the list has fields of its own.
    const clientError = fieldError?.message ?? fieldError?.root?.message;
    if (clientError) return translateMessage(clientError, t);
    const edited = rhf.getFieldState(name as Path<z.input<S>>, rhf.formState).isDirty;
    return edited ? undefined : translateMessage(serverErrors[name], t);
  };

  // react-hook-form focuses the failed field only when it owns the ref; checkbox groups and custom widgets mark
  // themselves aria-invalid instead, so look for the first marked element once the errors have rendered.
  const focusFirstInvalid = () =>
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(FIRST_INVALID)?.focus());

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

/** What a field bound to a ZodForm takes besides the attributes it passes on to its control. */
interface BoundFieldOwnProps {
  form: ZodForm<any>;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Marks the label and sets aria-required; the control gets no native `required`, the zod schema decides. */
  required?: boolean;
  /** Goes on the shell (e.g. field--wide in a form-grid), not on the control. */
  className?: string;
}

/** `form` and `name` are the kit's own props, so the HTML attributes of the same names are left out. */
type BoundFieldProps<TAttributes> = Omit<TAttributes, "form" | "name"> & BoundFieldOwnProps;

/** The control's attributes that come from the form: its value, and the ids that tie it to the label, hint and error. */
interface BoundControlAttributes {
  id: string;
  className: string;
  defaultValue: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  "aria-required": true | undefined;
  autoFocus: true | undefined;
}

type BoundControlProps<TAttributes> = BoundControlAttributes &
  Omit<BoundFieldProps<TAttributes>, keyof BoundFieldOwnProps> &
  UseFormRegisterReturn;

/**
 * The shell around one control of a ZodForm: TextField, TextAreaField and SelectField differ only in the control
 * they render. The caller's attributes override the form-derived ones, and react-hook-form's registration comes
 * last because it must own name, onChange, onBlur and ref. The keys keep the order the fields have always
 * written them in, so the server markup that browser tests and screenshots see does not change.
 */
function BoundField<TAttributes>({
  field,
  controlClassName,
  children,
}: {
  field: BoundFieldProps<TAttributes>;
  controlClassName: string;
  children: (control: BoundControlProps<TAttributes>) => ReactNode;
}) {
  const { form, name, label, hint, required, className, ...attributes } = field;
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
      {children({
        id: fieldId(name, form.idPrefix),
        className: controlClassName,
        defaultValue: current == null ? "" : String(current),
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy(name, hint, error, form.idPrefix),
        "aria-required": required || undefined,
        autoFocus: form.firstErrorName === name || undefined,
        ...attributes,
        ...form.rhf.register(name),
      })}
    </FieldShell>
  );
}

export function TextField(props: BoundFieldProps<React.InputHTMLAttributes<HTMLInputElement>>) {
  return (
    <BoundField field={props} controlClassName="input">
      {(control) => <input {...control} />}
    </BoundField>
  );
}

export function TextAreaField(props: BoundFieldProps<React.TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  // Four rows unless the page asks for another height.
  return (
    <BoundField field={{ rows: 4, ...props }} controlClassName="input input--textarea">
      {(control) => <textarea {...control} />}
    </BoundField>
  );
}

type SelectProps = BoundFieldProps<React.SelectHTMLAttributes<HTMLSelectElement>> & {
  options: { value: string; label: string }[];
  placeholder?: string;
};

export function SelectField({ options, placeholder, ...field }: SelectProps) {
  return (
    <BoundField field={field} controlClassName="input">
      {(control) => (
        <select {...control}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </BoundField>
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
    <div className="alert alert--error" role="alert" tabIndex={-1} data-form-error>
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

/**
 * A consequential post (withdraw, unpublish, grant admin rights) behind a disclosure: the first tap only opens a
 * sentence saying what will happen, and the button inside it posts. <details> needs no JavaScript.
 */
export function ConfirmDisclosure({
  toggle,
  toggleClassName,
  toggleLabel,
  message,
  confirm,
  confirmClassName,
  name,
  value,
  children,
}: {
  toggle: ReactNode;
  toggleClassName: string;
  /** An accessible name for the toggle where its text alone is ambiguous (one per row of a table). */
  toggleLabel?: string;
  message: ReactNode;
  confirm: ReactNode;
  confirmClassName: string;
  /** The name and value the confirm button posts. */
  name?: string;
  value?: string;
  /** The hidden inputs the post carries. */
  children?: ReactNode;
}) {
  return (
    <Form method="post" className="confirm-disclosure">
      {children}
      <details>
        <summary className={toggleClassName} aria-label={toggleLabel}>
          {toggle}
        </summary>
        <p>{message}</p>
        <SubmitButton name={name} value={value} className={confirmClassName}>
          {confirm}
        </SubmitButton>
      </details>
    </Form>
  );
}

export { Form };
