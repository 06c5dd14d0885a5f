import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listPublicPrograms } from "~/features/programs/programs.server";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { nowIso } from "~/lib/time";
import { EmptyState, Instant, Money } from "~/ui/bits";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";

export async function loader({ request }: LoaderFunctionArgs) {
  const [{ t }, programs] = await Promise.all([getTranslator(request), listPublicPrograms({ limit: 12 })]);
  const now = nowIso();
  return {
    title: t("appName"),
    open: programs.filter((program) => program.opensAt <= now),
    upcoming: programs.filter((program) => program.opensAt > now),
  };
}

type ProgramSummary = Awaited<ReturnType<typeof loader>>["open"][number];

function ProgramCards({ programs }: { programs: ProgramSummary[] }) {
  const { t } = useTranslation("programs");
  return (
    <div className="grid">
      {programs.map((program) => (
        <article key={program.id} className="card program-card">
          <h3>
            <Link to={`/programs/${program.id}`}>{program.title}</Link>
          </h3>
          <p className="program-card__meta">{program.funderName}</p>
          <p>{program.summary}</p>
          <p className="program-card__meta">
            {t("public.window")}: <Instant iso={program.opensAt} /> – <Instant iso={program.closesAt} />
            <br />
            {t("public.grantMax")}: <Money fen={program.grantMaxFen} />
          </p>
        </article>
      ))}
    </div>
  );
}

export default function Home() {
  const { open, upcoming } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <section className="hero">
        <h1>{t("home.heroTitle")}</h1>
        <p>{t("home.heroBody")}</p>
        <Link to="/programs" className="button button--primary">
          {t("home.viewAll")}
        </Link>
      </section>
      {open.length === 0 && upcoming.length === 0 ? <EmptyState title={t("home.noPrograms")} /> : null}
      {open.length > 0 ? (
        <section aria-labelledby="open-programs">
          <h2 id="open-programs">{t("home.openPrograms")}</h2>
          <ProgramCards programs={open} />
        </section>
      ) : null}
      {upcoming.length > 0 ? (
        <section aria-labelledby="upcoming-programs">
          <h2 id="upcoming-programs">{t("home.upcomingPrograms")}</h2>
          <ProgramCards programs={upcoming} />
        </section>
      ) : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) =>
  pageTitle(data?.title, meta, { appName: false });

export const ErrorBoundary = GeneralErrorBoundary;
