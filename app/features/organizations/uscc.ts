// 统一社会信用代码 (Unified Social Credit Code, GB 32100-2015): how typed input is normalised, whether a code is
// valid, and what its first two characters say about who registered the organisation and what kind it is.

/** The 31 symbols of the code, in value order; I, O, S, V and Z are never used. */
export const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

export const USCC_LENGTH = 18;

/** Weight of position i (1-based) is 3^(i-1) mod 31. */
const WEIGHTS = Array.from({ length: USCC_LENGTH - 1 }, (_, index) => {
  let weight = 1;
  for (let step = 0; step < index; step += 1) weight = (weight * 3) % 31;
  return weight;
});

export const registrationDepartments = [
  "establishment_office",
  "foreign_affairs",
  "justice",
  "culture",
  "civil_affairs",
  "tourism",
  "religious_affairs",
  "trade_union",
  "market_regulation",
  "military_establishment_office",
  "agriculture",
  "other",
] as const;
export type RegistrationDepartment = (typeof registrationDepartments)[number];

/** 登记管理部门 by position 1. */
const DEPARTMENT_BY_CODE: ReadonlyMap<string, RegistrationDepartment> = new Map([
  ["1", "establishment_office"],
  ["2", "foreign_affairs"],
  ["3", "justice"],
  ["4", "culture"],
  ["5", "civil_affairs"],
  ["6", "tourism"],
  ["7", "religious_affairs"],
  ["8", "trade_union"],
  ["9", "market_regulation"],
  ["A", "military_establishment_office"],
  ["N", "agriculture"],
  ["Y", "other"],
]);

export const civilAffairsOrgTypes = ["social_group", "private_non_enterprise", "foundation", "other"] as const;
export type CivilAffairsOrgType = (typeof civilAffairsOrgTypes)[number];

/** 机构类别 by position 2, for a code issued by civil affairs (民政). */
const CIVIL_AFFAIRS_TYPE_BY_CODE: ReadonlyMap<string, CivilAffairsOrgType> = new Map([
  ["1", "social_group"],
  ["2", "private_non_enterprise"],
  ["3", "foundation"],
  ["9", "other"],
]);

export type UsccProblem =
  | "length" // not 18 characters
  | "character" // a character outside the code's alphabet
  | "region" // a letter in positions 3–8, which hold a GB/T 2260 region code
  | "category" // civil affairs (5) with a category other than 1, 2, 3 or 9
  | "checksum"; // the last character does not match the other 17

export type UsccResult =
  | {
      ok: true;
      code: string;
      department: RegistrationDepartment | null;
      /** Known only when civil affairs issued the code. */
      orgType: CivilAffairsOrgType | null;
    }
  | { ok: false; code: string; problem: UsccProblem };

// Copy-paste from certificates, PDFs and Chinese input methods brings full-width letters and digits, ideographic
// spaces, non-breaking spaces and dashes of every width; NFKC folds full-width forms to ASCII, the rest is removed.
const SEPARATORS = /[\s\p{Pd}\u2212\u200B-\u200D\u2060\uFEFF]/gu;

export function normalizeUscc(input: string): string {
  return input.normalize("NFKC").replace(SEPARATORS, "").toUpperCase();
}

function valueOf(character: string): number {
  return USCC_ALPHABET.indexOf(character);
}

/** The check character for the first 17 characters (which must all be in the alphabet). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < USCC_LENGTH - 1; index += 1) {
    sum += valueOf(first17.charAt(index)) * (WEIGHTS[index] ?? 0);
  }
  // The final "% 31" maps a remainder of 0 to '0'; many published snippets forget it and reject valid codes.
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Checks an already normalised code. */
export function checkUscc(code: string): UsccResult {
  if (code.length !== USCC_LENGTH) return { ok: false, code, problem: "length" };
  if ([...code].some((character) => valueOf(character) < 0)) return { ok: false, code, problem: "character" };
  if (!/^\d{6}$/.test(code.slice(2, 8))) return { ok: false, code, problem: "region" };
  // Codes from a department the standard does not list are still checked; they just carry no department.
  const department = DEPARTMENT_BY_CODE.get(code.charAt(0)) ?? null;
  let orgType: CivilAffairsOrgType | null = null;
  if (department === "civil_affairs") {
    orgType = CIVIL_AFFAIRS_TYPE_BY_CODE.get(code.charAt(1)) ?? null;
    if (orgType === null) return { ok: false, code, problem: "category" };
  }
  if (usccCheckCharacter(code) !== code.charAt(17)) return { ok: false, code, problem: "checksum" };
  return { ok: true, code, department, orgType };
}

/** Normalises what a person typed and checks it. */
export function parseUscc(input: string): UsccResult {
  return checkUscc(normalizeUscc(input));
}
