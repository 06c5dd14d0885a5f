// Every route in app/routes.ts, called as a signed-out visitor, as an applicant of another organisation and as a
// manager of another funder, against records that belong to a third party: a denial wherever one is due. Each
// route has an explicit, commented expectation below; a route without one (or a stale entry) fails the test, so a
// new route cannot ship without someone deciding who may open it. The list of public routes is
// app/lib/public-routes.ts, and it must agree with the table.
import { beforeAll, describe, expect, test } from "vitest";
import { publicRoutes } from "~/lib/public-routes";
import { db } from "~/lib/db.server";
import {
  createApplicant,
  createAttachment,
  createFunder,
  createManager,
  createProgram,
  createProposal,
  createUser,
} from "../factories";
import {
  type Call,
  callAs,
  describeResult,
  isDenied,
  loadRouteModule,
  paramNames,
  fillPath,
  redirectsToSignIn,
  walkRoutes,
} from "../support/route-walk";
import type { RouteResult } from "../support/routes";

/**
 * Who may use a loader or an action:
 * - public: anyone, signed in or not; the page answers (no sign-in redirect, no 401/403/404).
 * - publicToken: anyone, keyed by a one-time token from an email; with the random token used here the page may
 *   say the link is unknown (404/410), but it never asks to sign in or answers 401/403.
 * - signedInToken: a one-time token link that acts on the signed-in person (accepting an invitation): visitors are
 *   sent to sign in first; signed-in people get an answer (an unknown token may be 404/410).
 * - harmless: open to anyone because there is nothing to protect (signing out when signed out).
 * - signedIn: any signed-in person, for their own things; signed-out visitors are sent to sign in.
 * - admin: platform admins only.
 * - anyFunderStaff: people who work for at least one funder.
 * - funderStaff: staff of the funder the URL names (directly, or through its program).
 * - organizationMember / organizationOwner: members (owners) of the organisation the URL names.
 * - proposalMember: members of the organisation whose proposal the URL names.
 */
type Rule =
  | "public"
  | "publicToken"
  | "signedInToken"
  | "harmless"
  | "signedIn"
  | "admin"
  | "anyFunderStaff"
  | "funderStaff"
  | "organizationMember"
  | "organizationOwner"
  | "proposalMember";

interface RouteExpectation {
  loader?: Rule;
  action?: Rule;
  /** A query string the page needs, e.g. which funder a new program is for. */
  query?: string;
  /** Route parameters filled from another record of the table, e.g. a submitted proposal instead of the draft. */
  params?: Record<string, string>;
}

