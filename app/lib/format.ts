// Display formats: money as ¥ with two decimals, instants and dates in Asia/Shanghai, in the page's language.
export const DISPLAY_TIME_ZONE = "Asia/Shanghai";

/**
 * One formatter per language and kind, made on first use: building an Intl formatter costs far more than using one,
 * and a table page formats hundreds of amounts and times per render.
 */
function cached<F>(make: (language: string) => F): (language: string) => F {
  const byLanguage = new Map<string, F>();
  return (language) => {
    let formatter = byLanguage.get(language);
    if (formatter === undefined) {
      formatter = make(language);
      byLanguage.set(language, formatter);
    }
    return formatter;
  };
}

const moneyFormat = cached(
  (language) =>
    new Intl.NumberFormat(language, {
      style: "currency",
      currency: "CNY",
      currencyDisplay: "narrowSymbol",
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }),
);

const instantFormat = cached(
  (language) =>
    new Intl.DateTimeFormat(language, {
      timeZone: DISPLAY_TIME_ZONE,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }),
);

export function formatFen(fen: number, language: string): string {
  return moneyFormat(language).format(fen / 100);
}

export function formatInstant(iso: string, language: string): string {
  return instantFormat(language).format(new Date(iso));
}

const dateFormat = cached(
  (language) =>
    new Intl.DateTimeFormat(language, { timeZone: "UTC", year: "numeric", month: "2-digit", day: "2-digit" }),
);

const shareFormat = cached(
  (language) => new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 2 }),
);

/** Formats a calendar date (YYYY-MM-DD), which has no time zone of its own. */
export function formatDate(date: string, language: string): string {
  return dateFormat(language).format(new Date(`${date}T00:00:00Z`));
}

export function formatShare(basisPoints: number, language: string): string {
  return shareFormat(language).format(basisPoints / 10000);
}

// "narrow" joins with the language's own separator and no "and": 甲、乙、丙 in Chinese, "a, b, c" in English.
const listFormat = cached((language) => new Intl.ListFormat(language, { type: "conjunction", style: "narrow" }));

/** Joins the items of a list for reading, as the language separates them. */
export function formatList(items: readonly string[], language: string): string {
  return listFormat(language).format(items);
}
