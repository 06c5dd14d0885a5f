// Owners invite people by email, revoke invitations, change roles and remove members; an organisation always
// keeps an owner.
import { describe, expect, test } from "vitest";
import { action as membersAction, loader as membersLoader } from "~/features/organizations/organization-members.route";
import { createInvitation } from "~/features/invitations/invitations.server";
import { translatorFor } from "~/lib/i18n/i18n.server";
import { db } from "~/lib/db.server";
import { addOrganizationMember, createApplicant, createUser } from "../factories";
import { callRoute, countRows } from "../support/routes";

async function organizationWithOwner() {
  const { user, organizationId } = await createApplicant(db());
  const path = `/organizations/${organizationId}/members`;
  const post = (form: Record<string, string>, userId = user.id, headers?: Record<string, string>) =>
    callRoute(membersAction, path, { userId, params: { organizationId: String(organizationId) }, form, headers });
  return { owner: user, organizationId, path, post };
}

async function membership(organizationId: number, userId: number) {
  return db()
    .selectFrom("organizationMember")
    .select("role")
    .where("organizationId", "=", organizationId)
    .where("userId", "=", userId)
    .executeTakeFirst();
}

async function auditActions(organizationId: number) {
  const rows = await db()
    .selectFrom("auditEvent")
    .select("action")
    .where("organizationId", "=", organizationId)
    .orderBy("id")
    .execute();
  return rows.map((row) => row.action);
}

describe("inviting members", () => {
  test("an invitation writes its row and an email with the link, delivered after commit", async () => {
    const { owner, organizationId, path, post } = await organizationWithOwner();
    const result = await post({ intent: "invite", email: " New.Member@Example.cn " });
    expect(result.status).toBe(302);
    expect(result.location).toBe(path);

    const invitation = await db()
      .selectFrom("invitation")
      .selectAll()
      .where("organizationId", "=", organizationId)
      .executeTakeFirstOrThrow();
    expect(invitation).toMatchObject({ kind: "organization_member", email: "new.member@example.cn", acceptedAt: null });
    const email = await db()
      .selectFrom("outboxMessage")
      .selectAll()
      .where("recipient", "=", "new.member@example.cn")
      .executeTakeFirstOrThrow();
    expect(email.body).toMatch(/http:\/\/localhost\/invitations\/[\w-]+/);
    expect(email.sentAt).not.toBeNull();
    expect(await auditActions(organizationId)).toEqual(["invitation.created"]);

    const page = await callRoute(membersLoader, path, {
      userId: owner.id,
      params: { organizationId: String(organizationId) },
    });
    expect(page.data.invitations).toEqual([
      expect.objectContaining({ id: invitation.id, email: "new.member@example.cn" }),
    ]);
  });

  test("refuses a bad email, a current member and a second pending invitation next to the field", async () => {
    const { organizationId, post } = await organizationWithOwner();
    const member = await createUser(db(), { email: "already@example.cn" });
    await addOrganizationMember(db(), organizationId, member.id);
    const before = { invitations: await countRows("invitation"), outbox: await countRows("outboxMessage") };

    const bad = await post({ intent: "invite", email: "not-an-email" });
    expect(bad.status).toBe(400);
    expect(bad.data.fieldErrors.email).toBe("请输入有效的电子邮箱地址");

    const existing = await post({ intent: "invite", email: "Already@example.cn" }, undefined, {
      "Accept-Language": "en",
    });
    expect(existing.status).toBe(400);
    expect(existing.data.fieldErrors.email).toMatch(/already a member/);
    expect({ invitations: await countRows("invitation"), outbox: await countRows("outboxMessage") }).toEqual(before);

    expect((await post({ intent: "invite", email: "twice@example.cn" })).status).toBe(302);
    const second = await post({ intent: "invite", email: "twice@example.cn" });
    expect(second.status).toBe(400);
    expect(second.data.fieldErrors.email).toContain("已向该邮箱发出邀请");
    expect(await countRows("invitation")).toBe(before.invitations + 1);
  });

  test("revokes its own pending invitation, but not another organisation's", async () => {
    const first = await organizationWithOwner();
    const second = await organizationWithOwner();
    const t = translatorFor("zh-CN");
    const invite = (organizationId: number, invitedBy: { userId: number; name: string }) =>
      db()
        .transaction()
        .execute((trx) =>
          createInvitation(trx, {
            target: { kind: "organization_member", organizationId, targetName: "测试组织" },
            email: "invitee@example.cn",
            invitedBy,
            origin: "http://localhost",
            t,
          }),
        );
    const own = await invite(first.organizationId, { userId: first.owner.id, name: first.owner.name });
    const foreign = await invite(second.organizationId, { userId: second.owner.id, name: second.owner.name });

    const refused = await first.post({ intent: "revoke", invitationId: String(foreign.id) });
    expect(refused.status).toBe(400);
    const revokedAt = (id: number) =>
      db().selectFrom("invitation").select("revokedAt").where("id", "=", id).executeTakeFirstOrThrow();
    expect((await revokedAt(foreign.id)).revokedAt).toBeNull();

    const revoked = await first.post({ intent: "revoke", invitationId: String(own.id) });
    expect(revoked.status).toBe(302);
    expect((await revokedAt(own.id)).revokedAt).not.toBeNull();
    expect(await auditActions(first.organizationId)).toEqual(["invitation.created", "invitation.revoked"]);
  });

  test("a tampered button body is a bad request", async () => {
    const { post } = await organizationWithOwner();
    expect((await post({ intent: "remove", userId: "everyone" })).status).toBe(400);
    expect((await post({ intent: "changeRole", userId: "1", role: "admin" })).status).toBe(400);
  });
});

