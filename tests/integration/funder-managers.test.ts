// Managers join a funder by invitation (from the admin, or from a colleague on the funder's own page), then work
// in the staff workspace. Staff of another funder cannot see or change the funder.
import { beforeAll, describe, expect, test } from "vitest";
import { action as adminFunderAction } from "~/features/admin/funder-edit.route";
import { action as staffAction, loader as staffLoader } from "~/features/funders/funder-staff.route";
import { loader as manageLoader } from "~/features/funders/manage-home.route";
import { acceptInvitation } from "~/features/invitations/invitations.server";
import { db } from "~/lib/db.server";
import { createApplicant, createFunder, createManager, createProgram, createProposal, createUser } from "../factories";
import { callRoute, countRows } from "../support/routes";

let adminId: number;
let funderId: number;

beforeAll(async () => {
  adminId = (await createUser(db(), { isPlatformAdmin: true })).id;
  funderId = (await createFunder(db(), { name: "合肥市庐阳区亳州路街道办事处" })).id;
});

async function pendingInvitation(email: string) {
  return db()
    .selectFrom("invitation")
    .selectAll()
    .where("email", "=", email)
    .where("acceptedAt", "is", null)
    .where("revokedAt", "is", null)
    .executeTakeFirst();
}

describe("inviting a manager from the admin page", () => {
  test("emails a link; once accepted, the new manager sees the funder and its programs in /manage", async () => {
    await createProgram(db(), { funderId, title: "2026年亳州路街道微公益创投" });
    const email = "new.manager@example.cn";
    const invitee = await createUser(db(), { email, name: "周敏" });
    const outboxBefore = await countRows("outboxMessage");

    const refusedBefore = await callRoute(manageLoader, "/manage", { userId: invitee.id });
    expect(refusedBefore.status).toBe(403);

    const invited = await callRoute(adminFunderAction, `/admin/funders/${funderId}`, {
      userId: adminId,
      params: { funderId: String(funderId) },
      form: { intent: "invite", email: " New.Manager@Example.cn " },
    });
    expect(invited.status).toBe(302);
    const invitation = await pendingInvitation(email);
    expect(invitation).toMatchObject({ kind: "funder_manager", funderId, invitedBy: adminId });
    expect(await countRows("outboxMessage")).toBe(outboxBefore + 1);
    const mail = await db().selectFrom("outboxMessage").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(mail.recipient).toBe(email);
    expect(mail.body).toContain("/invitations/");
    // Delivered after the commit (a no-op transport under test), so the outbox records it as sent.
    expect(mail.sentAt).not.toBeNull();

    expect(await acceptInvitation(invitation!.id, invitee.id)).toBe("accepted");

    const workspace = await callRoute<{ funders: { id: number; programs: { title: string; poolFen: number }[] }[] }>(
      manageLoader,
      "/manage",
      { userId: invitee.id },
    );
    expect(workspace.status).toBe(200);
    expect(workspace.data.funders.map((funder) => funder.id)).toEqual([funderId]);
    expect(workspace.data.funders[0]?.programs[0]).toMatchObject({
      title: "2026年亳州路街道微公益创投",
      poolFen: 25_000_000,
    });
  });

  test("refuses to invite someone who is already a manager, or already invited", async () => {
    const { user } = await createManager(db(), { funderId });
    const post = (email: string) =>
      callRoute<{ intent: string; fieldErrors: Record<string, string> }>(
        adminFunderAction,
        `/admin/funders/${funderId}`,
        {
          userId: adminId,
          params: { funderId: String(funderId) },
          form: { intent: "invite", email },
        },
      );
    const already = await post(user.email);
    expect(already.status).toBe(400);
    expect(already.data).toMatchObject({
      intent: "invite",
      fieldErrors: { email: "该邮箱的用户已是本单位的管理人员" },
    });

    expect((await post("twice@example.cn")).status).toBe(302);
    const invitations = await countRows("invitation");
    const again = await post("twice@example.cn");
    expect(again.status).toBe(400);
    expect(again.data.fieldErrors.email).toContain("已向该邮箱发出邀请");
    expect(await countRows("invitation")).toBe(invitations);
  });

  test("refuses an address that is not an email, writing nothing", async () => {
    const invitations = await countRows("invitation");
    const result = await callRoute<{ intent: string; fieldErrors: Record<string, string> }>(
      adminFunderAction,
      `/admin/funders/${funderId}`,
      { userId: adminId, params: { funderId: String(funderId) }, form: { intent: "invite", email: "not-an-email" } },
    );
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ intent: "invite", fieldErrors: { email: "请输入有效的电子邮箱地址" } });
    expect(await countRows("invitation")).toBe(invitations);
  });
});

