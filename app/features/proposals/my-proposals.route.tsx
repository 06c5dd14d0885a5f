import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/lib/actor.server";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { pageFromUrl, redirectPastLastPage } from "~/lib/pagination";
import { EmptyState, Instant, Money, PageHeader, Pagination, StatusBadge } from "~/ui/bits";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { isEditableStatus, statusTone } from "./proposal-lifecycle";
import { listProposalsForOrganizations } from "./proposals.server";

const PAGE_SIZE = 20;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const url = new URL(request.url);
  const { page, offset } = pageFromUrl(url, PAGE_SIZE);
  const [{ rows, total }, { t }] = await Promise.all([
    listProposalsForOrganizations({
      organizationIds: actor.organizations.map((membership) => membership.organizationId),
      limit: PAGE_SIZE,
      offset,
    }),
    getTranslator(request),
  ]);
  redirectPastLastPage(url, page, PAGE_SIZE, total);
  return { title: t("proposals:meta.list"), rows, page: { page, pageSize: PAGE_SIZE, total } };
}

export default function MyProposals() {
  const { rows, page } = useLoaderData<typeof loader>();
  const { t } = useTranslation("proposals");
  return (
    <>
      <PageHeader title={t("list.title")} subtitle={t("list.subtitle")} />
      {rows.length === 0 ? (
        <EmptyState title={t("list.empty")}>
          <p>{t("list.emptyBody")}</p>
          <Link to="/programs" className="button button--primary">
            {t("list.browsePrograms")}
          </Link>
        </EmptyState>
      ) : (
        <div className="table-wrap proposal-table">
          <table>
            <thead>
              <tr>
                <th>{t("list.titleColumn")}</th>
                <th>{t("list.program")}</th>
                <th>{t("list.organization")}</th>
                <th>{t("list.number")}</th>
                <th>{t("list.status")}</th>
                <th className="numeric">{t("list.grant")}</th>
                <th>{t("list.updated")}</th>
                <th>
                  <span className="visually-hidden">{t("list.view")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const editable = isEditableStatus(row.status);
                return (
                  <tr key={row.id}>
                    <td data-label={t("list.titleColumn")}>
                      <Link to={`/proposals/${row.id}`}>{row.title || t("untitled")}</Link>
                    </td>
                    <td data-label={t("list.program")}>{row.programTitle}</td>
                    <td data-label={t("list.organization")}>{row.organizationName}</td>
                    <td data-label={t("list.number")} className="org-code">
                      {row.number ?? "—"}
                    </td>
                    <td data-label={t("list.status")}>
                      <StatusBadge tone={statusTone(row.status)}>{t(`status.${row.status}`)}</StatusBadge>
                    </td>
                    <td data-label={t("list.grant")} className="numeric">
                      <Money fen={row.grantRequestedFen} />
                    </td>
                    <td data-label={t("list.updated")} className="nowrap-cell">
                      <Instant iso={row.updatedAt} />
                    </td>
                    <td className="table-actions">
                      <Link
                        to={editable ? `/proposals/${row.id}/edit` : `/proposals/${row.id}`}
                        className="button button--small"
                      >
                        {editable ? t("list.continue") : t("list.view")}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination {...page} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => pageTitle(data?.title, meta);

export const ErrorBoundary = GeneralErrorBoundary;
