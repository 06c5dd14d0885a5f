import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { requireUser } from "~/lib/session.server";
import { todayInChina } from "~/lib/time";
import { EmptyState, PageHeader, StatusBadge } from "~/ui/bits";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { OrganizationBadges } from "./organization-badges";
import { listOrganizationsForUser } from "./organizations.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [{ t }, organizations] = await Promise.all([getTranslator(request), listOrganizationsForUser(user.id)]);
  return {
    title: t("organizations:list.title"),
    organizations,
    today: todayInChina(),
  };
}

export default function MyOrganizations() {
  const { organizations, today } = useLoaderData<typeof loader>();
  const { t } = useTranslation("organizations");
  const registerLink = (
    <Link to="/organizations/new" className="button button--primary">
      {t("list.register")}
    </Link>
  );
  return (
    <>
      <PageHeader
        title={t("list.title")}
        subtitle={t("list.subtitle")}
        actions={organizations.length > 0 ? registerLink : null}
      />
      {organizations.length === 0 ? (
        <EmptyState title={t("list.emptyTitle")}>
          <p>{t("list.emptyBody")}</p>
          {registerLink}
        </EmptyState>
      ) : (
        <ul className="grid organization-cards">
          {organizations.map((organization) => (
            <li key={organization.id} className="card organization-card">
              <h2 className="organization-card__name">
                <Link to={`/organizations/${organization.id}`}>{organization.name}</Link>
              </h2>
              <OrganizationBadges organization={organization} today={today} />
              <p className="organization-card__meta">
                {[organization.district, organization.street, organization.community].join(" · ")}
              </p>
              <p className="organization-card__role">
                <StatusBadge tone={organization.role === "owner" ? "info" : "neutral"}>
                  {t("list.yourRole", { role: t(organization.role === "owner" ? "role.owner" : "role.member") })}
                </StatusBadge>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => pageTitle(data?.title, meta);

export const ErrorBoundary = GeneralErrorBoundary;
