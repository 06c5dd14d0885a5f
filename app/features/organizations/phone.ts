// Mainland China mobile numbers: 11 digits starting with 1 and a second digit 3–9. People type them with spaces,
// hyphens, full-width digits or a +86 / 0086 country prefix; all of that is folded away before the check.

const SEPARATORS = /[\s\p{Pd}\u2212()]/gu;
const MOBILE = /^1[3-9]\d{9}$/;

/** The bare 11 digits when the input is a valid mainland mobile number, otherwise null. */
export function normalizeMobile(input: string): string | null {
  const compact = input.normalize("NFKC").replace(SEPARATORS, "");
  const national = compact.replace(/^(?:\+86|0086)/, "").replace(/^86(?=1\d{10}$)/, "");
  return MOBILE.test(national) ? national : null;
}

/** Groups a stored number as 139 6501 0003, the way it is read aloud and printed on cards. */
export function formatMobile(mobile: string): string {
  return MOBILE.test(mobile) ? `${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}` : mobile;
}
