// Date and time inputs speak Beijing time whatever the browser's or server's zone: a datetime-local value
// ("2026-12-01T09:00") is read as Asia/Shanghai and stored as an ISO UTC instant, and back again for editing.
import { TZDate } from "@date-fns/tz";
import { DISPLAY_TIME_ZONE } from "./format";

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC instant of a datetime-local value in Beijing time, or null when it is not a real date and time. */
export function shanghaiLocalToIso(local: string): string | null {
  const match = LOCAL_DATE_TIME.exec(local.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  const date = new TZDate(year!, month! - 1, day!, hour!, minute!, second!, DISPLAY_TIME_ZONE);
  // The Date constructor rolls 30 February over into March; a value that does not read back the same is invalid.
  const readsBack =
    date.getFullYear() === year &&
    date.getMonth() === month! - 1 &&
    date.getDate() === day &&
    date.getHours() === hour &&
    date.getMinutes() === minute;
  return readsBack ? new Date(date.getTime()).toISOString() : null;
}

const pad = (value: number) => String(value).padStart(2, "0");

/** An ISO instant as a datetime-local value in Beijing time ("2026-12-01T09:00"). */
export function isoToShanghaiLocal(iso: string): string {
  const date = new TZDate(Date.parse(iso), DISPLAY_TIME_ZONE);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The calendar year in Beijing at an instant (a program code's year turns at midnight in China, not in UTC). */
export function shanghaiYear(iso: string): number {
  return new TZDate(Date.parse(iso), DISPLAY_TIME_ZONE).getFullYear();
}

/** Whether a value is a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const DAY_SECONDS = 24 * 60 * 60;

/**
 * The instants a range of Beijing calendar days covers, for date filters: [start of `from`, start of the day after
 * `to`). Either end may be open (null). China has kept one offset all year since 1991, so each day is 24 hours.
 */
export function shanghaiDayRange(
  from: string | undefined,
  to: string | undefined,
): { start: string | null; end: string | null } {
  const start = from ? shanghaiLocalToIso(`${from}T00:00`) : null;
  const toStart = to ? shanghaiLocalToIso(`${to}T00:00`) : null;
  return { start, end: toStart ? new Date(Date.parse(toStart) + DAY_SECONDS * 1000).toISOString() : null };
}
