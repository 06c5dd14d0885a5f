// Thrown responses for the cases every loader and action shares.
export function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}

export function forbidden(): never {
  throw new Response("Forbidden", { status: 403 });
}

/** A body no form of ours would post (a tampered hidden field): nothing to show next to a field. */
export function badRequest(): never {
  throw new Response("Bad Request", { status: 400 });
}

/**
 * The request's form body. A body that is not a form (a script posting JSON or text, a form cut short) is the
 * sender's mistake, answered 400 like any other body no form of ours would post, never a 500.
 */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch (error) {
    // The fetch API's way of saying the body is not the urlencoded or multipart form its type announced.
    if (error instanceof TypeError) badRequest();
    throw error;
  }
}

export function assertFound<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) notFound();
  return value;
}

/** Accepts only local paths as redirect targets, so a crafted link cannot send users to another site. */
export function safeRedirectPath(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
    return fallback;
  }
  // A control character (a line break, NUL) cannot go into a Location header.
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\u0000-\u001f\u007f]/.test(target)) return fallback;
  return target;
}

/** A route parameter that names a record by its integer id; anything else ("abc", "-1", "1.5") is a 404. */
export function idParam(value: string | undefined): number {
  if (value === undefined || !/^[1-9]\d{0,14}$/.test(value)) notFound();
  return Number(value);
}
