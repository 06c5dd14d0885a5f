import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProgramStatusBadge } from "~/features/programs/program-details";
import { requireActor } from "~/lib/actor.server";
import { forbidden } from "~/lib/http";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { EmptyState, Instant, Money, PageHeader } from "~/ui/bits";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { listStaffWorkspace } from "./funders.server";
import { canUseStaffWorkspace } from "./permissions";
import { FunderKindLabel, regionOf } from "./staff-panels";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  if (!canUseStaffWorkspace(actor)) forbidden();
  const [{ t }, funders] = await Promise.all([getTranslator(request), listStaffWorkspace(actor.funderIds)]);
  return { title: t("funders:manage.title"), funders };
}

type WorkspaceFunder = Awaited<ReturnType<typeof loader>>["funders"][number];

export default function ManageHome() {
  const { funders } = useLoaderData<typeof loader>();
  const { t } = useTranslation("funders");
  return (
    <>
      <PageHeader title={t("manage.title")} subtitle={t("manage.subtitle")} />
      {funders.map((funder) => (
        <FunderPrograms key={funder.id} funder={funder} />
      ))}
    </>
  );
}

function FunderPrograms({ funder }: { funder: WorkspaceFunder }) {
  const { t } = useTranslation("funders");
  const headingId = `funder-${funder.id}`;
  return (
    <section className="card workspace-funder" aria-labelledby={headingId}>
      <header className="workspace-funder__header">
        <div>
          <h2 id={headingId} className="workspace-funder__name">
            {funder.name}
          </h2>
          <p className="muted workspace-funder__meta">
            <FunderKindLabel kind={funder.kind} /> · {regionOf(funder)}
          </p>
        </div>
        <div className="page-header__actions">
          <Link to={`/manage/funders/${funder.id}`} className="button button--ghost button--small">
            {t("manage.funderInfo")}
          </Link>
          <Link to={`/manage/programs/new?funderId=${funder.id}`} className="button button--primary button--small">
            {t("manage.newProgram")}
          </Link>
        </div>
      </header>
      {funder.programs.length === 0 ? (
        <EmptyState title={t("manage.noPrograms")}>
          <p>{t("manage.noProgramsHint")}</p>
        </EmptyState>
      ) : (
        <div className="table-wrap stacked-table">
          <table className="workspace-programs">
            <caption className="visually-hidden">{t("manage.programs")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("manage.program")}</th>
                <th scope="col">{t("manage.status")}</th>
                <th scope="col">{t("manage.window")}</th>
                <th scope="col" className="numeric">
                  {t("manage.pool")}
                </th>
                <th scope="col" className="numeric">
                  {t("manage.categories")}
                </th>
                <th scope="col" className="numeric">
                  {t("manage.proposals")}
                </th>
              </tr>
            </thead>
            <tbody>
              {funder.programs.map((program) => (
                <tr key={program.id}>
                  <td data-label={t("manage.program")}>
                    <Link to={`/manage/programs/${program.id}`}>{program.title}</Link>
                    <div className="muted small-text">
                      {t("manage.code")} {program.code}
                    </div>
                  </td>
                  <td data-label={t("manage.status")}>
                    <ProgramStatusBadge status={program.status} />
                  </td>
                  <td className="nowrap-cell" data-label={t("manage.window")}>
                    <Instant iso={program.opensAt} /> –
                    <br />
                    <Instant iso={program.closesAt} />
                  </td>
                  <td className="numeric" data-label={t("manage.pool")}>
                    <Money fen={program.poolFen} />
                  </td>
                  <td className="numeric" data-label={t("manage.categories")}>
                    {t("manage.categoryCount", { count: program.categoryCount })}
                  </td>
                  <td className="numeric" data-label={t("manage.proposals")}>
                    {program.proposalCount}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => pageTitle(data?.title, meta);

export const ErrorBoundary = GeneralErrorBoundary;
