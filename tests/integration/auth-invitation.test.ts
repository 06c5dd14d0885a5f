import { describe, expect, test } from "vitest";
import { action as acceptAction, loader as invitationLoader } from "~/features/auth/invitation-accept.route";
import { action as signUpAction } from "~/features/auth/sign-up.route";
import { createInvitation } from "~/features/invitations/invitations.server";
import { db } from "~/lib/db.server";
import { translatorFor } from "~/lib/i18n/i18n.server";
import { createApplicant, createFunder, createInvitationLink, createOrganization, createUser } from "../factories";
import { callRoute, sessionCookieFrom } from "../support/routes";

const open = (token: string, options: { userId?: number; headers?: Record<string, string> } = {}) =>
  callRoute(invitationLoader, `/invitations/${token}`, { params: { token }, ...options });

const accept = (token: string, userId?: number) =>
  callRoute(acceptAction, `/invitations/${token}`, { params: { token }, form: {}, userId });

async function auditFor(invitationId: number) {
  return db()
    .selectFrom("auditEvent")
    .select(["action", "actorUserId", "funderId", "organizationId"])
    .where("entityType", "=", "invitation")
    .where("entityId", "=", invitationId)
    .execute();
}

describe("invitation acceptance", () => {
  test("a new funder manager signs up from the link and accepts", async () => {
    const admin = await createUser(db(), { isPlatformAdmin: true });
    const funder = await createFunder(db(), { name: "合肥市蜀山区南七街道办事处" });
    const invitation = await createInvitationLink(db(), {
      email: "new.manager@example.cn",
      invitedBy: admin.id,
      funderId: funder.id,
    });

    const signedOut = await open(invitation.token);
    expect(signedOut.status).toBe(200);
    expect(signedOut.data).toMatchObject({
      state: "signedOut",
      kind: "funder",
      target: "合肥市蜀山区南七街道办事处",
      email: "new.manager@example.cn",
      accountExists: false,
    });

    const signUp = await callRoute(signUpAction, "/sign-up", {
      form: {
        name: "张敏",
        email: "new.manager@example.cn",
        phone: "",
        password: "street-office-2026",
        confirmPassword: "street-office-2026",
        redirectTo: `/invitations/${invitation.token}`,
      },
    });
    expect(signUp.location).toBe(`/invitations/${invitation.token}`);
    const cookie = sessionCookieFrom(signUp.headers) ?? "";

    const page = await open(invitation.token, { headers: { Cookie: cookie } });
    expect(page.data.state).toBe("canAccept");

    const accepted = await callRoute(acceptAction, `/invitations/${invitation.token}`, {
      params: { token: invitation.token },
      form: {},
      headers: { Cookie: cookie },
    });
    expect(accepted.status).toBe(302);
    expect(accepted.location).toBe("/manage");
    expect(accepted.headers.getSetCookie().some((c) => c.startsWith("__flash="))).toBe(true);

    const manager = await db()
      .selectFrom("user")
      .select("id")
      .where("email", "=", "new.manager@example.cn")
      .executeTakeFirstOrThrow();
    const membership = await db().selectFrom("funderMember").selectAll().where("userId", "=", manager.id).execute();
    expect(membership).toMatchObject([{ funderId: funder.id }]);
    expect(await auditFor(invitation.id)).toEqual([
      { action: "invitation.accepted", actorUserId: manager.id, funderId: funder.id, organizationId: null },
    ]);

    // The link is spent.
    expect((await open(invitation.token, { headers: { Cookie: cookie } })).status).toBe(410);
  });

  test("an existing user joins an organisation as a member", async () => {
    const { user: owner, organizationId } = await createApplicant(db());
    const member = await createUser(db(), { email: "volunteer@example.cn" });
    const invitation = await createInvitationLink(db(), {
      email: "volunteer@example.cn",
      invitedBy: owner.id,
      organizationId,
    });

    const signedOut = await open(invitation.token);
    expect(signedOut.data).toMatchObject({ state: "signedOut", kind: "organization", accountExists: true });

    const accepted = await accept(invitation.token, member.id);
    expect(accepted.status).toBe(302);
    expect(accepted.location).toBe(`/organizations/${organizationId}`);
    const membership = await db()
      .selectFrom("organizationMember")
      .select(["organizationId", "role"])
      .where("userId", "=", member.id)
      .execute();
    expect(membership).toEqual([{ organizationId, role: "member" }]);
    expect(await auditFor(invitation.id)).toMatchObject([{ action: "invitation.accepted", organizationId }]);
  });

  test("someone signed in with another email is told so and cannot accept", async () => {
    const { user: owner, organizationId } = await createApplicant(db());
    const stranger = await createUser(db(), { email: "stranger@example.cn" });
    const invitation = await createInvitationLink(db(), {
      email: "invited@example.cn",
      invitedBy: owner.id,
      organizationId,
    });

    const page = await open(invitation.token, { userId: stranger.id });
    expect(page.data).toMatchObject({
      state: "wrongEmail",
      email: "invited@example.cn",
      current: "stranger@example.cn",
    });

    const refused = await accept(invitation.token, stranger.id);
    expect(refused.status).toBe(403);
    expect(refused.data.state).toBe("wrongEmail");
    const membership = await db()
      .selectFrom("organizationMember")
      .select("userId")
      .where("userId", "=", stranger.id)
      .execute();
    expect(membership).toEqual([]);
    const invitationRow = await db()
      .selectFrom("invitation")
      .select("acceptedAt")
      .where("id", "=", invitation.id)
      .executeTakeFirstOrThrow();
    expect(invitationRow.acceptedAt).toBeNull();
  });

  test("an expired or unknown link shows a clear message, and accepting it does nothing", async () => {
    const { user: owner, organizationId } = await createApplicant(db());
    const invitee = await createUser(db(), { email: "late@example.cn" });
    const expired = await createInvitationLink(db(), {
      email: "late@example.cn",
      invitedBy: owner.id,
      organizationId,
      expiresAt: new Date(Date.now() - 1000).toISOString(),
    });

    for (const token of [expired.token, "no-such-token"]) {
      const page = await open(token, { userId: invitee.id });
      expect(page.status).toBe(410);
      expect(page.data.state).toBe("gone");
    }
    const refused = await accept(expired.token, invitee.id);
    expect(refused.status).toBe(410);
    expect(await auditFor(expired.id)).toEqual([]);
  });

  test("a signed-out visitor pressing accept is sent to sign in first", async () => {
    const { user: owner, organizationId } = await createApplicant(db());
    const invitation = await createInvitationLink(db(), {
      email: "later@example.cn",
      invitedBy: owner.id,
      organizationId,
    });
    const result = await accept(invitation.token);
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/sign-in?redirectTo=${encodeURIComponent(`/invitations/${invitation.token}`)}`);
  });

  test("the invitation email is written from the auth dictionary", async () => {
    const inviter = await createUser(db(), { name: "王晓梅" });
    const organization = await createOrganization(db(), { name: "幸福社区银龄志愿服务队" });
    const { token } = await db()
      .transaction()
      .execute((trx) =>
        createInvitation(trx, {
          target: { kind: "organization_member", organizationId: organization.id, targetName: organization.name },
          email: "Friend@Example.cn",
          invitedBy: { userId: inviter.id, name: inviter.name },
          origin: "https://portal.example.cn",
          t: translatorFor("zh-CN"),
        }),
      );
    const email = await db()
      .selectFrom("outboxMessage")
      .selectAll()
      .where("recipient", "=", "friend@example.cn")
      .executeTakeFirstOrThrow();
    expect(email.subject).toBe("邀请您加入“幸福社区银龄志愿服务队”——微公益创投平台");
    expect(email.body).toContain("王晓梅 邀请您加入");
    expect(email.body).toContain(`https://portal.example.cn/invitations/${token}`);
  });
});
