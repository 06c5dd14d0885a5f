// The admin reads the audit log newest first, filtered by action, record type, actor and China-time dates, in
// keyset pages of 50; and reads the outbox.
import { beforeAll, describe, expect, test } from "vitest";
import { loader as auditLoader } from "~/features/admin/audit.route";
import { action as editAction } from "~/features/admin/funder-edit.route";
import { action as newAction } from "~/features/admin/funder-new.route";
import { loader as outboxLoader } from "~/features/admin/outbox.route";
import { action as programEditAction } from "~/features/programs/program-edit.route";
import { action as programNewAction } from "~/features/programs/program-new.route";
import { db } from "~/lib/db.server";
import { createAuditEvent, createManager, createUser } from "../factories";
import { programFormBody } from "../support/program-form";
import { callRoute } from "../support/routes";

interface AuditData {
  actions: string[];
  entityTypes: string[];
  events: {
    id: number;
    at: string;
    action: string;
    entityType: string;
    entityId: number | null;
    actorEmail: string | null;
    diff: { lines: { field: string; label: string; before?: string; after?: string }[]; hidden: number };
  }[];
  newer: number | null;
  older: number | null;
  unknownActor: boolean;
  fieldErrors: Record<string, string>;
}

let adminA: { id: number; email: string };
let adminB: { id: number; email: string };
let funderId: number;
let lateOnFirst: number;
let earlyOnSecond: number;

const funderForm = {
  name: "合肥市瑶海区明光路街道办事处",
  kind: "street_office",
  province: "安徽省",
  city: "合肥市",
  district: "瑶海区",
  street: "明光路街道",
  contactName: "孙主任",
  contactPhone: "13905510123",
};

const audit = (query: string, userId = adminA.id, headers?: Record<string, string>) =>
  callRoute<AuditData>(auditLoader, `/admin/audit${query}`, { userId, headers });

beforeAll(async () => {
  adminA = await createUser(db(), { isPlatformAdmin: true, email: "audit.a@example.cn" });
  adminB = await createUser(db(), { isPlatformAdmin: true, email: "audit.b@example.cn" });
  const created = await callRoute(newAction, "/admin/funders/new", { userId: adminA.id, form: funderForm });
  funderId = Number(created.location?.split("/").pop());
  await callRoute(editAction, `/admin/funders/${funderId}`, {
    userId: adminB.id,
    params: { funderId: String(funderId) },
    form: { ...funderForm, intent: "update", contactName: "李主任" },
  });
  // 23:59:59 on 1 March and 00:00:00 on 2 March, Beijing time.
  lateOnFirst = (
    await createAuditEvent(db(), {
      action: "program.opened",
      entityType: "program",
      entityId: 7,
      actorUserId: adminB.id,
      at: "2026-03-01T15:59:59.000Z",
    })
  ).id;
  earlyOnSecond = (
    await createAuditEvent(db(), {
      action: "program.opened",
      entityType: "program",
      entityId: 8,
      actorUserId: adminB.id,
      at: "2026-03-01T16:00:00.000Z",
    })
  ).id;
});

describe("filters", () => {
  test("by action returns only that action's events", async () => {
    const result = await audit("?action=funder.created");
    expect(result.status).toBe(200);
    expect(result.data.events.map((event) => [event.action, event.entityId, event.actorEmail])).toEqual([
      ["funder.created", funderId, adminA.email],
    ]);
  });

  test("by actor email returns that person's events, newest first, whatever case the email is typed in", async () => {
    const result = await audit("?actor=AUDIT.B%40example.cn");
    expect(result.data.events.map((event) => event.action)).toEqual([
      "funder.updated",
      "program.opened",
      "program.opened",
    ]);
    expect(result.data.events.every((event) => event.actorEmail === adminB.email)).toBe(true);
    const ats = result.data.events.map((event) => event.at);
    expect([...ats].sort().reverse()).toEqual(ats);
  });

  test("by an email nobody uses shows no events and says so", async () => {
    const result = await audit("?actor=nobody%40example.cn");
    expect(result.data.events).toEqual([]);
    expect(result.data.unknownActor).toBe(true);
  });

  test("by record type", async () => {
    const result = await audit("?entityType=program");
    expect(result.data.events.map((event) => event.id)).toEqual([earlyOnSecond, lateOnFirst]);
  });

  test.each([
    ["2026-03-01", "2026-03-01", "lateOnFirst"],
    ["2026-03-02", "2026-03-02", "earlyOnSecond"],
    ["2026-03-01", "2026-03-02", "both"],
  ])("by Beijing dates %s to %s", async (from, to, expected) => {
    const result = await audit(`?entityType=program&from=${from}&to=${to}`);
    const ids = { lateOnFirst: [lateOnFirst], earlyOnSecond: [earlyOnSecond], both: [earlyOnSecond, lateOnFirst] }[
      expected
    ];
    expect(result.data.events.map((event) => event.id)).toEqual(ids);
  });

  test("combine: action, actor and dates together", async () => {
    const result = await audit(`?action=program.opened&actor=${encodeURIComponent(adminB.email)}&from=2026-03-02`);
    expect(result.data.events.map((event) => event.id)).toEqual([earlyOnSecond]);
  });

  test("a range that ends before it starts is refused next to the end date, with no events", async () => {
    const result = await audit("?from=2026-03-02&to=2026-03-01");
    expect(result.data.fieldErrors.to).toBe("结束日期不能早于开始日期");
    expect(result.data.events).toEqual([]);
  });

  test("offers the distinct actions and record types from the log, in order", async () => {
    const result = await audit("");
    expect(result.data.actions).toEqual(["funder.created", "funder.updated", "program.opened"]);
    expect(result.data.entityTypes).toEqual(["funder", "program"]);
  });

  test("keeps a filter value no event has yet in its dropdown, so the page shows what it filters by", async () => {
    const result = await audit("?entityType=proposal&action=proposal.submitted");
    expect(result.data.events).toEqual([]);
    expect(result.data.entityTypes).toEqual(["funder", "program", "proposal"]);
    expect(result.data.actions).toEqual(["funder.created", "funder.updated", "program.opened", "proposal.submitted"]);
  });

  test("shows only the fields an edit changed, labelled in the reader's language", async () => {
    const result = await audit("?action=funder.updated");
    expect(result.data.events[0]?.diff.lines).toEqual([
      { field: "contactName", label: "联系人", before: "孙主任", after: "李主任" },
    ]);
  });
});

