import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { type ShouldRevalidateFunction, useActionData, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { type FormValues, formDataToObject } from "~/lib/form-data";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { db } from "~/lib/db.server";
import { assertFound, badRequest, forbidden } from "~/lib/http";
import { optionalUser, redirectWithFlash, signedSessionId } from "~/lib/session.server";
import { parseFormValues } from "~/lib/validation.server";
import { Instant, PageHeader } from "~/ui/bits";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { requireProposalAccess } from "./access.server";
import { ATTACHMENT_FIELD } from "./attachment-limits";
import {
  checkUploads,
  readProposalForm,
  removeAttachment,
  storeAttachments,
  type UploadProblem,
} from "./attachments.server";
import { deleteStash, findStash, stashFormValues } from "./draft-stash.server";
import { contentToFormValues, postedFormValues } from "./form-values";
import { ProposalForm } from "./proposal-form";
import { findProgramForProposals, loadProposal, loadSubmissionContext, saveDraft } from "./proposals.server";
import { ScreeningNotice } from "./screening-notice";
import { findLatestScreening } from "./screening.server";
import { ruleFieldErrors } from "./rule-messages";
import { EditIntentSchema, ProposalDraftSchema } from "./schemas";
import { checkSubmission, referenceErrors } from "./submission-rules";
import { canEditProposal, isMemberOf } from "./permissions";

const editPath = (proposalId: number) => `/proposals/${proposalId}/edit`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, access } = await requireProposalAccess(request, params);
  // A proposal handed in is read, not edited: its members go to its page, everyone else is refused.
  if (!canEditProposal(actor, access)) {
    if (isMemberOf(actor, access.organizationId)) throw redirect(`/proposals/${access.id}`);
    forbidden();
  }
  const [loaded, found, stash, screeningNotice, { t }] = await Promise.all([
    loadProposal(access.id, { withRevision: true }),
    findProgramForProposals(db(), access.programId),
    findStash(request, editPath(access.id)),
    findLatestScreening(access.id),
    getTranslator(request),
  ]);
  const { proposal, content, attachments } = assertFound(loaded);
  const { program, rules, categories, targetGroups } = assertFound(found);
  return {
    title: `${t("proposals:meta.edit")} · ${content.title || t("proposals:untitled")}`,
    proposal: {
      id: proposal.id,
      title: content.title,
      status: proposal.status,
      updatedAt: proposal.updatedAt,
      organizationName: proposal.organizationName,
      organizationKind: proposal.organizationKind,
    },
    program: { id: program.id, title: program.title, closesAt: program.closesAt },
    screeningNotice,
    rules: {
      grantMinFen: rules.grantMinFen,
      grantMaxFen: rules.grantMaxFen,
      filedTeamGrantMaxFen: rules.filedTeamGrantMaxFen,
      maxGrantShareBp: rules.maxGrantShareBp,
      personnelCapBp: rules.personnelCapBp,
      managementCapBp: rules.managementCapBp,
      prohibitedCategories: rules.prohibitedCategories,
      implementationStartsOn: rules.implementationStartsOn,
      implementationEndsOn: rules.implementationEndsOn,
    },
    categories,
    targetGroups,
    attachments,
    defaults: contentToFormValues(content, rules.targetGroupIds),
    restored: stash ? { id: stash.id, values: postedFormValues(stash.values) } : null,
  };
}

/**
 * The session ran out while the user was typing: keep what they sent, send them to sign in, and bring them back
 * to this form with it restored. Only a browser holding a session cookie this server signed gets a stash, one per
 * session, so anonymous posts cannot fill the table.
 */
async function stashAndSignIn(request: Request, proposalId: number) {
  const sessionId = await signedSessionId(request);
  // Files are read past, not kept: a signed-out request gets no further than the stash.
  const { formData } = await readProposalForm(request, { keepFiles: false });
  const { intent: _intent, ...values } = formDataToObject(formData);
  const stash = sessionId ? await stashFormValues(sessionId, editPath(proposalId), values) : null;
  const signIn = `/sign-in?${new URLSearchParams({ redirectTo: stash?.returnTo ?? editPath(proposalId) })}`;
  const headers = stash ? { "Set-Cookie": stash.setCookie } : undefined;
  if (formData.get("intent") === "autosave") {
    return data({ autosave: "signedOut" as const, signInUrl: signIn }, { status: 401, headers });
  }
  return redirectWithFlash(signIn, { kind: "info", message: "proposals:flash.sessionExpired" }, headers);
}

function uploadProblemMessage(problem: UploadProblem, t: TFunction): string {
  switch (problem.code) {
    case "tooLarge":
      return t("proposals:errors.attachmentTooLarge", { filename: problem.filename });
    case "typeNotAllowed":
      return t("proposals:errors.attachmentType", { filename: problem.filename });
    case "tooMany":
      return t("proposals:errors.attachmentTooMany", { max: problem.max });
  }
}

