// Kind, type and rating of an organisation as badges, shared by the list cards and the detail page header.
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/ui/bits";
import { formatDate } from "~/lib/format";
import { isRatingCurrent } from "./rating";
import { civilAffairsOrgTypes } from "./uscc";

interface BadgeFields {
  kind: string;
  orgType: string | null;
  rating: string | null;
  ratingExpiresOn: string | null;
}

export function OrganizationBadges({ organization, today }: { organization: BadgeFields; today: string }) {
  const { t, i18n } = useTranslation("organizations");
  const kind = organization.kind === "registered" ? "registered" : "filed_team";
  const orgType = civilAffairsOrgTypes.find((type) => type === organization.orgType);
  const { rating, ratingExpiresOn } = organization;
  return (
    <span className="organization-badges">
      <StatusBadge tone={kind === "registered" ? "success" : "info"}>{t(`kindShort.${kind}`)}</StatusBadge>
      {orgType ? <StatusBadge>{t(`orgType.${orgType}`)}</StatusBadge> : null}
      {rating && ratingExpiresOn ? (
        isRatingCurrent(rating, ratingExpiresOn, today) ? (
          <span
            className="badge rating-badge"
            title={t("rating.validUntil", { date: formatDate(ratingExpiresOn, i18n.language) })}
          >
            {t("rating.level", { rating })}
          </span>
        ) : (
          <StatusBadge tone="danger">
            {t("rating.level", { rating })} · {t("rating.expired")}
          </StatusBadge>
        )
      ) : null}
    </span>
  );
}
