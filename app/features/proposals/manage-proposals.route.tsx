import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { pageFromUrl, redirectPastLastPage } from "~/lib/pagination";
import { formatFen } from "~/lib/format";
import { EmptyState, Instant, PageHeader, Pagination, StatusBadge } from "~/ui/bits";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { InAppLink, InAppLinks } from "~/ui/in-app-links";
import { targetGroupLabel } from "./labels";
import { statusTone } from "./proposal-lifecycle";
import {
  filtersToSearchParams,
  hasNarrowingFilters,
  managerVisibleStatuses,
  parseListFilters,
  PROPOSAL_LIST_PAGE_SIZE,
  type ProposalListFilters,
  type ProposalSortKey,
  proposalSortKeys,
  receivedCount,
  sortedBy,
} from "./screening";
import { EXPORT_MAX_ROWS, listProgramProposals, requireProgramProposalsAccess } from "./screening.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, categories, targetGroups } = await requireProgramProposalsAccess(request, params);
  const url = new URL(request.url);
  const filters = parseListFilters(url.searchParams);
  const { page, pageSize, offset } = pageFromUrl(url, PROPOSAL_LIST_PAGE_SIZE);
  const [{ rows, total, counts, tabCounts, communities }, { t }] = await Promise.all([
    listProgramProposals(program, filters, { limit: pageSize, offset }),
    getTranslator(request),
  ]);
  redirectPastLastPage(url, page, pageSize, total);
  return {
    title: `${t("proposals:manage.meta.list")} · ${program.title}`,
    program: { id: program.id, title: program.title, code: program.code },
    categories,
    targetGroups,
    communities,
    counts,
    tabCounts,
    filters,
    rows,
    page: { page, pageSize, total },
    // Grouped the same way in Chinese and English ("20,000").
    exportMax: EXPORT_MAX_ROWS.toLocaleString("en-US"),
  };
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type StatusLabels = Partial<Record<string, string>>;

function hrefWith(base: string, filters: ProposalListFilters): string {
  const query = filtersToSearchParams(filters).toString();
  return query ? `${base}?${query}` : base;
}

export default function ManageProposals() {
  const data = useLoaderData<typeof loader>();
  const { program, counts, tabCounts, filters, rows, page } = data;
  const { t } = useTranslation("proposals");
  const base = `/manage/programs/${program.id}/proposals`;
  const received = receivedCount(counts);
  const exportQuery = filtersToSearchParams(filters).toString();
  // Translated once here for the tabs, the filter and every row of the table.
  const statusLabels = Object.fromEntries(managerVisibleStatuses.map((status) => [status, t(`status.${status}`)]));
  return (
    <>
      <p className="org-back-link">
        <Link to={`/manage/programs/${program.id}`}>{t("manage.list.backToProgram")}</Link>
      </p>
      <PageHeader
        title={t("manage.list.title")}
        subtitle={`${program.title} · ${t("manage.list.summary", { n: received })}`}
      />

      {received === 0 ? (
        <EmptyState title={t("manage.list.empty")}>{t("manage.list.emptyBody")}</EmptyState>
      ) : (
        <>
          {/* The tabs, sort headers and rows are plain anchors with one click handler: see in-app-links.tsx. */}
          <InAppLinks>
            <StatusTabs base={base} counts={tabCounts} filters={filters} statusLabels={statusLabels} />
          </InAppLinks>
          <Filters data={data} base={base} statusLabels={statusLabels} />
          <div className="proposal-list__bar">
            <p className="proposal-list__results" role="status">
              {t("manage.list.results", { n: page.total })}
            </p>
            <div className="button-row">
              <a
                className="button button--small"
                href={`${base}/export.csv${exportQuery ? `?${exportQuery}` : ""}`}
                download
              >
                {t("manage.list.exportCsv")}
              </a>
              <a
                className="button button--small"
                href={`${base}/export.xlsx${exportQuery ? `?${exportQuery}` : ""}`}
                download
              >
                {t("manage.list.exportXlsx")}
              </a>
            </div>
          </div>
          <p className="field__hint proposal-list__hint">{t("manage.list.exportHint", { max: data.exportMax })}</p>
          {rows.length === 0 ? (
            <EmptyState title={t("manage.list.noMatch")}>{t("manage.list.noMatchBody")}</EmptyState>
          ) : (
            <InAppLinks className="table-wrap proposal-list stacked-table">
              <ProposalTable rows={rows} filters={filters} base={base} statusLabels={statusLabels} />
            </InAppLinks>
          )}
          <Pagination {...page} />
        </>
      )}
    </>
  );
}

