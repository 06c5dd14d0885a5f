// A complete, valid program form body as a browser posts it (dotted names, repeated checkbox names), for the
// program schema and route tests. Overrides replace a field; null removes it.
import { formDataToObject, type FormValues } from "../../app/lib/form-data";

export type FormBody = Record<string, string | string[]>;

const DAY = 24 * 60 * 60 * 1000;
const BEIJING_OFFSET = 8 * 60 * 60 * 1000;

/** A datetime-local value in Beijing time, some days from now. */
export function beijingLocalInDays(days: number, hour = 9): string {
  const date = new Date(Date.now() + days * DAY + BEIJING_OFFSET);
  return `${date.toISOString().slice(0, 10)}T${String(hour).padStart(2, "0")}:00`;
}

export function dateInDays(days: number): string {
  return new Date(Date.now() + days * DAY + BEIJING_OFFSET).toISOString().slice(0, 10);
}

export function programFormBody(overrides: Record<string, string | string[] | null> = {}): FormBody {
  const body: FormBody = {
    title: "2027年南七街道第四届社区微公益创投大赛",
    summary: "面向辖区社区社会组织和备案志愿服务队征集“一老一小一困一残”微公益项目。",
    description:
      "本届大赛由南七街道社区慈善基金与蜀山区民政局福彩公益金共同出资，支持社区组织开展为老服务、儿童关爱等微项目。",
    "categories.0.name": "为老服务",
    "categories.0.quota": "4",
    "categories.1.name": "儿童关爱",
    "categories.1.quota": "",
    targetGroups: ["elderly", "children", "needy", "disabled"],
    "customTargetGroups.0.name": "新市民",
    "fundingSources.0.name": "南七街道社区慈善基金",
    "fundingSources.0.kind": "community_charity_fund",
    "fundingSources.0.amount": "15万",
    "fundingSources.1.name": "蜀山区民政局福彩公益金",
    "fundingSources.1.kind": "public_budget",
    "fundingSources.1.amount": "100,000",
    grantMin: "3000",
    grantMax: "3万",
    filedTeamGrantMax: "5000",
    maxGrantShare: "80",
    personnelCap: "30",
    managementCap: "10",
    prohibitedCategories: ["fixed_assets", "cash_gifts", "hospitality"],
    proposalsPerOrg: "2",
    eligibleKinds: ["registered", "filed_team"],
    minRating: "",
    opensAt: beijingLocalInDays(1),
    closesAt: beijingLocalInDays(21, 17),
    implementationStartsOn: dateInDays(45),
    implementationEndsOn: dateInDays(300),
    noticeWorkingDays: "5",
    tranchePreset: "50-40-10",
    "tranches.0.share": "",
    "tranches.0.gate": "signing",
  };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === null) delete body[key];
    else body[key] = value;
  }
  return body;
}

/** The body as the server reads it (nested objects and arrays). */
export function programFormValues(overrides: Record<string, string | string[] | null> = {}): FormValues {
  const form = new FormData();
  for (const [key, value] of Object.entries(programFormBody(overrides))) {
    for (const item of Array.isArray(value) ? value : [value]) form.append(key, item);
  }
  return formDataToObject(form);
}
