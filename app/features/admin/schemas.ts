// The admin forms and query strings: the audit-log filters, the keyset page cursor and the admin-flag switch.
import { z } from "zod";
import { isCalendarDate } from "~/lib/local-time";

const optionalFilter = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : undefined));

/** A calendar date as <input type="date"> sends it; blank means "no bound". */
const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined))
  .refine((value) => value === undefined || isCalendarDate(value), { message: "validation:date" });

export const AuditFilterSchema = z
  .object({
    action: optionalFilter(100),
    entityType: optionalFilter(100),
    actor: z
      .string()
      .trim()
      .toLowerCase()
      .max(254)
      .optional()
      .transform((value) => (value ? value : undefined))
      .pipe(z.email().optional()),
    from: optionalDate,
    to: optionalDate,
  })
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, {
    path: ["to"],
    message: "admin:audit.errors.rangeOrder",
  });
export type AuditFilter = z.output<typeof AuditFilterSchema>;

/** Keyset paging: ?before=<id> shows the page older than that row, ?after=<id> the page newer than it. */
export type Cursor = { direction: "before" | "after"; id: number } | null;

const CursorIdSchema = z.coerce.number().int().positive();

export function cursorFromUrl(url: URL): Cursor {
  for (const direction of ["before", "after"] as const) {
    const parsed = CursorIdSchema.safeParse(url.searchParams.get(direction) ?? undefined);
    if (parsed.success) return { direction, id: parsed.data };
  }
  return null;
}

export const SetAdminSchema = z.object({
  intent: z.literal("setAdmin"),
  userId: z.coerce.number().int().positive(),
  grant: z.enum(["true", "false"]).transform((value) => value === "true"),
});
