// Every dictionary, by language and namespace (one namespace per feature). The English files are typed against
// the Chinese ones, so a missing or extra key fails the typecheck.
import { admin as enAdmin } from "./en/admin";
import { auth as enAuth } from "./en/auth";
import { common as enCommon } from "./en/common";
import { funders as enFunders } from "./en/funders";
import { organizations as enOrganizations } from "./en/organizations";
import { programs as enPrograms } from "./en/programs";
import { proposals as enProposals } from "./en/proposals";
import { validation as enValidation } from "./en/validation";
import { admin } from "./zh-CN/admin";
import { auth } from "./zh-CN/auth";
import { common } from "./zh-CN/common";
import { funders } from "./zh-CN/funders";
import { organizations } from "./zh-CN/organizations";
import { programs } from "./zh-CN/programs";
import { proposals } from "./zh-CN/proposals";
import { validation } from "./zh-CN/validation";

export const resources = {
  "zh-CN": { common, validation, auth, funders, organizations, programs, proposals, admin },
  en: {
    common: enCommon,
    validation: enValidation,
    auth: enAuth,
    funders: enFunders,
    organizations: enOrganizations,
    programs: enPrograms,
    proposals: enProposals,
    admin: enAdmin,
  },
};
