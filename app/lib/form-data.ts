// Turns form fields named the way react-hook-form registers them ("lines.0.item", "tags") into nested objects
// and arrays, so a form posts the same body with and without JavaScript and one zod schema parses it.
export type FormValue = string | FormValues | FormValue[];
export interface FormValues {
  [key: string]: FormValue;
}

export function formDataToObject(formData: FormData): FormValues {
  const root: FormValues = {};
  for (const [name, raw] of formData.entries()) {
    if (typeof raw !== "string") continue;
    // NUL never belongs in text (PostgreSQL refuses it in a text column); a paste can still carry one in.
    assign(root, name.split("."), raw.replaceAll("\0", ""));
  }
  return compact(root) as FormValues;
}

// A row removed from the middle of a repeated group leaves a hole in the indexes; drop it.
function compact(value: FormValue): FormValue {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(compact);
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, compact(child)]));
}

function assign(target: FormValues | FormValue[], path: string[], value: string): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  const container = target as Record<string, FormValue>;
  if (rest.length === 0) {
    const existing = container[head];
    if (existing === undefined) container[head] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else container[head] = [existing, value];
    return;
  }
  const nextIsIndex = /^\d+$/.test(rest[0] ?? "");
  let child = container[head];
  if (child === undefined || typeof child === "string") {
    child = nextIsIndex ? [] : {};
    container[head] = child;
  }
  assign(child as FormValues | FormValue[], rest, value);
}
