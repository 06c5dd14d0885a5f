// Every URL of the portal, grouped by feature. The public ones are listed in ~/lib/public-routes.ts, which the
// route-permission test reads.
import { index, prefix, route, type RouteConfig } from "@remix-run/route-config";

export default [
  index("features/home/home.route.tsx"),
  route("language", "features/home/language.route.tsx"),

  // auth
  route("sign-up", "features/auth/sign-up.route.tsx"),
  route("sign-in", "features/auth/sign-in.route.tsx"),
  route("sign-out", "features/auth/sign-out.route.tsx"),
  route("forgot-password", "features/auth/forgot-password.route.tsx"),
  route("reset-password/:token", "features/auth/reset-password.route.tsx"),
  route("invitations/:token", "features/auth/invitation-accept.route.tsx"),
  route("account", "features/auth/account.route.tsx"),

  // public programs
  ...prefix("programs", [
    index("features/programs/public-list.route.tsx"),
    route(":programId", "features/programs/public-detail.route.tsx"),
  ]),

  // applicant organisations
  ...prefix("organizations", [
    index("features/organizations/my-organizations.route.tsx"),
    route("new", "features/organizations/organization-new.route.tsx"),
    route(":organizationId", "features/organizations/organization-detail.route.tsx"),
    route(":organizationId/edit", "features/organizations/organization-edit.route.tsx"),
    route(":organizationId/members", "features/organizations/organization-members.route.tsx"),
  ]),

  // proposals, applicant side
  route("programs/:programId/apply", "features/proposals/apply.route.tsx"),
  ...prefix("proposals", [
    index("features/proposals/my-proposals.route.tsx"),
    route(":proposalId", "features/proposals/proposal-view.route.tsx"),
    route(":proposalId/edit", "features/proposals/proposal-edit.route.tsx"),
    route(":proposalId/submit", "features/proposals/proposal-submit.route.tsx"),
    route(":proposalId/attachments/:attachmentId", "features/proposals/attachment-download.route.tsx"),
  ]),

  // funder staff
  ...prefix("manage", [
    index("features/funders/manage-home.route.tsx"),
    route("funders/:funderId", "features/funders/funder-staff.route.tsx"),
    route("programs/new", "features/programs/program-new.route.tsx"),
    route("programs/:programId", "features/programs/program-manage.route.tsx"),
    route("programs/:programId/edit", "features/programs/program-edit.route.tsx"),
    // proposals, manager side: the program's list, its exports (one module, two formats) and screening
    route("programs/:programId/proposals", "features/proposals/manage-proposals.route.tsx"),
    route("programs/:programId/proposals/export.csv", "features/proposals/manage-proposals-export.route.ts", {
      id: "manage-proposals-export-csv",
    }),
    route("programs/:programId/proposals/export.xlsx", "features/proposals/manage-proposals-export.route.ts", {
      id: "manage-proposals-export-xlsx",
    }),
    route("proposals/:proposalId", "features/proposals/manage-proposal.route.tsx"),
  ]),

  // the printable application form (申报书), for the organisation's members and the funder's staff
  route("proposals/:proposalId/print", "features/proposals/proposal-print.route.tsx"),

  // platform admin
  ...prefix("admin", [
    index("features/admin/admin-home.route.tsx"),
    route("funders", "features/admin/funders.route.tsx"),
    route("funders/new", "features/admin/funder-new.route.tsx"),
    route("funders/:funderId", "features/admin/funder-edit.route.tsx"),
    route("users", "features/admin/users.route.tsx"),
    route("audit", "features/admin/audit.route.tsx"),
    route("outbox", "features/admin/outbox.route.tsx"),
  ]),
] satisfies RouteConfig;
