import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { countFunders, listFunders } from "~/features/funders/funders.server";
import { FunderKindLabel, regionOf } from "~/features/funders/staff-panels";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { pageFromUrl, redirectPastLastPage } from "~/lib/pagination";
import { searchFromUrl } from "~/lib/search";
import { EmptyState, Instant, PageHeader, Pagination } from "~/ui/bits";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { AdminNav, SearchBox } from "./admin-ui";
import { requireAdmin } from "./admin.server";

const PAGE_SIZE = 20;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const url = new URL(request.url);
  const search = searchFromUrl(url);
  const { page, pageSize, offset } = pageFromUrl(url, PAGE_SIZE);
  const [{ t }, funders, total] = await Promise.all([
    getTranslator(request),
    listFunders({ search, limit: pageSize, offset }),
    countFunders(search),
  ]);
  redirectPastLastPage(url, page, pageSize, total);
  return {
    title: t("admin:funders.title"),
    search,
    funders,
    pageInfo: { page, pageSize, total },
  };
}

export default function AdminFunders() {
  const { search, funders, pageInfo } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <>
      <AdminNav />
      <PageHeader
        title={t("funders.title")}
        subtitle={t("funders.subtitle")}
        actions={
          <Link to="/admin/funders/new" className="button button--primary">
            {t("funders.new")}
          </Link>
        }
      />
      <SearchBox label={t("funders.search")} defaultValue={search} placeholder={t("funders.searchPlaceholder")} />
      {funders.length === 0 ? (
        search ? (
          <EmptyState title={t("funders.noMatch", { q: search })} />
        ) : (
          <EmptyState title={t("funders.empty")}>
            <p>{t("funders.emptyHint")}</p>
          </EmptyState>
        )
      ) : (
        <div className="table-wrap stacked-table">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("funders.name")}</th>
                <th scope="col">{t("funders.kind")}</th>
                <th scope="col">{t("funders.region")}</th>
                <th scope="col" className="numeric">
                  {t("funders.managers")}
                </th>
                <th scope="col" className="numeric">
                  {t("funders.programs")}
                </th>
                <th scope="col">{t("funders.createdAt")}</th>
              </tr>
            </thead>
            <tbody>
              {funders.map((funder) => (
                <tr key={funder.id}>
                  <td data-label={t("funders.name")}>
                    <Link to={`/admin/funders/${funder.id}`}>{funder.name}</Link>
                  </td>
                  <td className="nowrap-cell" data-label={t("funders.kind")}>
                    <FunderKindLabel kind={funder.kind} />
                  </td>
                  <td data-label={t("funders.region")}>{regionOf(funder)}</td>
                  <td className="numeric" data-label={t("funders.managers")}>
                    {funder.managerCount}
                  </td>
                  <td className="numeric" data-label={t("funders.programs")}>
                    {funder.programCount}
                  </td>
                  <td className="nowrap-cell" data-label={t("funders.createdAt")}>
                    <Instant iso={funder.createdAt} />
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