/**
 * One tab per state with proposals, each with its count under the other filters: a search for "探访" shows how many
 * of its matches are in each state, and the "all" tab how many it found. The chosen state keeps its tab at 0.
 */
function StatusTabs({
  base,
  counts,
  filters,
  statusLabels,
}: {
  base: string;
  counts: LoaderData["tabCounts"];
  filters: ProposalListFilters;
  statusLabels: StatusLabels;
}) {
  const { t } = useTranslation("proposals");
  const present = managerVisibleStatuses.filter((status) => (counts[status] ?? 0) > 0 || status === filters.status);
  return (
    <nav className="status-tabs" aria-label={t("manage.list.byStatus")}>
      <InAppLink
        to={hrefWith(base, { ...filters, status: null })}
        className="status-tabs__tab"
        aria-current={filters.status === null ? "page" : undefined}
      >
        {t("manage.list.all")} <span className="status-tabs__count">{receivedCount(counts)}</span>
      </InAppLink>
      {present.map((status) => (
        <InAppLink
          key={status}
          to={hrefWith(base, { ...filters, status })}
          className="status-tabs__tab"
          aria-current={filters.status === status ? "page" : undefined}
        >
          {statusLabels[status]} <span className="status-tabs__count">{counts[status] ?? 0}</span>
        </InAppLink>
      ))}
    </nav>
  );
}

