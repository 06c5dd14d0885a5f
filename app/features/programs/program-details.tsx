// What a program says, laid out for reading: shared by the public program page and the manager's page so both
// always show the same rules. Also the small status and phase badges.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatShare } from "~/lib/format";
import { CalendarDate, Instant, Money, StatusBadge } from "~/ui/bits";
import { CUSTOM_TARGET_GROUP } from "./catalogues";
import type { ApplicationPhase } from "./program-lifecycle";
import type { ProgramDetail } from "./programs.server";

/** The fields the pages show; loaders send exactly these (dates as strings, as they arrive in the browser). */
export type ProgramView = Pick<
  ProgramDetail,
  | "title"
  | "summary"
  | "description"
  | "categories"
  | "targetGroups"
  | "fundingSources"
  | "poolFen"
  | "grantMinFen"
  | "grantMaxFen"
  | "filedTeamGrantMaxFen"
  | "maxGrantShareBp"
  | "personnelCapBp"
  | "managementCapBp"
  | "prohibitedCategories"
  | "proposalsPerOrg"
  | "eligibleKinds"
  | "minRating"
  | "opensAt"
  | "closesAt"
  | "implementationStartsOn"
  | "implementationEndsOn"
  | "noticeWorkingDays"
  | "tranchePlan"
>;

const statusTones: Record<string, "neutral" | "info" | "success" | "warning"> = {
  draft: "neutral",
  open: "success",
  reviewing: "info",
  deciding: "info",
  notice: "warning",
  running: "success",
  closed: "neutral",
};

export function ProgramStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("programs");
  return (
    <StatusBadge tone={statusTones[status] ?? "neutral"}>{t(`status.${status}`, { defaultValue: status })}</StatusBadge>
  );
}

const phaseTones: Record<ApplicationPhase, "success" | "info" | "neutral"> = {
  accepting: "success",
  upcoming: "info",
  closed: "neutral",
};

export function PhaseBadge({ phase }: { phase: ApplicationPhase }) {
  const { t } = useTranslation("programs");
  return <StatusBadge tone={phaseTones[phase]}>{t(`public.${phase}`)}</StatusBadge>;
}

export function GrantRange({ minFen, maxFen }: { minFen: number; maxFen: number }) {
  return (
    <>
      <Money fen={minFen} /> – <Money fen={maxFen} />
    </>
  );
}

