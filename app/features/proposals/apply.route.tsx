import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isProgramPublished } from "~/features/programs/program-lifecycle";
import { type Actor, requireActor } from "~/lib/actor.server";
import { db } from "~/lib/db.server";
import { forbidden, idParam, notFound } from "~/lib/http";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { redirectWithFlash } from "~/lib/session.server";
import { nowIso, todayInChina } from "~/lib/time";
import { parseRequestForm } from "~/lib/validation.server";
import { EmptyState, Instant, PageHeader } from "~/ui/bits";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { SubmitButton } from "~/ui/form";
import { canApplyAs } from "./permissions";
import { createDraft, findProgramForProposals, listApplicantOptions } from "./proposals.server";
import { ruleMessage } from "./rule-messages";
import { ApplySchema } from "./schemas";
import { applicantErrors, windowErrors } from "./submission-rules";

/** The program and, for each of the user's organisations, what (if anything) stops it from applying now. */
async function loadApplyOptions(actor: Actor, programId: number) {
  const found = await findProgramForProposals(db(), programId);
  if (!found || !isProgramPublished(found.program.status)) notFound();
  const now = nowIso();
  const today = todayInChina(new Date(now));
  const options = await listApplicantOptions(
    programId,
    actor.organizations.map((membership) => membership.organizationId),
  );
  return {
    ...found,
    windowProblems: windowErrors(found.rules, now),
    organizations: options.map((organization) => ({
      ...organization,
      problems: applicantErrors(
        found.rules,
        { ...organization, otherCountingProposals: organization.countingProposals },
        today,
      ),
    })),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const programId = idParam(params.programId);
  const [{ program, rules, windowProblems, organizations }, { t, language }] = await Promise.all([
    loadApplyOptions(actor, programId),
    getTranslator(request),
  ]);
  return {
    title: `${t("proposals:meta.apply")} · ${program.title}`,
    program: { id: program.id, title: program.title, closesAt: program.closesAt, funderName: program.funderName },
    proposalsPerOrg: rules.proposalsPerOrg,
    windowProblems: windowProblems.map((problem) => ruleMessage(problem, t, language)),
    organizations: organizations.map((organization) => ({
      id: organization.id,
      name: organization.name,
      countingProposals: organization.countingProposals,
      openProposals: organization.openProposals,
      problems: organization.problems.map((problem) => ruleMessage(problem, t, language)),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const programId = idParam(params.programId);
  const parsed = await parseRequestForm(request, ApplySchema);
  if (!parsed.success) return data({ formError: parsed.fieldErrors.organizationId ?? "" }, { status: 400 });
  const { organizationId } = parsed.data;
  if (!canApplyAs(actor, organizationId)) forbidden();
  // Checked again here: the window may have closed, or another member may have used the last place, since the page loaded.
  const { program, windowProblems, organizations } = await loadApplyOptions(actor, programId);
  const organization = organizations.find((candidate) => candidate.id === organizationId);
  const problems = [...windowProblems, ...(organization?.problems ?? [])];
  if (!organization || problems.length > 0) {
    const message = problems.map((problem) => ruleMessage(problem, parsed.t, parsed.language)).join(" ");
    return data({ formError: message }, { status: 400 });
  }
  const proposalId = await createDraft({ programId, organizationId, funderId: program.funderId, userId: actor.userId });
  return redirectWithFlash(`/proposals/${proposalId}/edit`, { kind: "success", message: "proposals:flash.created" });
}

export default function Apply() {
  const { program, proposalsPerOrg, windowProblems, organizations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("proposals");
  return (
    <>
      <PageHeader title={t("apply.title")} subtitle={t("apply.subtitle", { program: program.title })} />
      <p className="muted">
        {program.funderName} · {t("edit.deadlineLabel")}
        <Instant iso={program.closesAt} />
      </p>
      {actionData?.formError ? (
        <div className="alert alert--error" role="alert">
          {actionData.formError}
        </div>
      ) : null}
      {windowProblems.map((problem) => (
        <div key={problem} className="alert alert--error" role="alert">
          {problem}
        </div>
      ))}
      {organizations.length === 0 ? (
        <EmptyState title={t("apply.noOrganizations")}>
          <p>{t("apply.noOrganizationsBody")}</p>
          <Link to="/organizations/new" className="button button--primary">
            {t("apply.registerOrganization")}
          </Link>
        </EmptyState>
      ) : (
        <>
          <h2>{t("apply.chooseOrganization")}</h2>
          <ul className="proposal-apply-list">
            {organizations.map((organization) => (
              <li key={organization.id} className="card proposal-apply-option">
                <h3>{organization.name}</h3>
                <p className="muted small-text">
                  {t("apply.used", { count: organization.countingProposals, limit: proposalsPerOrg })}
                </p>
                {organization.problems.length > 0 ? (
                  <div className="alert alert--error">
                    <p className="alert__title">{t("apply.notEligible")}</p>
                    {organization.problems.map((problem) => (
                      <p key={problem}>{problem}</p>
                    ))}
                  </div>
                ) : null}
                <div className="button-row">
                  {organization.openProposals.map((proposal) => (
                    <Link key={proposal.id} to={`/proposals/${proposal.id}/edit`} className="button">
                      {t("apply.continueDraft", { title: proposal.title || t("untitled") })}
                    </Link>
                  ))}
                  {organization.problems.length === 0 && windowProblems.length === 0 ? (
                    <Form method="post">
                      <input type="hidden" name="organizationId" value={organization.id} />
                      <SubmitButton>
                        {organization.openProposals.length > 0 ? t("apply.startAnother") : t("apply.start")}
                      </SubmitButton>
                    </Form>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => pageTitle(data?.title, meta);

export const ErrorBoundary = GeneralErrorBoundary;
