// Pieces shared by the admin pages: the section navigation, the search box, the keyset pager and the labels of
// audit actions and record types.
import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

const sections = [
  { to: "/admin", key: "overview", end: true },
  { to: "/admin/funders", key: "funders", end: false },
  { to: "/admin/users", key: "users", end: false },
  { to: "/admin/audit", key: "audit", end: false },
  { to: "/admin/outbox", key: "outbox", end: false },
] as const;

export function AdminNav() {
  const { t } = useTranslation("admin");
  return (
    <nav className="admin-nav" aria-label={t("nav.label")}>
      {sections.map((section) => (
        <NavLink key={section.key} to={section.to} end={section.end} className="admin-nav__link">
          {t(`nav.${section.key}`)}
        </NavLink>
      ))}
    </nav>
  );
}

/** A GET search form: the query lives in the URL, so results can be bookmarked and paged. */
export function SearchBox({
  label,
  defaultValue,
  placeholder,
}: {
  label: string;
  defaultValue: string;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="filter-bar" role="search">
      <div className="field">
        <label htmlFor="search-q" className="field__label">
          {label}
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          className="input"
          defaultValue={defaultValue}
          placeholder={placeholder}
        />
      </div>
      <button type="submit" className="button">
        {t("actions.search")}
      </button>
    </Form>
  );
}

/** "Newer" and "older" links for keyset pages; the filters in the query string are kept. */
export function CursorPager({ newer, older }: { newer: number | null; older: number | null }) {
  const { t } = useTranslation("admin");
  const location = useLocation();
  if (newer === null && older === null) return null;
  const hrefFor = (direction: "before" | "after" | null, id?: number) => {
    const params = new URLSearchParams(location.search);
    params.delete("before");
    params.delete("after");
    if (direction && id !== undefined) params.set(direction, String(id));
    const query = params.toString();
    return query ? `${location.pathname}?${query}` : location.pathname;
  };
  return (
    <nav className="pagination" aria-label={t("pager.label")}>
      {newer !== null ? (
        <>
          <Link to={hrefFor(null)} className="button button--ghost">
            {t("pager.newest")}
          </Link>
          <Link to={hrefFor("after", newer)} rel="prev" className="button button--ghost">
            {t("pager.newer")}
          </Link>
        </>
      ) : null}
      {older !== null ? (
        <Link to={hrefFor("before", older)} rel="next" className="button button--ghost">
          {t("pager.older")}
        </Link>
      ) : null}
    </nav>
  );
}

/** An audit action code in words when the dictionary knows it ("funder.created" → 新建资助方). */
export function auditActionText(t: TFunction, action: string): string | undefined {
  // Codes are "<record>.<verb>"; a code without a dot would name a whole group of labels, not one.
  const label = action.includes(".") ? t(`admin:actions.${action}`, { defaultValue: "" }) : "";
  return label || undefined;
}

export function AuditActionLabel({ action }: { action: string }) {
  const { t } = useTranslation("admin");
  const label = auditActionText(t, action);
  return label ? <span title={action}>{label}</span> : <code className="audit-code">{action}</code>;
}

export function EntityTypeLabel({ entityType }: { entityType: string }) {
  const { t } = useTranslation("admin");
  return <>{t(`entities.${entityType}`, { defaultValue: entityType })}</>;
}