describe("the funder's own staff page", () => {
  test("shows the funder's details, managers and pending invitations to its staff", async () => {
    const { user } = await createManager(db(), { funderId, name: "钱主任" });
    const result = await callRoute<{
      funder: { name: string };
      managers: { name: string }[];
      can: { invite: boolean };
    }>(staffLoader, `/manage/funders/${funderId}`, { userId: user.id, params: { funderId: String(funderId) } });
    expect(result.status).toBe(200);
    expect(result.data.funder.name).toBe("合肥市庐阳区亳州路街道办事处");
    expect(result.data.managers.map((manager) => manager.name)).toContain("钱主任");
    expect(result.data.can.invite).toBe(true);
  });

  test("lets a manager invite a colleague and revoke the invitation, each with its audit event", async () => {
    const { user } = await createManager(db(), { funderId });
    const path = `/manage/funders/${funderId}`;
    const invite = await callRoute(staffAction, path, {
      userId: user.id,
      params: { funderId: String(funderId) },
      form: { intent: "invite", email: "colleague@example.cn" },
    });
    expect(invite.status).toBe(302);
    const invitation = await pendingInvitation("colleague@example.cn");
    expect(invitation?.invitedBy).toBe(user.id);

    const revoke = await callRoute(staffAction, path, {
      userId: user.id,
      params: { funderId: String(funderId) },
      form: { intent: "revokeInvitation", invitationId: String(invitation!.id) },
    });
    expect(revoke.status).toBe(302);
    expect(await pendingInvitation("colleague@example.cn")).toBeUndefined();
    const actions = await db()
      .selectFrom("auditEvent")
      .select("action")
      .where("entityType", "=", "invitation")
      .where("entityId", "=", invitation!.id)
      .orderBy("id")
      .execute();
    expect(actions.map((row) => row.action)).toEqual(["invitation.created", "invitation.revoked"]);
  });

  test("staff cannot remove managers or edit the funder from their page", async () => {
    const { user } = await createManager(db(), { funderId });
    const colleague = await createManager(db(), { funderId });
    const result = await callRoute(staffAction, `/manage/funders/${funderId}`, {
      userId: user.id,
      params: { funderId: String(funderId) },
      form: { intent: "removeManager", userId: String(colleague.user.id) },
    });
    expect(result.status).toBe(400);
    const still = await db()
      .selectFrom("funderMember")
      .select("userId")
      .where("funderId", "=", funderId)
      .where("userId", "=", colleague.user.id)
      .executeTakeFirst();
    expect(still).toBeDefined();
  });

  test("a manager of another funder gets a 404 and cannot invite or revoke", async () => {
    const other = await createManager(db());
    const { id: invitationId } = (await db()
      .selectFrom("invitation")
      .select("id")
      .where("funderId", "=", funderId)
      .where("revokedAt", "is", null)
      .where("acceptedAt", "is", null)
      .executeTakeFirst()) ?? { id: 0 };
    const path = `/manage/funders/${funderId}`;
    const params = { funderId: String(funderId) };
    const invitations = await countRows("invitation");
    expect((await callRoute(staffLoader, path, { userId: other.user.id, params })).status).toBe(404);
    expect(
      (
        await callRoute(staffAction, path, {
          userId: other.user.id,
          params,
          form: { intent: "invite", email: "x@example.cn" },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await callRoute(staffAction, path, {
          userId: other.user.id,
          params,
          form: { intent: "revokeInvitation", invitationId: String(invitationId) },
        })
      ).status,
    ).toBe(404);
    expect(await countRows("invitation")).toBe(invitations);
  });

  test("an invitation id of another funder cannot be revoked through this funder's page", async () => {
    const otherFunder = await createFunder(db());
    const otherManager = await createManager(db(), { funderId: otherFunder.id });
    await callRoute(staffAction, `/manage/funders/${otherFunder.id}`, {
      userId: otherManager.user.id,
      params: { funderId: String(otherFunder.id) },
      form: { intent: "invite", email: "someone.else@example.cn" },
    });
    const foreign = await pendingInvitation("someone.else@example.cn");
    const { user } = await createManager(db(), { funderId });
    const result = await callRoute(staffAction, `/manage/funders/${funderId}`, {
      userId: user.id,
      params: { funderId: String(funderId) },
      form: { intent: "revokeInvitation", invitationId: String(foreign!.id) },
    });
    expect(result.status).toBe(409);
    expect(await pendingInvitation("someone.else@example.cn")).toBeDefined();
  });
});

describe("the staff workspace", () => {
  test("is refused to signed-in people who work for no funder, and sends signed-out visitors to sign in", async () => {
    const { user } = await createApplicant(db());
    expect((await callRoute(manageLoader, "/manage", { userId: user.id })).status).toBe(403);
    const signedOut = await callRoute(manageLoader, "/manage");
    expect(signedOut.status).toBe(302);
    expect(signedOut.location).toMatch(/^\/sign-in\?redirectTo=%2Fmanage/);
  });

  test("shows an empty funder with no programs", async () => {
    const funder = await createFunder(db());
    const { user } = await createManager(db(), { funderId: funder.id });
    const result = await callRoute<{ funders: { id: number; programs: unknown[] }[] }>(manageLoader, "/manage", {
      userId: user.id,
    });
    expect(result.data.funders).toEqual([expect.objectContaining({ id: funder.id, programs: [] })]);
  });

  test("counts the proposals each program has received, leaving out drafts and withdrawn ones", async () => {
    const funder = await createFunder(db());
    const { user } = await createManager(db(), { funderId: funder.id });
    const program = await createProgram(db(), { funderId: funder.id });
    for (const status of ["draft", "submitted", "submitted", "withdrawn"]) {
      const applicant = await createApplicant(db());
      await createProposal(db(), {
        programId: program.id,
        organizationId: applicant.organizationId,
        createdBy: applicant.user.id,
        status,
      });
    }
    const result = await callRoute<{ funders: { programs: { id: number; proposalCount: number }[] }[] }>(
      manageLoader,
      "/manage",
      {
        userId: user.id,
      },
    );
    expect(result.data.funders[0]?.programs).toEqual([expect.objectContaining({ id: program.id, proposalCount: 2 })]);
  });
});
