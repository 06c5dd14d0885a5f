import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { db } from "~/lib/db.server";
import { assertFound, forbidden } from "~/lib/http";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { redirectWithFlash } from "~/lib/session.server";
import { Instant, Money, PageHeader } from "~/ui/bits";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { fieldId, SubmitButton } from "~/ui/form";
import { requireProposalAccess } from "./access.server";
import { budgetTotals } from "./budget";
import { receiptEmail } from "./emails.server";
import { canSubmitProposal, isMemberOf } from "./permissions";
import { ProposalDetails } from "./proposal-details";
import { fieldPathLabel, isFormLevelPath } from "./labels";
import { isEditableStatus } from "./proposal-lifecycle";
import { listAttachments, loadSubmissionContext, submitProposal } from "./proposals.server";
import { ruleFieldErrors } from "./rule-messages";
import { checkSubmission } from "./submission-rules";

// One address, two moments: before the submission it is the confirmation page (the whole proposal, any rule that
// still blocks it, and the final button); afterwards it is the receipt with the proposal number.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, access } = await requireProposalAccess(request, params);
  if (!isMemberOf(actor, access.organizationId)) forbidden();
  const [context, attachments, { t, language }] = await Promise.all([
    loadSubmissionContext(db(), access.id),
    listAttachments(db(), access.id),
    getTranslator(request),
  ]);
  const { proposal, program, content, applicant, clock } = assertFound(context);
  const confirming = isEditableStatus(proposal.status);
  const problems = confirming ? checkSubmission(content, program.rules, applicant, clock) : [];
  return {
    title: t(confirming ? "proposals:meta.submit" : "proposals:submit.receiptTitle"),
    confirming,
    email: actor.email,
    proposal: {
      id: proposal.id,
      title: content.title,
      number: proposal.number,
      status: proposal.status,
      submittedAt: proposal.submittedAt,
      currentVersion: proposal.currentVersion,
      organizationName: proposal.organizationName,
    },
    program: { title: program.program.title },
    problems: Object.entries(ruleFieldErrors(problems, t, language)).map(([path, message]) => ({ path, message })),
    content,
    totals: budgetTotals(content.budgetLines),
    categories: program.categories,
    targetGroups: program.targetGroups,
    attachments,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, access } = await requireProposalAccess(request, params, canSubmitProposal);
  const { t, language } = await getTranslator(request);
  const result = await submitProposal({
    proposalId: access.id,
    user: { id: actor.userId, email: actor.email },
    composeReceipt: receiptEmail(language),
  });
  if (result.ok) {
    return redirectWithFlash(`/proposals/${access.id}/submit`, {
      kind: "success",
      message: "proposals:flash.submitted",
    });
  }
  if (result.reason === "rules") {
    return data({ fieldErrors: ruleFieldErrors(result.errors, t, language) }, { status: 400 });
  }
  return redirectWithFlash(`/proposals/${access.id}`, { kind: "error", message: "proposals:errors.notSubmittable" });
}

export default function ProposalSubmit() {
  const loaderData = useLoaderData<typeof loader>();
  return loaderData.confirming ? <Confirmation /> : <Receipt />;
}

function Confirmation() {
  const { proposal, program, problems, content, totals, categories, targetGroups, attachments } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("proposals");
  // A refusal from the final submit (the window closed meanwhile, say) replaces what the page was loaded with.
  const blocking = actionData?.fieldErrors
    ? Object.entries(actionData.fieldErrors).map(([path, message]) => ({ path, message: String(message) }))
    : problems;
  return (
    <>
      <PageHeader title={t("submit.title")} subtitle={t("submit.subtitle")} />
      <div className="card proposal-confirm">
        <h2 className="proposal-confirm__title">{proposal.title || t("untitled")}</h2>
        <p className="muted">
          {program.title} · {proposal.organizationName}
        </p>
        <dl className="proposal-totals">
          <div className="proposal-totals__grant">
            <dt>{t("budget.grantRequested")}</dt>
            <dd>
              <Money fen={totals.grantRequestedFen} />
            </dd>
          </div>
          <div>
            <dt>{t("budget.total")}</dt>
            <dd>
              <Money fen={totals.totalFen} />
            </dd>
          </div>
        </dl>
        {blocking.length > 0 ? (
          <div className="alert alert--error" role="alert">
            <p className="alert__title">{t("submit.blocked")}</p>
            <ul className="proposal-errors__list">
              {blocking.map((problem) =>
                isFormLevelPath(problem.path) ? (
                  <li key={problem.path}>{problem.message}</li>
                ) : (
                  <li key={problem.path}>
                    {t("errorItem", { field: fieldPathLabel(problem.path, t), message: problem.message })}{" "}
                    <Link to={`/proposals/${proposal.id}/edit#${fieldId(problem.path)}`}>{t("submit.fix")}</Link>
                  </li>
                ),
              )}
            </ul>
          </div>
        ) : null}
        <div className="button-row">
          <Link to={`/proposals/${proposal.id}/edit`} className="button">
            {t("actions.backToEdit")}
          </Link>
          {blocking.length === 0 ? (
            <Form method="post">
              <SubmitButton>{t("actions.submit")}</SubmitButton>
            </Form>
          ) : null}
        </div>
      </div>
      <ProposalDetails
        proposalId={proposal.id}
        content={content}
        totals={totals}
        categories={categories}
        targetGroups={targetGroups}
        attachments={attachments}
      />
    </>
  );
}

function Receipt() {
  const { proposal, program, email } = useLoaderData<typeof loader>();
  const { t } = useTranslation("proposals");
  return (
    <div className="card card--narrow proposal-receipt">
      <h1>{t("submit.receiptTitle")}</h1>
      <p>{proposal.title}</p>
      <p className="muted">
        {program.title} · {proposal.organizationName}
      </p>
      <p>{t("submit.receiptBody")}</p>
      <p className="proposal-receipt__number">{proposal.number ?? t("noNumber")}</p>
      <p className="muted">
        {t("submit.receiptVersion", { version: proposal.currentVersion })}
        {proposal.submittedAt ? (
          <>
            {" · "}
            <Instant iso={proposal.submittedAt} />
          </>
        ) : null}
      </p>
      <p>{t("submit.receiptEmail", { email })}</p>
      <p className="muted">{t("submit.nextSteps")}</p>
      <div className="button-row">
        <Link to={`/proposals/${proposal.id}`} className="button button--primary">
          {t("actions.viewProposal")}
        </Link>
        <Link to="/proposals" className="button">
          {t("actions.myProposals")}
        </Link>
      </div>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => pageTitle(data?.title, meta);

export const ErrorBoundary = GeneralErrorBoundary;
