import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProgramStatusBadge } from "~/features/programs/program-details";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { EmptyState, Instant, PageHeader } from "~/ui/bits";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { AdminNav, AuditActionLabel, EntityTypeLabel } from "./admin-ui";
import { loadOverview, requireAdmin } from "./admin.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const [{ t }, overview] = await Promise.all([getTranslator(request), loadOverview()]);
  return { title: t("admin:home.title"), ...overview };
}

export default function AdminHome() {
  const { counts, programsByStatus, recent } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const programTotal = programsByStatus.reduce((sum, row) => sum + row.count, 0);
  const stats = [
    { key: "users", value: counts.users, to: "/admin/users" },
    { key: "funders", value: counts.funders, to: "/admin/funders" },
    { key: "organizations", value: counts.organizations, to: null },
    { key: "programs", value: programTotal, to: null },
  ] as const;
  return (
    <>
      <AdminNav />
      <PageHeader title={t("home.title")} subtitle={t("home.subtitle")} />
      <div className="stat-grid">
        {stats.map((stat) => (
          <div key={stat.key} className="stat-card">
            <p className="stat-card__label">{t(`home.${stat.key}`)}</p>
            <p className="stat-card__value">{stat.value}</p>
            {stat.to ? (
              <Link to={stat.to} className="stat-card__link">
                {t("home.manage")} →
              </Link>
            ) : null}
          </div>
        ))}
      </div>
      <div className="admin-columns">
        <section className="card" aria-labelledby="programs-by-status">
          <h2 id="programs-by-status" className="card__title">
            {t("home.programsByStatus")}
          </h2>
          {programsByStatus.length === 0 ? (
            <p className="muted">{t("home.noPrograms")}</p>
          ) : (
            <ul className="status-counts">
              {programsByStatus.map((row) => (
                <li key={row.status}>
                  <ProgramStatusBadge status={row.status} />
                  <span className="status-counts__value">{row.count}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="recent-activity">
          <h2 id="recent-activity" className="card__title">
            {t("home.recent")}
          </h2>
          {recent.length === 0 ? (
            <EmptyState title={t("home.noActivity")} />
          ) : (
            <ul className="activity-list">
              {recent.map((event) => (
                <li key={event.id}>
                  <span className="activity-list__what">
                    <AuditActionLabel action={event.action} />
                    <span className="muted">
                      {" "}
                      · <EntityTypeLabel entityType={event.entityType} />
                      {event.entityId !== null ? ` #${event.entityId}` : ""}
                    </span>
                  </span>
                  <span className="muted small-text">
                    <Instant iso={event.at} /> · {event.actorEmail ?? t("audit.system")}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to="/admin/audit">{t("home.allAudit")} →</Link>
          </p>
        </section>
      </div>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => pageTitle(data?.title, meta);

export const ErrorBoundary = GeneralErrorBoundary;