/** The table. Keys are the URL patterns of app/routes.ts. */
const expectations: Record<string, RouteExpectation> = {
  // The home page and the public call list: open calls are for everyone.
  "/": { loader: "public" },
  // The language switcher keeps visitors on their page whether or not they are signed in.
  "/language": { loader: "public", action: "public" },

  // Accounts: signing up, in and the password reset are for visitors.
  "/sign-up": { loader: "public", action: "public" },
  "/sign-in": { loader: "public", action: "public" },
  // Signing out when already signed out just returns home.
  "/sign-out": { loader: "harmless", action: "harmless" },
  "/forgot-password": { loader: "public", action: "public" },
  "/reset-password/:token": { loader: "publicToken", action: "publicToken" },
  // The invitation page tells a visitor what the link is for; accepting it needs the invited person signed in.
  "/invitations/:token": { loader: "publicToken", action: "signedInToken" },
  "/account": { loader: "signedIn", action: "signedIn" },

  // Public program pages show open and upcoming programs (the third party's program is open).
  "/programs": { loader: "public" },
  "/programs/:programId": { loader: "public" },

  // Organisations: everyone lists their own and may register a new one; an organisation's pages are its members'.
  "/organizations": { loader: "signedIn" },
  "/organizations/new": { loader: "signedIn", action: "signedIn" },
  "/organizations/:organizationId": { loader: "organizationMember" },
  "/organizations/:organizationId/edit": { loader: "organizationOwner", action: "organizationOwner" },
  // Members see the member list; only owners invite and remove (the action answers members with a 403).
  "/organizations/:organizationId/members": { loader: "organizationMember", action: "organizationOwner" },

  // The staff workspace: any funder's staff; a funder's own page and programs only to that funder's staff.
  "/manage": { loader: "anyFunderStaff" },
  "/manage/funders/:funderId": { loader: "funderStaff", action: "funderStaff" },
  // A new program is created for the funder named in ?funderId=, which must be the manager's own.
  "/manage/programs/new": { loader: "funderStaff", action: "funderStaff", query: "?funderId={funderId}" },
  "/manage/programs/:programId": { loader: "funderStaff", action: "funderStaff" },
  "/manage/programs/:programId/edit": { loader: "funderStaff", action: "funderStaff" },
  // Proposals, manager side: a program's proposals and their exports are its funder's staff's; so is a proposal
  // once handed in (a draft is the applicant's), with the screening decisions.
  "/manage/programs/:programId/proposals": { loader: "funderStaff" },
  "/manage/programs/:programId/proposals/export.csv": { loader: "funderStaff" },
  "/manage/programs/:programId/proposals/export.xlsx": { loader: "funderStaff" },
  "/manage/proposals/:proposalId": {
    loader: "funderStaff",
    action: "funderStaff",
    params: { proposalId: "submittedProposalId" },
  },
  // The printable form: the organisation's members (a draft prints for them; the funder sees submitted ones only).
  "/proposals/:proposalId/print": { loader: "proposalMember" },

  // Proposals, applicant side. Starting one lists the user's own organisations; a proposal's pages are its
  // organisation's members' (the program's own managers may read a submitted one: proposal-drafting.test.ts).
  "/programs/:programId/apply": { loader: "signedIn", action: "signedIn" },
  "/proposals": { loader: "signedIn" },
  "/proposals/:proposalId": { loader: "proposalMember", action: "proposalMember" },
  "/proposals/:proposalId/edit": { loader: "proposalMember", action: "proposalMember" },
  "/proposals/:proposalId/submit": { loader: "proposalMember", action: "proposalMember" },
  "/proposals/:proposalId/attachments/:attachmentId": { loader: "proposalMember" },

  // Platform administration.
  "/admin": { loader: "admin" },
  "/admin/funders": { loader: "admin" },
  "/admin/funders/new": { loader: "admin", action: "admin" },
  "/admin/funders/:funderId": { loader: "admin", action: "admin" },
  "/admin/users": { loader: "admin", action: "admin" },
  "/admin/audit": { loader: "admin" },
  "/admin/outbox": { loader: "admin" },
};

type Persona = "signedOut" | "applicant" | "manager" | "insider";

/** What each persona should see under each rule: "deny", "allow" or "answer" (see Rule). */
const outcomes: Record<Rule, Record<Persona, "deny" | "allow" | "answer" | null>> = {
  public: { signedOut: "allow", applicant: "allow", manager: "allow", insider: null },
  publicToken: { signedOut: "answer", applicant: "answer", manager: "answer", insider: null },
  signedInToken: { signedOut: "deny", applicant: "answer", manager: "answer", insider: null },
  harmless: { signedOut: "answer", applicant: "answer", manager: "answer", insider: null },
  signedIn: { signedOut: "deny", applicant: "allow", manager: "allow", insider: null },
  admin: { signedOut: "deny", applicant: "deny", manager: "deny", insider: "allow" },
  anyFunderStaff: { signedOut: "deny", applicant: "deny", manager: "allow", insider: "allow" },
  funderStaff: { signedOut: "deny", applicant: "deny", manager: "deny", insider: "allow" },
  organizationMember: { signedOut: "deny", applicant: "deny", manager: "deny", insider: "allow" },
  organizationOwner: { signedOut: "deny", applicant: "deny", manager: "deny", insider: "allow" },
  proposalMember: { signedOut: "deny", applicant: "deny", manager: "deny", insider: "allow" },
};

// The third party owns the records in the URLs: a funder with a program and an organisation with its owner.
let params: Record<string, string>;
let users: { applicant: number; manager: number; admin: number; thirdPartyManager: number; thirdPartyOwner: number };

