// A returned proposal's edits stay with its organisation until they are handed in: the manager's list, its search,
// counts and exports go on reading the version handed in while the applicant revises, and the resubmission puts the
// revision in its place as the next version. Withdrawing drops a revision not handed in; a draft has none.
import { beforeAll, describe, expect, test } from "vitest";
import { budgetTotals } from "~/features/proposals/budget";
import type { ProposalContent } from "~/features/proposals/content";
import { action as screenAction } from "~/features/proposals/manage-proposal.route";
import { loader as exportLoader } from "~/features/proposals/manage-proposals-export.route";
import { loader as listLoader } from "~/features/proposals/manage-proposals.route";
import { loader as myProposalsLoader } from "~/features/proposals/my-proposals.route";
import { loader as editLoader } from "~/features/proposals/proposal-edit.route";
import { loader as submitLoader } from "~/features/proposals/proposal-submit.route";
import { loader as viewLoader } from "~/features/proposals/proposal-view.route";
import {
  findProposalVersion,
  listApplicantOptions,
  loadProposal,
  saveDraft,
  submitProposal,
  withdrawProposal,
} from "~/features/proposals/proposals.server";
import { db } from "~/lib/db.server";
import { createApplicant, createManager, createProgram, createProposal } from "../factories";
import { programTallyRevision } from "../support/program-tally";
import { buildRequest, callRoute } from "../support/routes";

let programId: number;
let managerId: number;
let applicant: Awaited<ReturnType<typeof createApplicant>>;

beforeAll(async () => {
  const { user, funderId } = await createManager(db());
  managerId = user.id;
  // One organisation hands in every proposal of this file.
  programId = (await createProgram(db(), { funderId, overrides: { proposalsPerOrg: 20 } })).id;
  applicant = await createApplicant(db());
});

async function returnedProposal() {
  const proposal = await createProposal(db(), {
    programId,
    organizationId: applicant.organizationId,
    createdBy: applicant.user.id,
    status: "submitted",
  });
  const returned = await callRoute(screenAction, `/manage/proposals/${proposal.id}`, {
    userId: managerId,
    params: { proposalId: String(proposal.id) },
    form: { intent: "returned", comment: "请按实际需要调整活动物资数量，并更新服务社区。" },
  });
  expect(returned.status).toBe(302);
  return proposal;
}

/** The applicant's revision: a new title, another community and one unit less of the first budget line. */
async function revise(proposalId: number): Promise<ProposalContent> {
  const loaded = await loadProposal(proposalId, { withRevision: true });
  if (!loaded) throw new Error("proposal vanished");
  const [firstLine, ...otherLines] = loaded.content.budgetLines;
  if (!firstLine?.quantityHundredths || firstLine.quantityHundredths < 200) throw new Error("no line to cut");
  const revised: ProposalContent = {
    ...loaded.content,
    title: `${loaded.content.title}（修订稿）`,
    serviceCommunity: "琥珀街道潜山社区",
    budgetLines: [{ ...firstLine, quantityHundredths: firstLine.quantityHundredths - 100 }, ...otherLines],
  };
  expect(loaded.content.serviceCommunity).not.toBe(revised.serviceCommunity);
  const saved = await saveDraft({ proposalId, userId: applicant.user.id, content: revised, audit: true });
  expect(saved.ok).toBe(true);
  return revised;
}

interface ListRow {
  id: number;
  title: string;
  serviceCommunity: string;
  grantRequestedFen: number;
  totalBudgetFen: number;
}

async function listRows(query = "") {
  const result = await callRoute<{ rows: ListRow[]; page: { total: number } }>(
    listLoader,
    `/manage/programs/${programId}/proposals${query ? `?${query}` : ""}`,
    { userId: managerId, params: { programId: String(programId) } },
  );
  expect(result.status).toBe(200);
  return result.data;
}

async function listRowOf(proposalId: number) {
  return (await listRows()).rows.find((row) => row.id === proposalId);
}

