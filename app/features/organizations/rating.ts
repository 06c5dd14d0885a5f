// A social organisation's assessment rating (社会组织评估等级, 1A–5A) is valid for five years from the day it is
// awarded (民政部令第39号). These rules decide whether a stated expiry date is plausible and whether a rating counts.
export const RATING_VALIDITY_YEARS = 5;

/** Adds whole years to a calendar date (YYYY-MM-DD); 29 February rolls over to 1 March. */
export function addYears(date: string, years: number): string {
  const [year, month, day] = date.split("-").map(Number);
  return new Date(Date.UTC((year ?? 0) + years, (month ?? 1) - 1, day ?? 1)).toISOString().slice(0, 10);
}

export type RatingExpiryProblem = "expired" | "beyondValidity";

export function ratingExpiryProblem(expiresOn: string, today: string): RatingExpiryProblem | null {
  if (expiresOn < today) return "expired";
  // A rating awarded today expires in five years at the latest; anything later is a typing mistake.
  if (expiresOn > addYears(today, RATING_VALIDITY_YEARS)) return "beyondValidity";
  return null;
}

/** A rating counts only until its expiry date (inclusive). */
export function isRatingCurrent(rating: string | null, expiresOn: string | null, today: string): boolean {
  return rating !== null && expiresOn !== null && expiresOn >= today;
}