beforeAll(async () => {
  const funder = await createFunder(db(), { name: "第三方街道办事处" });
  const program = await createProgram(db(), { funderId: funder.id, status: "open" });
  const thirdParty = await createApplicant(db(), { name: "第三方组织负责人" });
  const thirdPartyManager = await createManager(db(), { funderId: funder.id, name: "第三方主管" });
  users = {
    applicant: (await createApplicant(db())).user.id,
    manager: (await createManager(db())).user.id,
    admin: (await createUser(db(), { isPlatformAdmin: true })).id,
    thirdPartyManager: thirdPartyManager.user.id,
    thirdPartyOwner: thirdParty.user.id,
  };
  const proposal = await createProposal(db(), {
    programId: program.id,
    organizationId: thirdParty.organizationId,
    createdBy: thirdParty.user.id,
  });
  const attachment = await createAttachment(db(), { proposalId: proposal.id, uploadedBy: thirdParty.user.id });
  const submitted = await createProposal(db(), {
    programId: program.id,
    organizationId: thirdParty.organizationId,
    createdBy: thirdParty.user.id,
    status: "submitted",
  });
  params = {
    proposalId: String(proposal.id),
    submittedProposalId: String(submitted.id),
    attachmentId: String(attachment.id),
    funderId: String(funder.id),
    programId: String(program.id),
    organizationId: String(thirdParty.organizationId),
    token: "not-a-real-token-0123456789abcdefABCDEF",
  };
});

function insiderFor(rule: Rule): number | undefined {
  switch (rule) {
    case "admin":
      return users.admin;
    case "anyFunderStaff":
    case "funderStaff":
      return users.thirdPartyManager;
    case "organizationMember":
    case "organizationOwner":
    case "proposalMember":
      return users.thirdPartyOwner;
    default:
      return undefined;
  }
}

function userFor(persona: Persona, rule: Rule): number | undefined {
  if (persona === "signedOut") return undefined;
  if (persona === "insider") return insiderFor(rule);
  return users[persona];
}

function check(expected: "deny" | "allow" | "answer", result: RouteResult): boolean {
  if (expected === "deny") return isDenied(result);
  if (redirectsToSignIn(result) || [401, 403].includes(result.status)) return false;
  return expected === "answer" || result.status !== 404;
}

const walked = walkRoutes();

describe("the expectation table", () => {
  test("has an entry for every route in app/routes.ts, and no entry for a route that is gone", () => {
    const paths = walked.map((route) => route.path);
    expect(paths.filter((path) => !(path in expectations))).toEqual([]);
    expect(Object.keys(expectations).filter((path) => !paths.includes(path))).toEqual([]);
  });

  test("opens to visitors exactly the routes on the public list (signing out aside, which is harmless)", () => {
    const openInTable = Object.entries(expectations)
      .filter(([, expectation]) =>
        [expectation.loader, expectation.action].some((rule) => rule === "public" || rule === "publicToken"),
      )
      .map(([path]) => path)
      .sort();
    expect(openInTable).toEqual([...publicRoutes].sort());
  });
});

describe.each(walked)("$path", (route) => {
  const expectation = expectations[route.path] ?? {};

  test("the table names the loader and action the module exports", async () => {
    const module = await loadRouteModule(route.file);
    expect({ loader: typeof module.loader === "function", action: typeof module.action === "function" }).toEqual({
      loader: expectation.loader !== undefined,
      action: expectation.action !== undefined,
    });
  });

  for (const call of ["loader", "action"] as const satisfies readonly Call[]) {
    const rule = expectation[call];
    if (!rule) continue;
    test(`${call}: ${rule}`, async () => {
      const module = await loadRouteModule(route.file);
      if (typeof module[call] !== "function") return; // reported by the export test above
      const values = {
        ...params,
        ...Object.fromEntries(
          Object.entries(expectation.params ?? {}).map(([name, from]) => [name, params[from] ?? ""]),
        ),
      };
      const routeParams = Object.fromEntries(paramNames(route.path).map((name) => [name, values[name] ?? ""]));
      const url =
        fillPath(route.path, values) +
        (expectation.query ?? "").replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "");
      const failures: string[] = [];
      for (const persona of ["signedOut", "applicant", "manager", "insider"] as const) {
        const expected = outcomes[rule][persona];
        const userId = userFor(persona, rule);
        if (expected === null || (persona === "insider" && userId === undefined)) continue;
        const result = await callAs(module, call, route, { url, params: routeParams }, userId);
        if (!check(expected, result)) failures.push(`${persona}: expected ${expected}, got ${describeResult(result)}`);
      }
      expect(failures).toEqual([]);
    });
  }
});
