// Display formats: money as ¥ with two decimals, instants and dates in Asia/Shanghai, in the page's language.
export const DISPLAY_TIME_ZONE = "Asia/Shanghai";

export function formatFen(fen: number, language: string): string {
  return new Intl.NumberFormat(language, {
    style: "currency",
    currency: "CNY",
    currencyDisplay: "narrowSymbol",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(fen / 100);
}

export function formatInstant(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    timeZone: DISPLAY_TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(iso));
}

/** Formats a calendar date (YYYY-MM-DD), which has no time zone of its own. */
export function formatDate(date: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: "UTC", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

export function formatShare(basisPoints: number, language: string): string {
  return new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 2 }).format(basisPoints / 10000);
}
