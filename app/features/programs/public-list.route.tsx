import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { pageFromUrl, redirectPastLastPage } from "~/lib/pagination";
import { nowIso } from "~/lib/time";
import { EmptyState, PageHeader, Pagination } from "~/ui/bits";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { PhaseBadge, ProgramFacts } from "./program-details";
import { applicationPhase } from "./program-lifecycle";
import { countPublicPrograms, listPublicPrograms } from "./programs.server";

const PAGE_SIZE = 12;

// Public: signed-out visitors see published programs that are open now or open later; drafts never appear.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { page, pageSize, offset } = pageFromUrl(url, PAGE_SIZE);
  const [{ t }, programs, total] = await Promise.all([
    getTranslator(request),
    listPublicPrograms({ limit: pageSize, offset }),
    countPublicPrograms(),
  ]);
  redirectPastLastPage(url, page, pageSize, total);
  const now = nowIso();
  return {
    title: t("programs:public.title"),
    programs: programs.map((program) => ({
      ...program,
      phase: applicationPhase({ ...program, status: "open" }, now) ?? "closed",
    })),
    page,
    pageSize,
    total,
  };
}

export default function PublicPrograms() {
  const { programs, page, pageSize, total } = useLoaderData<typeof loader>();
  const { t } = useTranslation("programs");
  return (
    <>
      <PageHeader title={t("public.title")} subtitle={t("public.subtitle")} />
      {programs.length === 0 ? (
        <EmptyState title={t("public.empty")}>
          <p>{t("public.emptyHint")}</p>
        </EmptyState>
      ) : (
        <ul className="program-list">
          {programs.map((program) => (
            <li key={program.id} className="card program-card">
              <div className="program-card__head">
                <PhaseBadge phase={program.phase} />
                <span className="program-card__meta">{program.funderName}</span>
              </div>
              <h2 className="program-card__title">
                <Link to={`/programs/${program.id}`}>{program.title}</Link>
              </h2>
              <p>{program.summary}</p>
              <ProgramFacts program={program} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => pageTitle(data?.title, meta);

export const ErrorBoundary = GeneralErrorBoundary;
