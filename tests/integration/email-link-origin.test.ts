// Links in emails start with PUBLIC_URL, whatever Host the request that caused them named. Behind the express
// adapter a request's URL is built from its Host header, which the sender chooses: this is the "password reset
// poisoning" attack, where the victim's reset link, token and all, would lead to the attacker's site. The same
// holds for invitations (they carry a token too) and screening decisions.
import type { ActionFunctionArgs } from "@remix-run/node";
import { vi, describe, expect, test } from "vitest";

vi.hoisted(() => {
  process.env.PUBLIC_URL = "https://gongyi.example.cn";
});

import { action as forgotAction } from "~/features/auth/forgot-password.route";
import { action as membersAction } from "~/features/organizations/organization-members.route";
import { action as screeningAction } from "~/features/proposals/manage-proposal.route";
import { db } from "~/lib/db.server";
import { flushOutbox } from "~/lib/mail.server";
import { createApplicant, createManager, createProgram, createProposal, createUser } from "../factories";
import { cookieFor } from "../support/routes";

/** A form post as the express adapter hands it on when the sender wrote `Host: attacker.example`. */
async function postUnderForgedHost(
  action: (args: ActionFunctionArgs) => unknown,
  path: string,
  form: Record<string, string>,
  options: { userId?: number; params?: Record<string, string> } = {},
) {
  const headers = new Headers({ Host: "attacker.example" });
  if (options.userId !== undefined) headers.set("Cookie", await cookieFor(options.userId));
  const request = new Request(`http://attacker.example${path}`, {
    method: "POST",
    headers,
    body: new URLSearchParams(form),
  });
  try {
    return await action({ request, params: options.params ?? {}, context: { cspNonce: "" } });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  } finally {
    await flushOutbox();
  }
}

async function emailTo(recipient: string) {
  const email = await db()
    .selectFrom("outboxMessage")
    .select("body")
    .where("recipient", "=", recipient)
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
  expect(email.body).not.toContain("attacker.example");
  return email.body;
}

describe("links in emails caused by a request under a forged Host header", () => {
  test("a password reset link points at PUBLIC_URL", async () => {
    await createUser(db(), { email: "poisoned@example.cn" });
    await postUnderForgedHost(forgotAction, "/forgot-password", { email: "poisoned@example.cn" });
    expect(await emailTo("poisoned@example.cn")).toMatch(
      /https:\/\/gongyi\.example\.cn\/reset-password\/[A-Za-z0-9_-]{20,}/,
    );
  });

  test("an invitation link points at PUBLIC_URL", async () => {
    const { user, organizationId } = await createApplicant(db());
    await postUnderForgedHost(
      membersAction,
      `/organizations/${organizationId}/members`,
      { intent: "invite", email: "invitee@example.cn" },
      { userId: user.id, params: { organizationId: String(organizationId) } },
    );
    expect(await emailTo("invitee@example.cn")).toMatch(
      /https:\/\/gongyi\.example\.cn\/invitations\/[A-Za-z0-9_-]{20,}/,
    );
  });

  test("a screening decision's link points at PUBLIC_URL", async () => {
    const { user: manager, funderId } = await createManager(db());
    const program = await createProgram(db(), { funderId });
    const applicant = await createApplicant(db(), { email: "returned@example.cn" });
    const proposal = await createProposal(db(), {
      programId: program.id,
      organizationId: applicant.organizationId,
      createdBy: applicant.user.id,
      status: "submitted",
    });
    await postUnderForgedHost(
      screeningAction,
      `/manage/proposals/${proposal.id}`,
      { intent: "returned", comment: "请补充预算依据。" },
      { userId: manager.id, params: { proposalId: String(proposal.id) } },
    );
    expect(await emailTo("returned@example.cn")).toContain(`https://gongyi.example.cn/proposals/${proposal.id}`);
  });
});
