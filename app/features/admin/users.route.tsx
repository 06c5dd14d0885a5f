import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { badRequest, notFound } from "~/lib/http";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { pageFromUrl, redirectPastLastPage } from "~/lib/pagination";
import { searchFromUrl } from "~/lib/search";
import { redirectWithFlash } from "~/lib/session.server";
import { parseRequestForm } from "~/lib/validation.server";
import { EmptyState, Instant, PageHeader, Pagination, StatusBadge } from "~/ui/bits";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { ConfirmDisclosure } from "~/ui/form";
import { pageTitle } from "~/ui/page-title";
import { AdminNav, SearchBox } from "./admin-ui";
import { countUsers, listUsers, requireAdmin, setPlatformAdmin } from "./admin.server";
import { canSetPlatformAdmin } from "./permissions";
import { SetAdminSchema } from "./schemas";

const PAGE_SIZE = 25;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireAdmin(request);
  const url = new URL(request.url);
  const search = searchFromUrl(url);
  const { page, pageSize, offset } = pageFromUrl(url, PAGE_SIZE);
  const [{ t }, users, total] = await Promise.all([
    getTranslator(request),
    listUsers({ search, limit: pageSize, offset }),
    countUsers(search),
  ]);
  redirectPastLastPage(url, page, pageSize, total);
  return {
    title: t("admin:users.title"),
    search,
    pageInfo: { page, pageSize, total },
    users: users.map((user) => ({
      ...user,
      isYou: user.id === actor.userId,
      can: { toggleAdmin: canSetPlatformAdmin(actor, user.id, !user.isPlatformAdmin) },
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireAdmin(request);
  const parsed = await parseRequestForm(request, SetAdminSchema);
  // The form is two hidden fields and a button; a body that does not parse was not sent by the page.
  if (!parsed.success) badRequest();
  const { userId, grant } = parsed.data;
  const back = new URL(request.url);
  const here = `${back.pathname}${back.search}`;
  if (!canSetPlatformAdmin(actor, userId, grant)) {
    return redirectWithFlash(here, { kind: "error", message: "admin:flash.cannotRevokeSelf" });
  }
  const outcome = await setPlatformAdmin(userId, grant, actor.userId);
  if (outcome === "missing") notFound();
  const message =
    outcome === "unchanged"
      ? "admin:flash.adminUnchanged"
      : grant
        ? "admin:flash.adminGranted"
        : "admin:flash.adminRevoked";
  return redirectWithFlash(here, { kind: outcome === "unchanged" ? "info" : "success", message });
}

export default function AdminUsers() {
  const { search, users, pageInfo } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <>
      <AdminNav />
      <PageHeader title={t("users.title")} subtitle={t("users.subtitle")} />
      <SearchBox label={t("users.search")} defaultValue={search} />
      {users.length === 0 ? (
        <EmptyState title={t("users.empty")} />
      ) : (
        <div className="table-wrap stacked-table">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("users.name")}</th>
                <th scope="col">{t("users.email")}</th>
                <th scope="col">{t("users.memberships")}</th>
                <th scope="col">{t("users.createdAt")}</th>
                <th scope="col">{t("users.role")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <td data-label={t("users.name")}>
                    {user.name}
                    {user.isYou ? <span className="muted"> ({t("users.you")})</span> : null}
                  </td>
                  <td className="break-anywhere" data-label={t("users.email")}>
                    {user.email}
                  </td>
                  <td className="nowrap-cell" data-label={t("users.memberships")}>
                    {t("users.membershipCounts", { funders: user.funderCount, organizations: user.organizationCount })}
                  </td>
                  <td className="nowrap-cell" data-label={t("users.createdAt")}>
                    <Instant iso={user.createdAt} />
                  </td>
                  <td data-label={t("users.role")}>
                    <div className="admin-flag">
                      {user.isPlatformAdmin ? <StatusBadge tone="info">{t("users.admin")}</StatusBadge> : null}
                      {user.can.toggleAdmin ? (
                        // The most powerful change here, and a mis-tap is easy on a phone's stacked cards: it asks.
                        <ConfirmDisclosure
                          toggle={t(user.isPlatformAdmin ? "users.revoke" : "users.grant")}
                          toggleClassName={`button button--small ${user.isPlatformAdmin ? "button--danger" : "button--ghost"}`}
                          toggleLabel={t(user.isPlatformAdmin ? "users.revokeLabel" : "users.grantLabel", {
                            name: user.name,
                          })}
                          message={t(user.isPlatformAdmin ? "users.revokeConfirm" : "users.grantConfirm", {
                            name: user.name,
                            email: user.email,
                          })}
                          confirm={t(user.isPlatformAdmin ? "users.revokeSubmit" : "users.grantSubmit")}
                          confirmClassName={`button button--small ${user.isPlatformAdmin ? "button--danger" : "button--primary"}`}
                        >
                          <input type="hidden" name="intent" value="setAdmin" />
                          <input type="hidden" name="userId" value={user.id} />
                          <input type="hidden" name="grant" value={String(!user.isPlatformAdmin)} />
                        </ConfirmDisclosure>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination {...pageInfo} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => pageTitle(data?.title, meta);

export const ErrorBoundary = GeneralErrorBoundary;