/** A plain GET form: it works without JavaScript, and the filters stay in the URL for paging, links and exports. */
function Filters({ data, base, statusLabels }: { data: LoaderData; base: string; statusLabels: StatusLabels }) {
  const { t } = useTranslation("proposals");
  const any = t("manage.list.any");
  const { filters, categories, targetGroups, communities } = data;
  // Remount when the URL's filters change, so the uncontrolled fields show what is applied.
  const key = filtersToSearchParams(filters).toString();
  return (
    <Form method="get" action={base} className="card proposal-filters" key={key} aria-label={t("manage.list.filters")}>
      <div className="proposal-filters__grid">
        <Select name="status" any={any} label={t("manage.list.status")} value={filters.status ?? ""}>
          {managerVisibleStatuses.map((status) => (
            <option key={status} value={status}>
              {statusLabels[status]}
            </option>
          ))}
        </Select>
        <Select
          name="focusArea"
          any={any}
          label={t("manage.list.focusArea")}
          value={filters.focusAreaId?.toString() ?? ""}
        >
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.name}
            </option>
          ))}
        </Select>
        <Select
          name="targetGroup"
          any={any}
          label={t("manage.list.targetGroup")}
          value={filters.targetGroupId?.toString() ?? ""}
        >
          {targetGroups.map((group) => (
            <option key={group.id} value={group.id}>
              {targetGroupLabel(group, t)}
            </option>
          ))}
        </Select>
        <Select name="community" any={any} label={t("manage.list.community")} value={filters.community ?? ""}>
          {communities.map((community) => (
            <option key={community} value={community}>
              {community}
            </option>
          ))}
        </Select>
        <div className="field proposal-filters__search">
          <label className="field__label" htmlFor="proposal-filter-q">
            {t("manage.list.search")}
          </label>
          <input
            id="proposal-filter-q"
            className="input"
            type="search"
            name="q"
            defaultValue={filters.q}
            placeholder={t("manage.list.searchHint")}
            maxLength={100}
          />
        </div>
        <div className="field proposal-filters__sort-field">
          <label className="field__label" htmlFor="proposal-filter-sort">
            {t("manage.list.sort")}
          </label>
          <div className="proposal-filters__sort">
            <select id="proposal-filter-sort" className="input" name="sort" defaultValue={filters.sort}>
              {proposalSortKeys.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`manage.list.sortBy.${sort}`)}
                </option>
              ))}
            </select>
            <select className="input" name="dir" defaultValue={filters.direction} aria-label={t("manage.list.sort")}>
              <option value="desc">{t("manage.list.direction.desc")}</option>
              <option value="asc">{t("manage.list.direction.asc")}</option>
            </select>
          </div>
        </div>
      </div>
      <div className="button-row">
        <button type="submit" className="button button--primary">
          {t("manage.list.apply")}
        </button>
        {hasNarrowingFilters(filters) ? (
          <Link to={base} className="button button--ghost">
            {t("manage.list.reset")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

function Select({
  name,
  label,
  any,
  value,
  children,
}: {
  name: string;
  label: string;
  /** The choice that leaves this filter off. */
  any: string;
  value: string;
  children: React.ReactNode;
}) {
  const id = `proposal-filter-${name}`;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="input" name={name} defaultValue={value}>
        <option value="">{any}</option>
        {children}
      </select>
    </div>
  );
}

type ColumnKey =
  "number" | "title" | "organization" | "focusArea" | "community" | "grant" | "total" | "status" | "submittedAt";

function ProposalTable({
  rows,
  filters,
  base,
  statusLabels,
}: {
  rows: LoaderData["rows"];
  filters: ProposalListFilters;
  base: string;
  statusLabels: StatusLabels;
}) {
  const { t, i18n } = useTranslation("proposals");
  // Each label once per table, not once per cell: a page of 25 rows would otherwise translate 225 times.
  const label: Record<ColumnKey, string> = {
    number: t("manage.list.columns.number"),
    title: t("manage.list.columns.title"),
    organization: t("manage.list.columns.organization"),
    focusArea: t("manage.list.columns.focusArea"),
    community: t("manage.list.columns.community"),
    grant: t("manage.list.columns.grant"),
    total: t("manage.list.columns.total"),
    status: t("manage.list.columns.status"),
    submittedAt: t("manage.list.columns.submittedAt"),
  };
  // The cells are styled by their position (.proposal-list td:nth-child in app.css), so keep this column order.
  // On a phone each row becomes a card where only the amounts and the time need their column's name (data-label):
  // every attribute of every cell is work for the server on the funder's most visited page.
  return (
    <table>
      <thead>
        <tr>
          <SortHeader sort="number" label={label.number} filters={filters} base={base} />
          <SortHeader sort="title" label={label.title} filters={filters} base={base} />
          <th scope="col">{label.organization}</th>
          <th scope="col">{label.focusArea}</th>
          <th scope="col">{label.community}</th>
          <SortHeader sort="grant" label={label.grant} filters={filters} base={base} numeric />
          <SortHeader sort="total" label={label.total} filters={filters} base={base} numeric />
          <th scope="col">{label.status}</th>
          <SortHeader sort="submitted" label={label.submittedAt} filters={filters} base={base} />
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>{row.number}</td>
            <td>
              <InAppLink to={`/manage/proposals/${row.id}`}>{row.title || t("untitled")}</InAppLink>
            </td>
            <td>{row.organizationName}</td>
            <td>{row.focusArea ?? "—"}</td>
            <td>{row.serviceCommunity || "—"}</td>
            <td data-label={label.grant}>{formatFen(row.grantRequestedFen, i18n.language)}</td>
            <td data-label={label.total}>{formatFen(row.totalBudgetFen, i18n.language)}</td>
            <td>
              <StatusBadge tone={statusTone(row.status)}>{statusLabels[row.status] ?? row.status}</StatusBadge>
            </td>
            <td data-label={label.submittedAt}>{row.submittedAt ? <Instant iso={row.submittedAt} /> : "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SortHeader({
  sort,
  label,
  filters,
  base,
  numeric,
}: {
  sort: ProposalSortKey;
  label: string;
  filters: ProposalListFilters;
  base: string;
  numeric?: boolean;
}) {
  const active = filters.sort === sort;
  const ariaSort = active ? (filters.direction === "asc" ? "ascending" : "descending") : undefined;
  return (
    <th scope="col" className={numeric ? "numeric" : undefined} aria-sort={ariaSort}>
      <InAppLink to={hrefWith(base, sortedBy(filters, sort))} className="sort-link">
        {label}
        {/* The arrow is for the eye; aria-sort on the header tells assistive technology. */}
        {active ? <span aria-hidden="true">{filters.direction === "asc" ? " ↑" : " ↓"}</span> : null}
      </InAppLink>
    </th>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => pageTitle(data?.title, meta);

export const ErrorBoundary = GeneralErrorBoundary;
