// A POST whose body is not a form (a script sending JSON or text, a multipart body cut short) is answered 400, never
// with a 500 page, and changes nothing.
import type { ActionFunctionArgs } from "@remix-run/node";
import { describe, expect, test } from "vitest";
import { action as signInAction } from "~/features/auth/sign-in.route";
import { action as signOutAction } from "~/features/auth/sign-out.route";
import { action as languageAction } from "~/features/home/language.route";
import { action as editAction } from "~/features/proposals/proposal-edit.route";
import { db } from "~/lib/db.server";
import { createApplicant, createFunder, createProgram, createProposal } from "../factories";
import { BASE_URL, cookieFor } from "../support/routes";

type Action = (args: ActionFunctionArgs) => unknown;

async function post(
  action: Action,
  path: string,
  init: { body: string | Blob; contentType?: string; cookie?: string },
) {
  const headers = new Headers();
  if (init.contentType) headers.set("Content-Type", init.contentType);
  if (init.cookie) headers.set("Cookie", init.cookie);
  const request = new Request(`${BASE_URL}${path}`, { method: "POST", headers, body: init.body });
  try {
    await action({ request, params: {}, context: { cspNonce: "" } });
    throw new Error("the action accepted the body");
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    return thrown.status;
  }
}

const notForms = [
  ["JSON", '{"email":"a@example.cn"}', "application/json"],
  ["plain text", "email=a@example.cn", "text/plain"],
  // A Blob without a type, not a string: a string body gets text/plain added.
  ["no content type", new Blob(["email=a@example.cn"]), undefined],
] as const;

describe("bodies that are not forms", () => {
  test.each(notForms)(
    "%s posted to sign-in, sign-out or the language switch is answered 400",
    async (_what, body, type) => {
      expect(await post(signInAction, "/sign-in", { body, contentType: type })).toBe(400);
      expect(await post(signOutAction, "/sign-out", { body, contentType: type })).toBe(400);
      expect(await post(languageAction, "/language", { body, contentType: type })).toBe(400);
    },
  );

  test("a proposal save with a JSON body, a broken or oversized multipart body or a forged stash id changes nothing", async () => {
    const funder = await createFunder(db());
    const program = await createProgram(db(), { funderId: funder.id });
    const applicant = await createApplicant(db());
    const proposal = await createProposal(db(), {
      programId: program.id,
      organizationId: applicant.organizationId,
      createdBy: applicant.user.id,
    });
    const cookie = await cookieFor(applicant.user.id);
    const before = await db()
      .selectFrom("proposal")
      .selectAll()
      .where("id", "=", proposal.id)
      .executeTakeFirstOrThrow();
    const edit = (body: string, contentType: string) =>
      post(
        (args) => editAction({ ...args, params: { proposalId: String(proposal.id) } }),
        `/proposals/${proposal.id}/edit`,
        {
          body,
          contentType,
          cookie,
        },
      );

    expect(await edit('{"title":"改过的题目"}', "application/json")).toBe(400);
    const multipart = "multipart/form-data; boundary=x";
    const part = (name: string, value: string) =>
      `--x\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}`;
    // Cut short: no closing boundary.
    expect(await edit(part("title", "改过"), multipart)).toBe(400);
    // A text field longer than any form of ours posts (256 KB).
    expect(await edit(`${part("title", "长".repeat(100_000))}\r\n--x--\r\n`, multipart)).toBe(413);
    // A tampered stash id (ours are base64url): the save is refused before anything is written.
    expect(await edit(`${part("title", "改过")}\r\n${part("stashId", "x' or 1=1")}\r\n--x--\r\n`, multipart)).toBe(400);
    const after = await db().selectFrom("proposal").selectAll().where("id", "=", proposal.id).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });
});
