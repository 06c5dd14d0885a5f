import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { idParam, notFound } from "~/lib/http";
import { nowIso } from "~/lib/time";
import { PageHeader } from "~/ui/bits";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { ApplySlot } from "./apply-slot";
import { PhaseBadge, ProgramDetails, ProgramFacts } from "./program-details";
import { applicationPhase } from "./program-lifecycle";
import { findProgramDetail } from "./programs.server";

// Public: any published program (whatever its later stage); a draft, like an unknown id, is a 404.
export async function loader({ params }: LoaderFunctionArgs) {
  const program = await findProgramDetail(idParam(params.programId));
  const phase = program ? applicationPhase(program, nowIso()) : null;
  if (!program || phase === null) notFound();
  const { createdAt: _createdAt, updatedAt: _updatedAt, ...published } = program;
  return { program: published, phase };
}

export default function PublicProgram() {
  const { program, phase } = useLoaderData<typeof loader>();
  const { t } = useTranslation("programs");
  return (
    <>
      <p className="back-link">
        <Link to="/programs">{t("public.backToList")}</Link>
      </p>
      <PageHeader
        title={program.title}
        subtitle={
          <>
            <PhaseBadge phase={phase} /> {program.funderName}
          </>
        }
      />
      <div className="program-cta card">
        <ProgramFacts program={program} />
        <ApplySlot
          program={{
            id: program.id,
            status: program.status,
            opensAt: program.opensAt,
            closesAt: program.closesAt,
            phase,
          }}
        />
      </div>
      <ProgramDetails program={program} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => [
  ...pageTitle(data?.program.title, meta),
  { name: "description", content: data?.program.summary ?? "" },
];

export const ErrorBoundary = GeneralErrorBoundary;
