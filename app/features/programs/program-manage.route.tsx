import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/lib/actor.server";
import { db } from "~/lib/db.server";
import { assertFound, forbidden, idParam, notFound } from "~/lib/http";
import { redirectWithFlash } from "~/lib/session.server";
import { parseRequestForm } from "~/lib/validation.server";
import { ProgramProposalsLink } from "~/features/proposals/program-proposals-link";
import { summarizeProgramProposals } from "~/features/proposals/screening.server";
import { Instant, PageHeader } from "~/ui/bits";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { ConfirmDisclosure, SubmitButton } from "~/ui/form";
import { canChangeProgramStatus, canEditProgram, canViewManagedProgram } from "./permissions";
import { ProgramDetails, ProgramFacts, ProgramStatusBadge } from "./program-details";
import { offeredTransitions, type ProgramStatus, transitionsOfferedNow } from "./program-lifecycle";
import { changeProgramStatus, countProgramProposals, findProgramDetail } from "./programs.server";
import { ProgramManageSchema } from "./schemas";

// Staff of the program's funder manage it; platform admins may look. Anyone else gets a 404 (see permissions.ts).
async function managedProgram(request: Request, programIdParam: string | undefined) {
  const actor = await requireActor(request);
  const program = assertFound(await findProgramDetail(idParam(programIdParam)));
  if (!canViewManagedProgram(actor, program)) notFound();
  return { actor, program };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, program } = await managedProgram(request, params.programId);
  const [proposals, proposalCount] = await Promise.all([
    summarizeProgramProposals(program),
    countProgramProposals(db(), program.id),
  ]);
  const transitions = canChangeProgramStatus(actor, program) ? offeredTransitions(program.status, proposalCount) : [];
  return {
    program,
    proposals,
    can: { edit: canEditProgram(actor, program), transitions, act: canChangeProgramStatus(actor, program) },
  };
}

const flashFor: Partial<Record<ProgramStatus, string>> = {
  open: "programs:flash.opened",
  draft: "programs:flash.revertedToDraft",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, program } = await managedProgram(request, params.programId);
  if (!canChangeProgramStatus(actor, program)) forbidden();
  const parsed = await parseRequestForm(request, ProgramManageSchema);
  if (!parsed.success) return data({ formError: parsed.t("programs:errors.transition.notAllowed") }, { status: 400 });
  switch (parsed.data.intent) {
    case "transition": {
      const { to } = parsed.data;
      const result = transitionsOfferedNow.includes(to)
        ? await changeProgramStatus({ actorUserId: actor.userId, programId: program.id, to })
        : ({ ok: false, reason: "notAllowed" } as const);
      if (!result.ok) {
        return data(
          { formError: parsed.t(`programs:errors.transition.${result.reason}`) },
          { status: result.reason === "stale" ? 409 : 400 },
        );
      }
      return redirectWithFlash(`/manage/programs/${program.id}`, {
        kind: "success",
        message: flashFor[to] ?? "common:flash.saved",
      });
    }
  }
}

export default function ManageProgram() {
  const { program, proposals, can } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("programs");
  return (
    <>
      {can.act ? (
        <p className="back-link">
          <Link to="/manage">{t("manage.backToWorkspace")}</Link>
        </p>
      ) : null}
      <PageHeader
        title={program.title}
        subtitle={
          <>
            {program.funderName} · {t("detail.code")} {program.code}
          </>
        }
        actions={
          <>
            {can.edit ? (
              <Link to={`/manage/programs/${program.id}/edit`} className="button button--primary">
                {t("manage.edit")}
              </Link>
            ) : null}
            {program.status !== "draft" ? (
              <Link to={`/programs/${program.id}`} className="button button--ghost">
                {t("manage.publicPage")}
              </Link>
            ) : null}
          </>
        }
      />

      <section className="card program-status-panel" aria-labelledby="program-status">
        <h2 id="program-status">{t("manage.actions")}</h2>
        <p>
          {t("detail.status")}: <ProgramStatusBadge status={program.status} />
        </p>
        <ProgramFacts program={program} />
        {actionData?.formError ? (
          <div className="alert alert--error" role="alert">
            {actionData.formError}
          </div>
        ) : null}
        <p className="muted">
          {program.status === "draft"
            ? t("manage.draftHint")
            : program.status === "open"
              ? t("manage.openHint")
              : t("manage.laterHint")}
        </p>
        {can.act ? null : <p className="muted">{t("manage.viewOnly")}</p>}
        {can.transitions.includes("open") ? (
          <Form method="post" className="button-row">
            <input type="hidden" name="intent" value="transition" />
            <SubmitButton name="to" value="open" className="button button--primary">
              {t("manage.transition.open")}
            </SubmitButton>
          </Form>
        ) : null}
        {can.transitions.includes("draft") ? (
          // Unpublishing hides the program from the public at once: it asks first.
          <ConfirmDisclosure
            toggle={t("manage.transition.draft")}
            toggleClassName="button button--ghost"
            message={t("manage.transition.draftConfirm")}
            confirm={t("manage.transition.draftConfirmButton")}
            confirmClassName="button button--danger"
            name="to"
            value="draft"
          >
            <input type="hidden" name="intent" value="transition" />
          </ConfirmDisclosure>
        ) : null}
        <p className="muted program-status-panel__stamps">
          {t("manage.stamps.created")} <Instant iso={program.createdAt} /> · {t("manage.stamps.updated")}{" "}
          <Instant iso={program.updatedAt} />
        </p>
      </section>

      <ProgramDetails program={program} />
      <ProgramProposalsLink programId={program.id} counts={proposals} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => pageTitle(data?.program.title, meta);

export const ErrorBoundary = GeneralErrorBoundary;