/** The three facts an applicant looks at first: when, how much per project, how much in all. */
export function ProgramFacts({
  program,
}: {
  program: Pick<ProgramView, "opensAt" | "closesAt" | "grantMinFen" | "grantMaxFen" | "poolFen">;
}) {
  const { t } = useTranslation("programs");
  return (
    <dl className="program-facts">
      <div>
        <dt>{t("public.window")}</dt>
        <dd>
          <Instant iso={program.opensAt} /> – <Instant iso={program.closesAt} />
        </dd>
      </div>
      <div>
        <dt>{t("public.grantRange")}</dt>
        <dd>
          <GrantRange minFen={program.grantMinFen} maxFen={program.grantMaxFen} />
        </dd>
      </div>
      <div>
        <dt>{t("public.pool")}</dt>
        <dd>
          <Money fen={program.poolFen} />
        </dd>
      </div>
    </dl>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card program-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function ProgramDetails({ program }: { program: ProgramView }) {
  const { t, i18n } = useTranslation("programs");
  const share = (bp: number | null) => (bp === null ? t("detail.noCap") : formatShare(bp, i18n.language));
  const targetGroupLabel = (group: { code: string; name: string | null }) =>
    group.code === CUSTOM_TARGET_GROUP
      ? (group.name ?? "")
      : t(`catalogue.targetGroup.${group.code}`, { defaultValue: group.code });

  return (
    <div className="program-details">
      <Section id="program-overview" title={t("detail.overview")}>
        <p className="program-summary">{program.summary}</p>
        <div className="program-description">
          {program.description.split(/\n+/).map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </div>
      </Section>

      <Section id="program-focus" title={t("detail.focusAreas")}>
        <ul className="program-focus-list">
          {program.categories.map((category) => (
            <li key={category.id}>
              <span className="program-focus-list__name">{category.name}</span>
              <span className="muted">
                {category.quota === null ? t("detail.noQuota") : t("detail.quota", { count: category.quota })}
              </span>
            </li>
          ))}
        </ul>
        <h3>{t("detail.targetGroups")}</h3>
        <ul className="tag-list">
          {program.targetGroups.map((group) => (
            <li key={group.id} className="tag">
              {targetGroupLabel(group)}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="program-rules" title={t("detail.grantRules")}>
        <dl className="description-list">
          <dt>{t("detail.grantRange")}</dt>
          <dd>
            <GrantRange minFen={program.grantMinFen} maxFen={program.grantMaxFen} />
          </dd>
          {program.filedTeamGrantMaxFen !== null && program.eligibleKinds.includes("filed_team") ? (
            <>
              <dt>{t("detail.filedTeamGrantMax")}</dt>
              <dd>
                <Money fen={program.filedTeamGrantMaxFen} />
              </dd>
            </>
          ) : null}
          <dt>{t("detail.maxGrantShare")}</dt>
          <dd>{share(program.maxGrantShareBp)}</dd>
          <dt>{t("detail.personnelCap")}</dt>
          <dd>{share(program.personnelCapBp)}</dd>
          <dt>{t("detail.managementCap")}</dt>
          <dd>{share(program.managementCapBp)}</dd>
          <dt>{t("detail.prohibited")}</dt>
          <dd>
            {program.prohibitedCategories.length
              ? program.prohibitedCategories
                  .map((category) => t(`catalogue.costCategory.${category}`))
                  .join(t("detail.listSeparator"))
              : t("detail.noneProhibited")}
          </dd>
        </dl>
      </Section>

      <Section id="program-eligibility" title={t("detail.eligibility")}>
        <dl className="description-list">
          <dt>{t("detail.eligibleKinds")}</dt>
          <dd>
            <ul className="plain-list">
              {program.eligibleKinds.map((kind) => (
                <li key={kind}>{t(`catalogue.applicantKind.${kind}`)}</li>
              ))}
            </ul>
          </dd>
          <dt>{t("detail.minRating")}</dt>
          <dd>
            {program.minRating ? t("detail.minRatingValue", { rating: program.minRating }) : t("detail.noMinRating")}
          </dd>
          <dt>{t("detail.proposalsPerOrg")}</dt>
          <dd>{t("detail.proposalsPerOrgValue", { count: program.proposalsPerOrg })}</dd>
        </dl>
      </Section>

      <Section id="program-schedule" title={t("detail.schedule")}>
        <dl className="description-list">
          <dt>{t("detail.window")}</dt>
          <dd>
            <Instant iso={program.opensAt} /> – <Instant iso={program.closesAt} />
          </dd>
          <dt>{t("detail.implementation")}</dt>
          <dd>
            <CalendarDate date={program.implementationStartsOn} /> –{" "}
            <CalendarDate date={program.implementationEndsOn} />
          </dd>
          <dt>{t("detail.noticeDays")}</dt>
          <dd>{t("detail.noticeDaysValue", { count: program.noticeWorkingDays })}</dd>
        </dl>
      </Section>

      <Section id="program-tranches" title={t("detail.tranches")}>
        <p className="muted">{t(`catalogue.tranchePreset.${program.tranchePlan.preset}`)}</p>
        <ol className="tranche-list">
          {program.tranchePlan.tranches.map((tranche, index) => (
            <li key={index}>
              <span className="tranche-list__label">{t("detail.trancheRow", { index: index + 1 })}</span>
              <strong className="tranche-list__share">{formatShare(tranche.shareBp, i18n.language)}</strong>
              <span>{t(`catalogue.trancheGate.${tranche.gate}`)}</span>
            </li>
          ))}
        </ol>
      </Section>

      <Section id="program-money" title={t("detail.money")}>
        <ul className="source-list">
          {program.fundingSources.map((source, index) => (
            <li key={index}>
              <span>
                <span className="source-list__name">{source.name}</span>
                <span className="source-list__kind">{t(`catalogue.fundingSourceKind.${source.kind}`)}</span>
              </span>
              <Money fen={source.amountFen} />
            </li>
          ))}
          <li className="source-list__total">
            <span>{t("detail.pool")}</span>
            <Money fen={program.poolFen} />
          </li>
        </ul>
      </Section>
    </div>
  );
}