function failure(fieldErrors: Record<string, string>, values: FormValues, status = 400) {
  return data({ fieldErrors, values: postedFormValues(values) }, { status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (!(await optionalUser(request))) {
    const proposalId = Number(params.proposalId);
    if (Number.isSafeInteger(proposalId) && proposalId > 0) return stashAndSignIn(request, proposalId);
  }
  const { actor, access } = await requireProposalAccess(request, params);
  if (!canEditProposal(actor, access)) {
    if (!isMemberOf(actor, access.organizationId)) forbidden();
    return redirectWithFlash(`/proposals/${access.id}`, { kind: "error", message: "proposals:errors.notEditable" });
  }
  const [{ formData, files }, { t, language }] = await Promise.all([readProposalForm(request), getTranslator(request)]);
  // One reading of the form serves its buttons and its content.
  const posted = formDataToObject(formData);
  const controls = EditIntentSchema.safeParse(posted);
  if (!controls.success) badRequest();
  const { intent, stashId } = controls.data;
  const autosave = intent === "autosave";
  const filesDropped: Record<string, string> =
    files.length > 0 ? { [ATTACHMENT_FIELD]: t("proposals:errors.attachmentsNotKept") } : {};

  const parsed = parseFormValues(ProposalDraftSchema, posted, t, language);
  if (!parsed.success) {
    return autosave
      ? data({ autosave: "invalid" as const }, { status: 400 })
      : failure({ ...parsed.fieldErrors, ...filesDropped }, parsed.values);
  }
  const program = assertFound(await findProgramForProposals(db(), access.programId));
  const wrongIds = referenceErrors(parsed.data, program.rules);
  if (wrongIds.length > 0) {
    return autosave
      ? data({ autosave: "invalid" as const }, { status: 400 })
      : failure({ ...ruleFieldErrors(wrongIds, t, language), ...filesDropped }, parsed.values);
  }

  const uploads = files.length > 0 && !autosave ? await checkUploads(files) : { accepted: [], problems: [] };
  const saved = await saveDraft({
    proposalId: access.id,
    userId: actor.userId,
    content: parsed.data,
    audit: !autosave,
  });
  if (!saved.ok) {
    if (autosave) return data({ autosave: "failed" as const }, { status: 409 });
    return redirectWithFlash(`/proposals/${access.id}`, { kind: "error", message: "proposals:errors.notEditable" });
  }
  if (stashId) await deleteStash(stashId);
  if (autosave) return { autosavedAt: saved.savedAt };

  const attachmentContext = { proposalId: access.id, organizationId: access.organizationId, userId: actor.userId };
  if (controls.data.removeAttachment) {
    await removeAttachment({ ...attachmentContext, attachmentId: controls.data.removeAttachment });
  }
  const stored = await storeAttachments({ ...attachmentContext, uploads: uploads.accepted });
  const problems = stored.ok ? uploads.problems : [...uploads.problems, stored.problem];
  if (problems.length > 0) {
    // The draft and the acceptable files are saved; the refused files are named next to the file input.
    const message = problems.map((problem) => uploadProblemMessage(problem, t)).join(" ");
    return failure({ [ATTACHMENT_FIELD]: message }, parsed.values);
  }
  const uploaded = stored.ok ? stored.stored : 0;

  if (intent === "check") {
    const context = assertFound(await loadSubmissionContext(db(), access.id));
    // Checked on the content as posted, so each error keeps the row position the form shows.
    const errors = checkSubmission(parsed.data, context.program.rules, context.applicant, context.clock);
    if (errors.length > 0) return failure(ruleFieldErrors(errors, t, language), parsed.values);
    return redirect(`/proposals/${access.id}/submit`);
  }
  const attachmentsChanged = Boolean(controls.data.removeAttachment) || uploaded > 0;
  const message = controls.data.removeAttachment
    ? "proposals:flash.attachmentRemoved"
    : uploaded > 0
      ? "proposals:flash.attachmentsUploaded"
      : "proposals:flash.saved";
  // After an upload or a removal the page opens at the attachments, where the list shows what changed.
  const back = attachmentsChanged ? `${editPath(access.id)}#section-attachments` : editPath(access.id);
  return redirectWithFlash(back, { kind: "success", message });
}

// Autosaves must not reload the page under the user's fingers; every other save does.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "autosave" ? false : defaultShouldRevalidate;

export default function ProposalEdit() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("proposals");
  const { proposal, program, restored } = loaderData;
  const failure =
    actionData && "fieldErrors" in actionData ? actionData : restored ? { values: restored.values } : undefined;
  return (
    <>
      <PageHeader
        title={proposal.title || t("edit.title")}
        subtitle={t("edit.subtitle", { program: program.title, organization: proposal.organizationName })}
      />
      <p className="muted proposal-edit__meta">
        <span>
          {t("edit.deadlineLabel")}
          <Instant iso={program.closesAt} />
        </span>
        <span>
          {t("edit.lastSavedLabel")}
          <Instant iso={proposal.updatedAt} />
        </span>
      </p>
      {proposal.status === "returned" ? <div className="alert alert--info">{t("edit.returnedNotice")}</div> : null}
      <ScreeningNotice notice={loaderData.screeningNotice} status={proposal.status} />
      {restored ? <div className="alert alert--info">{t("edit.restoredNotice")}</div> : null}
      {/* Remounted after each explicit save, so the rows and attachments shown are the ones stored. */}
      <ProposalForm
        key={proposal.updatedAt}
        proposalId={proposal.id}
        defaults={loaderData.defaults}
        actionData={failure}
        categories={loaderData.categories}
        targetGroups={loaderData.targetGroups}
        rules={loaderData.rules}
        organizationKind={proposal.organizationKind}
        attachments={loaderData.attachments}
        stashId={restored?.id ?? null}
      />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => pageTitle(data?.title, meta);

export const ErrorBoundary = GeneralErrorBoundary;