describe("keyset pages", () => {
  test("walks 60 events in pages of 50 and back", async () => {
    const base = Date.parse("2025-06-01T00:00:00.000Z");
    for (let index = 0; index < 60; index += 1) {
      // Pairs share an instant, so the id has to break the tie for no event to be skipped or repeated.
      await createAuditEvent(db(), {
        action: "bulk.touched",
        entityType: "bulk",
        at: new Date(base + Math.floor(index / 2) * 1000).toISOString(),
      });
    }
    const first = await audit("?action=bulk.touched");
    expect(first.data.events).toHaveLength(50);
    expect(first.data.newer).toBeNull();
    expect(first.data.older).toBe(first.data.events[49]?.id);

    const second = await audit(`?action=bulk.touched&before=${first.data.older}`);
    expect(second.data.events).toHaveLength(10);
    expect(second.data.older).toBeNull();
    const seen = new Set([...first.data.events, ...second.data.events].map((event) => event.id));
    expect(seen.size).toBe(60);

    const back = await audit(`?action=bulk.touched&after=${second.data.newer}`);
    expect(back.data.events.map((event) => event.id)).toEqual(first.data.events.map((event) => event.id));
    expect(back.data.newer).toBeNull();
  });
});

describe("access", () => {
  test("is for platform admins only", async () => {
    const user = await createUser(db());
    expect((await audit("", user.id)).status).toBe(403);
    const signedOut = await callRoute(auditLoader, "/admin/audit");
    expect(signedOut.location).toMatch(/^\/sign-in/);
  });
});

describe("the outbox", () => {
  test("lists the messages newest first with their bodies, so a reset link can be read without SMTP", async () => {
    await callRoute(editAction, `/admin/funders/${funderId}`, {
      userId: adminA.id,
      params: { funderId: String(funderId) },
      form: { intent: "invite", email: "outbox.reader@example.cn" },
    });
    const result = await callRoute<{ messages: { recipient: string; body: string; sentAt: string | null }[] }>(
      outboxLoader,
      "/admin/outbox",
      { userId: adminA.id },
    );
    expect(result.status).toBe(200);
    expect(result.data.messages[0]?.recipient).toBe("outbox.reader@example.cn");
    expect(result.data.messages[0]?.body).toMatch(/\/invitations\/[\w-]+/);
  });
});

describe("the changes column", () => {
  // Last in the file: the filter tests count the events in the log.
  test("reads statuses, money and instants in the reader's language, not as stored", async () => {
    await createAuditEvent(db(), {
      action: "proposal.resubmitted",
      entityType: "proposal",
      entityId: 41,
      actorUserId: adminA.id,
      before: { status: "returned" },
      after: { status: "submitted", version: 2, grantRequestedFen: 350000 },
    });
    const zh = await audit("?action=proposal.resubmitted");
    expect(zh.data.events[0]?.diff.lines).toEqual([
      { field: "status", label: "状态", before: "退回修改", after: "已提交" },
      { field: "version", label: "版本", before: "—", after: "2" },
      { field: "grantRequestedFen", label: "申请资助金额", before: "—", after: "¥3,500.00" },
    ]);
    const en = await audit("?action=proposal.resubmitted", adminA.id, { "Accept-Language": "en" });
    expect(en.data.events[0]?.diff.lines[0]).toEqual({
      field: "status",
      label: "Status",
      before: "Returned for revision",
      after: "Submitted",
    });
    expect(en.data.events[0]?.diff.lines[2]).toMatchObject({ label: "Grant requested", after: "¥3,500.00" });
  });

  test("reads a program's lists item by item: labels for codes, each focus area with its quota", async () => {
    const { user, funderId } = await createManager(db());
    const created = await callRoute(programNewAction, `/manage/programs/new?funderId=${funderId}`, {
      userId: user.id,
      form: programFormBody(),
    });
    const programId = created.location?.split("/").pop() ?? "";
    const edited = await callRoute(programEditAction, `/manage/programs/${programId}/edit`, {
      userId: user.id,
      params: { programId },
      form: programFormBody({ prohibitedCategories: ["taxes", "other"], "categories.0.quota": "6" }),
    });
    expect(edited.status).toBe(302);

    const zh = await audit("?action=program.updated");
    expect(zh.data.events[0]?.diff.lines).toEqual([
      {
        field: "prohibitedCategories",
        label: "资助资金不得用于",
        before: "固定资产购置、直接发放现金或慰问品、公务接待",
        after: "税费、其他",
      },
      {
        field: "categories",
        label: "关注领域",
        before: "为老服务（名额 4）、儿童关爱",
        after: "为老服务（名额 6）、儿童关爱",
      },
    ]);
    const en = await audit("?action=program.updated", adminA.id, { "Accept-Language": "en" });
    expect(en.data.events[0]?.diff.lines[0]).toMatchObject({
      before: "Fixed assets, Cash or gifts handed to beneficiaries, Official hospitality",
      after: "Taxes, Other",
    });
  });
});
