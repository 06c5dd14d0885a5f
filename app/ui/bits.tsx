// Small shared pieces: money, dates, empty states, status badges, pagination, page headers.
import { Link, useLocation } from "@remix-run/react";
import { type ReactNode, useContext } from "react";
import { I18nContext, useTranslation } from "react-i18next";
import { formatDate, formatFen, formatInstant } from "~/lib/format";

/**
 * The page's language, read straight from the i18n context. Money and dates only need the language, and a table
 * renders hundreds of them: useTranslation's per-call namespace bookkeeping cost more than the formatting itself.
 */
function useLanguage(): string {
  return useContext(I18nContext).i18n.language;
}

export function Money({ fen }: { fen: number }) {
  return <span className="money">{formatFen(fen, useLanguage())}</span>;
}

export function Instant({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatInstant(iso, useLanguage())}</time>;
}

export function CalendarDate({ date }: { date: string }) {
  return <time dateTime={date}>{formatDate(date, useLanguage())}</time>;
}

export function EmptyState({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-state__title">{title}</p>
      {children ? <div className="empty-state__body">{children}</div> : null}
    </div>
  );
}

export function StatusBadge({
  tone = "neutral",
  children,
}: {
  tone?: "neutral" | "info" | "success" | "warning" | "danger";
  children: ReactNode;
}) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}

export function PageHeader({
  title,
  subtitle,
  actions,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <header className="page-header">
      <div>
        <h1 className="page-header__title">{title}</h1>
        {subtitle ? <p className="page-header__subtitle">{subtitle}</p> : null}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </header>
  );
}

export interface PageInfo {
  page: number;
  pageSize: number;
  total: number;
}

/** Previous/next links that keep the current filters in the query string. */
export function Pagination({ page, pageSize, total }: PageInfo) {
  const { t } = useTranslation();
  const location = useLocation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(target));
    return `${location.pathname}?${params}`;
  };
  return (
    <nav className="pagination" aria-label={t("pagination.label")}>
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev" className="button button--ghost">
          {t("actions.previous")}
        </Link>
      ) : null}
      <span className="pagination__summary">{t("pagination.summary", { page, pages, total })}</span>
      {page < pages ? (
        <Link to={hrefFor(page + 1)} rel="next" className="button button--ghost">
          {t("actions.next")}
        </Link>
      ) : null}
    </nav>
  );
}
