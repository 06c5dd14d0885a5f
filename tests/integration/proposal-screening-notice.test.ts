// The applicant reads why a proposal came back on its own pages, not only in the email.
import { describe, expect, test } from "vitest";
import { action as screenAction } from "~/features/proposals/manage-proposal.route";
import { loader as editLoader } from "~/features/proposals/proposal-edit.route";
import { loader as viewLoader } from "~/features/proposals/proposal-view.route";
import { db } from "~/lib/db.server";
import { createApplicant, createManager, createProgram, createProposal } from "../factories";
import { callRoute } from "../support/routes";

describe("the screening notice on the applicant's pages", () => {
  test("shows the return comment on the proposal and its edit form, and the ineligibility reason", async () => {
    const { user: manager, funderId } = await createManager(db());
    const program = await createProgram(db(), { funderId });
    const applicant = await createApplicant(db());
    const submitted = () =>
      createProposal(db(), {
        programId: program.id,
        organizationId: applicant.organizationId,
        createdBy: applicant.user.id,
        status: "submitted",
      });
    const screen = (proposalId: number, form: Record<string, string>) =>
      callRoute(screenAction, `/manage/proposals/${proposalId}`, {
        userId: manager.id,
        params: { proposalId: String(proposalId) },
        form,
      });
    const asApplicant = (loader: typeof viewLoader | typeof editLoader, path: string, proposalId: number) =>
      callRoute(loader, path, { userId: applicant.user.id, params: { proposalId: String(proposalId) } });

    const returned = await submitted();
    const comment = "请补充活动物资的测算依据。";
    expect((await screen(returned.id, { intent: "returned", comment })).status).toBe(302);
    const view = await asApplicant(viewLoader, `/proposals/${returned.id}`, returned.id);
    expect(view.data.screeningNotice).toMatchObject({ decision: "returned", comment });
    const edit = await asApplicant(editLoader, `/proposals/${returned.id}/edit`, returned.id);
    expect(edit.data.screeningNotice).toMatchObject({ decision: "returned", comment });

    const refused = await submitted();
    const reason = "申报单位不在本街道辖区内。";
    expect((await screen(refused.id, { intent: "ineligible", comment: reason })).status).toBe(302);
    const refusedView = await asApplicant(viewLoader, `/proposals/${refused.id}`, refused.id);
    expect(refusedView.data.screeningNotice).toMatchObject({ decision: "ineligible", comment: reason });
  });
});
