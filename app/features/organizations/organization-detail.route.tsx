import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/lib/format";
import { todayInChina } from "~/lib/time";
import { CalendarDate, PageHeader } from "~/ui/bits";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { requireOrganizationAccess } from "./access.server";
import { OrganizationBadges } from "./organization-badges";
import { canEditOrganization, canSeeBankAccount, canViewOrganization } from "./permissions";
import { formatMobile } from "./phone";
import { parseUscc } from "./uscc";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, organization } = await requireOrganizationAccess(request, params, canViewOrganization);
  const { bankAccountName, bankAccountNumber, bankName, ...visible } = organization;
  const seeBank = canSeeBankAccount(actor, organization);
  const uscc = organization.uscc ? parseUscc(organization.uscc) : null;
  return {
    organization: visible,
    department: uscc?.ok ? uscc.department : null,
    // Only what the viewer may see leaves the server.
    bankAccount: seeBank ? { bankAccountName, bankAccountNumber, bankName } : null,
    today: todayInChina(),
    can: { edit: canEditOrganization(actor, organization.id) },
  };
}

/** A bank account number in groups of four, as printed on bank cards and read over the phone. */
function groupDigits(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, "$1 ");
}

export default function OrganizationDetail() {
  const { organization, department, bankAccount, today, can } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("organizations");
  const registered = organization.kind === "registered";
  return (
    <>
      <p className="org-back-link">
        <Link to="/organizations">{t("detail.backToList")}</Link>
      </p>
      <PageHeader
        title={organization.name}
        subtitle={<OrganizationBadges organization={organization} today={today} />}
        actions={
          <>
            <Link to={`/organizations/${organization.id}/members`} className="button">
              {t("detail.members")}
            </Link>
            {can.edit ? (
              <Link to={`/organizations/${organization.id}/edit`} className="button button--primary">
                {t("detail.edit")}
              </Link>
            ) : null}
          </>
        }
      />

      <div className="organization-detail">
        <section className="card" aria-labelledby="registration-heading">
          <h2 id="registration-heading" className="card__title">
            {registered ? t("sections.registered") : t("sections.filedTeam")}
          </h2>
          <dl className="description-list">
            <Item label={t("fields.kind")}>{t(registered ? "kind.registered" : "kind.filed_team")}</Item>
            {registered ? (
              <>
                <Item label={t("fields.uscc")}>
                  <span className="org-code">{organization.uscc}</span>
                </Item>
                {department ? <Item label={t("fields.department")}>{t(`department.${department}`)}</Item> : null}
                {organization.orgType ? (
                  <Item label={t("fields.orgType")}>{t(`orgType.${organization.orgType}`)}</Item>
                ) : null}
                <Item label={t("fields.registeredOn")}>
                  {organization.registeredOn ? <CalendarDate date={organization.registeredOn} /> : "—"}
                </Item>
                <Item label={t("fields.rating")}>
                  {organization.rating && organization.ratingExpiresOn ? (
                    <>
                      {t("rating.level", { rating: organization.rating })}
                      {" · "}
                      {organization.ratingExpiresOn < today ? (
                        <span className="org-expired">{t("rating.expired")}</span>
                      ) : (
                        <span className="muted">
                          {t("rating.validUntil", { date: formatDate(organization.ratingExpiresOn, i18n.language) })}
                        </span>
                      )}
                    </>
                  ) : (
                    t("rating.none")
                  )}
                </Item>
              </>
            ) : (
              <>
                <Item label={t("fields.sponsorCommunity")}>{organization.sponsorCommunity}</Item>
                <Item label={t("fields.filingNumber")}>{organization.filingNumber}</Item>
                <Item label={t("fields.responsiblePerson")}>{organization.responsiblePerson}</Item>
                <Item label={t("fields.filedOn")}>
                  {organization.registeredOn ? <CalendarDate date={organization.registeredOn} /> : "—"}
                </Item>
              </>
            )}
          </dl>
        </section>

        <section className="card" aria-labelledby="contact-heading">
          <h2 id="contact-heading" className="card__title">
            {t("sections.contact")}
          </h2>
          <dl className="description-list">
            <Item label={t("fields.region")}>
              {[organization.district, organization.street, organization.community].join(" · ")}
            </Item>
            <Item label={t("fields.contactName")}>{organization.contactName}</Item>
            <Item label={t("fields.contactPhone")}>
              <a href={`tel:${organization.contactPhone}`}>{formatMobile(organization.contactPhone)}</a>
            </Item>
            <Item label={t("fields.address")}>{organization.address}</Item>
          </dl>
        </section>

        <section className="card organization-detail__wide" aria-labelledby="profile-heading">
          <h2 id="profile-heading" className="card__title">
            {t("sections.profile")}
          </h2>
          <h3 className="organization-detail__subheading">{t("fields.introduction")}</h3>
          <p className="org-prose">{organization.introduction}</p>
          <h3 className="organization-detail__subheading">{t("fields.serviceExperience")}</h3>
          <p className="org-prose">{organization.serviceExperience}</p>
        </section>

        {bankAccount ? (
          <section className="card organization-detail__wide" aria-labelledby="bank-heading">
            <h2 id="bank-heading" className="card__title">
              {t("sections.bank")}
            </h2>
            {bankAccount.bankAccountNumber ? (
              <dl className="description-list">
                <Item label={t("fields.bankAccountName")}>{bankAccount.bankAccountName}</Item>
                <Item label={t("fields.bankAccountNumber")}>
                  <span className="org-code">{groupDigits(bankAccount.bankAccountNumber)}</span>
                </Item>
                <Item label={t("fields.bankName")}>{bankAccount.bankName}</Item>
              </dl>
            ) : (
              <p className="muted">{t("detail.noBankAccount")}</p>
            )}
          </section>
        ) : null}
      </div>
    </>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => pageTitle(data?.organization.name, meta);

export const ErrorBoundary = GeneralErrorBoundary;