describe("managing members", () => {
  test("the owner removes a member", async () => {
    const { organizationId, post } = await organizationWithOwner();
    const member = await createUser(db());
    await addOrganizationMember(db(), organizationId, member.id);
    const result = await post({ intent: "remove", userId: String(member.id) });
    expect(result.status).toBe(302);
    expect(await membership(organizationId, member.id)).toBeUndefined();
    expect(await auditActions(organizationId)).toEqual(["organization.member_removed"]);
  });

  test("the last owner can be neither removed nor demoted, and nothing is written", async () => {
    const { owner, organizationId, post } = await organizationWithOwner();
    const before = await countRows("auditEvent");
    const removed = await post({ intent: "remove", userId: String(owner.id) });
    expect(removed.status).toBe(400);
    expect(removed.data.formError).toContain("至少要有一名管理员");
    const demoted = await post({ intent: "changeRole", userId: String(owner.id), role: "member" }, owner.id, {
      "Accept-Language": "en",
    });
    expect(demoted.status).toBe(400);
    expect(demoted.data.formError).toMatch(/at least one owner/);
    expect(await membership(organizationId, owner.id)).toEqual({ role: "owner" });
    expect(await countRows("auditEvent")).toBe(before);
  });

  test("after making a member an owner, the first owner may step down and be removed", async () => {
    const { owner, organizationId, post } = await organizationWithOwner();
    const member = await createUser(db());
    await addOrganizationMember(db(), organizationId, member.id);

    expect((await post({ intent: "changeRole", userId: String(member.id), role: "owner" })).status).toBe(302);
    expect(await membership(organizationId, member.id)).toEqual({ role: "owner" });
    expect((await post({ intent: "changeRole", userId: String(owner.id), role: "member" })).status).toBe(302);
    // The first owner is now a plain member and has lost the right to manage members.
    expect((await post({ intent: "remove", userId: String(member.id) })).status).toBe(403);
    expect((await post({ intent: "remove", userId: String(owner.id) }, member.id)).status).toBe(302);
    expect(await membership(organizationId, owner.id)).toBeUndefined();
    expect(await auditActions(organizationId)).toEqual([
      "organization.member_role_changed",
      "organization.member_role_changed",
      "organization.member_removed",
    ]);
  });

  test("removing someone who is not a member says so", async () => {
    const { post } = await organizationWithOwner();
    const stranger = await createUser(db());
    const result = await post({ intent: "remove", userId: String(stranger.id) });
    expect(result.status).toBe(400);
    expect(result.data.formError).toContain("已不是本组织成员");
  });
});