async function exportedRowOf(number: string) {
  const request = await buildRequest(`/manage/programs/${programId}/proposals/export.csv`, { userId: managerId });
  const response = await exportLoader({ request, params: { programId: String(programId) }, context: { cspNonce: "" } });
  const lines = (await response.text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  return lines.find((line) => line.startsWith(`${number},`));
}

async function revisionRows(proposalId: number) {
  return db().selectFrom("proposalRevision").selectAll().where("proposalId", "=", proposalId).execute();
}

const asApplicant = (proposalId: number) => ({
  userId: applicant.user.id,
  params: { proposalId: String(proposalId) },
});

describe("a returned proposal under revision", () => {
  test("the manager's list, search, counts and export keep the version handed in; its members work on the revision", async () => {
    const proposal = await returnedProposal();
    const number = proposal.number ?? "";
    const listedBefore = await listRowOf(proposal.id);
    const exportedBefore = await exportedRowOf(number);
    const revisionBefore = await programTallyRevision(programId);
    expect(listedBefore?.title).toBe(proposal.title);
    expect(exportedBefore).toContain(proposal.title);

    const revised = await revise(proposal.id);
    const revisedTotals = budgetTotals(revised.budgetLines);
    expect(revisedTotals.totalFen).not.toBe(proposal.totalBudgetFen);

    // The manager's side: the same row, the same export line, no match for the new title, the counts' cache kept.
    expect(await listRowOf(proposal.id)).toEqual(listedBefore);
    expect(await exportedRowOf(number)).toBe(exportedBefore);
    expect(proposal.title).not.toContain("修订稿");
    expect((await listRows("q=修订稿")).page.total).toBe(0);
    expect(await programTallyRevision(programId)).toBe(revisionBefore);
    expect(await revisionRows(proposal.id)).toHaveLength(1);

    // The organisation's side: its proposal page, the edit form and the confirmation page show the revision.
    const view = await callRoute(viewLoader, `/proposals/${proposal.id}`, asApplicant(proposal.id));
    expect(view.data.proposal.title).toBe(revised.title);
    expect(view.data.content.serviceCommunity).toBe(revised.serviceCommunity);
    expect(view.data.totals.totalFen).toBe(revisedTotals.totalFen);
    const edit = await callRoute(editLoader, `/proposals/${proposal.id}/edit`, asApplicant(proposal.id));
    expect(edit.data.defaults.title).toBe(revised.title);
    const confirm = await callRoute(submitLoader, `/proposals/${proposal.id}/submit`, asApplicant(proposal.id));
    expect(confirm.data.confirming).toBe(true);
    expect(confirm.data.proposal.title).toBe(revised.title);
    expect(confirm.data.totals.grantRequestedFen).toBe(revisedTotals.grantRequestedFen);
    // The funder's staff may open the organisation's page too, and read there what was handed in.
    const managerView = await callRoute(viewLoader, `/proposals/${proposal.id}`, {
      userId: managerId,
      params: { proposalId: String(proposal.id) },
    });
    expect(managerView.status).toBe(200);
    expect(managerView.data.proposal.title).toBe(proposal.title);
    expect(managerView.data.totals.totalFen).toBe(proposal.totalBudgetFen);
    const mine = await callRoute(myProposalsLoader, "/proposals", { userId: applicant.user.id });
    expect(mine.data.rows.find((row: { id: number }) => row.id === proposal.id)).toMatchObject({
      title: revised.title,
      grantRequestedFen: revisedTotals.grantRequestedFen,
      status: "returned",
    });
    const [options] = await listApplicantOptions(programId, [applicant.organizationId]);
    expect(options?.openProposals.find((open) => open.id === proposal.id)?.title).toBe(revised.title);
  });

  test("a later save replaces the revision, its focus area and target groups", async () => {
    const proposal = await returnedProposal();
    const first = await revise(proposal.id);
    const [, otherGroup] = await db()
      .selectFrom("programTargetGroup")
      .select("id")
      .where("programId", "=", programId)
      .orderBy("position")
      .execute();
    if (!otherGroup || first.targetGroupIds.includes(otherGroup.id)) throw new Error("no other target group to pick");
    const second = { ...first, title: `${first.title}二`, programCategoryId: null, targetGroupIds: [otherGroup.id] };
    expect(
      (await saveDraft({ proposalId: proposal.id, userId: applicant.user.id, content: second, audit: false })).ok,
    ).toBe(true);

    expect(await revisionRows(proposal.id)).toEqual([
      expect.objectContaining({ title: second.title, programCategoryId: null }),
    ]);
    const groups = await db()
      .selectFrom("proposalRevisionTargetGroup")
      .select("programTargetGroupId")
      .where("proposalId", "=", proposal.id)
      .execute();
    expect(groups).toEqual([{ programTargetGroupId: otherGroup.id }]);
    const working = await loadProposal(proposal.id, { withRevision: true });
    expect(working?.content).toMatchObject({
      title: second.title,
      programCategoryId: null,
      targetGroupIds: [otherGroup.id],
    });
  });

  test("handing the revision in puts it in the list as version 2 and empties the revision", async () => {
    const proposal = await returnedProposal();
    const revised = await revise(proposal.id);
    const revisedTotals = budgetTotals(revised.budgetLines);
    const revisionBefore = await programTallyRevision(programId);

    const result = await submitProposal({
      proposalId: proposal.id,
      user: { id: applicant.user.id, email: applicant.user.email },
      composeReceipt: (facts) => ({ subject: `回执 ${facts.number}`, text: facts.title }),
    });
    expect(result).toMatchObject({ ok: true, version: 2 });

    expect(await listRowOf(proposal.id)).toMatchObject({
      title: revised.title,
      serviceCommunity: revised.serviceCommunity,
      grantRequestedFen: revisedTotals.grantRequestedFen,
      totalBudgetFen: revisedTotals.totalFen,
    });
    expect((await listRows("q=修订稿")).rows.map((row) => row.id)).toEqual([proposal.id]);
    expect(await exportedRowOf(proposal.number ?? "")).toContain(revised.title);
    expect(await programTallyRevision(programId)).toBeGreaterThan(revisionBefore);
    expect(await revisionRows(proposal.id)).toEqual([]);
    const groupsLeft = await db()
      .selectFrom("proposalRevisionTargetGroup")
      .select("programTargetGroupId")
      .where("proposalId", "=", proposal.id)
      .execute();
    expect(groupsLeft).toEqual([]);
    const version2 = await findProposalVersion(proposal.id, 2);
    expect(version2?.title).toBe(revised.title);
    expect(version2?.totals.totalFen).toBe(revisedTotals.totalFen);
    const reloaded = await loadProposal(proposal.id, { withRevision: true });
    expect(reloaded?.content.budgetLines[0]?.quantityHundredths).toBe(revised.budgetLines[0]?.quantityHundredths);
  });

  test("a resubmission the rules refuse leaves the revision and the version handed in as they were", async () => {
    const proposal = await returnedProposal();
    const loaded = await loadProposal(proposal.id, { withRevision: true });
    if (!loaded) throw new Error("proposal vanished");
    const withoutTargets = { ...loaded.content, title: `${loaded.content.title}（修订稿）`, indicatorTargets: [] };
    expect(
      (await saveDraft({ proposalId: proposal.id, userId: applicant.user.id, content: withoutTargets, audit: true }))
        .ok,
    ).toBe(true);
    const [revisionBefore] = await revisionRows(proposal.id);

    const result = await submitProposal({
      proposalId: proposal.id,
      user: { id: applicant.user.id, email: applicant.user.email },
      composeReceipt: (facts) => ({ subject: facts.number, text: facts.title }),
    });
    expect(result).toMatchObject({ ok: false, reason: "rules" });
    expect(await revisionRows(proposal.id)).toEqual([revisionBefore]);
    expect((await listRowOf(proposal.id))?.title).toBe(proposal.title);
    expect(await findProposalVersion(proposal.id, 2)).toBeUndefined();
  });

  test("withdrawing drops the revision not handed in; the rows keep version 1", async () => {
    const proposal = await returnedProposal();
    await revise(proposal.id);
    expect(await withdrawProposal({ proposalId: proposal.id, userId: applicant.user.id })).toEqual({ ok: true });
    expect(await revisionRows(proposal.id)).toEqual([]);
    const row = await db()
      .selectFrom("proposal")
      .select(["status", "title", "totalBudgetFen"])
      .where("id", "=", proposal.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "withdrawn", title: proposal.title, totalBudgetFen: proposal.totalBudgetFen });
  });
});

test("a draft never handed in is saved into its own rows, with no revision", async () => {
  const draft = await createProposal(db(), {
    programId,
    organizationId: applicant.organizationId,
    createdBy: applicant.user.id,
  });
  const loaded = await loadProposal(draft.id, { withRevision: true });
  if (!loaded) throw new Error("draft vanished");
  const content = { ...loaded.content, title: "长者食堂助餐志愿服务" };
  expect((await saveDraft({ proposalId: draft.id, userId: applicant.user.id, content, audit: false })).ok).toBe(true);
  const row = await db().selectFrom("proposal").select("title").where("id", "=", draft.id).executeTakeFirstOrThrow();
  expect(row.title).toBe("长者食堂助餐志愿服务");
  expect(await revisionRows(draft.id)).toEqual([]);
});
