import { describe, expect, test } from "vitest";
import {
  canEditOrganization,
  canManageMembers,
  canSeeBankAccount,
  canViewOrganization,
  denialStatus,
  leavesNoOwner,
  type OrganizationActor,
} from "~/features/organizations/permissions";

const ORG = 7;
const actors: Record<string, OrganizationActor> = {
  owner: { userId: 1, isPlatformAdmin: false, organizations: [{ organizationId: ORG, role: "owner" }] },
  member: { userId: 2, isPlatformAdmin: false, organizations: [{ organizationId: ORG, role: "member" }] },
  ownerElsewhere: { userId: 3, isPlatformAdmin: false, organizations: [{ organizationId: 8, role: "owner" }] },
  manager: { userId: 4, isPlatformAdmin: false, organizations: [] },
  admin: { userId: 5, isPlatformAdmin: true, organizations: [] },
};

describe("organisation permissions", () => {
  test.each([
    // actor, view, edit, manage members, bank account
    ["owner", true, true, true, true],
    ["member", true, false, false, true],
    ["ownerElsewhere", false, false, false, false],
    ["manager", false, false, false, false],
    ["admin", true, false, false, false],
  ])("%s: view %s, edit %s, manage members %s, see bank account %s", (name, view, edit, manage, bank) => {
    const actor = actors[name]!;
    expect(canViewOrganization(actor, ORG)).toBe(view);
    expect(canEditOrganization(actor, ORG)).toBe(edit);
    expect(canManageMembers(actor, ORG)).toBe(manage);
    expect(canSeeBankAccount(actor, { id: ORG })).toBe(bank);
  });

  test.each([
    ["owner", null],
    ["member", 403],
    ["admin", 403],
    ["ownerElsewhere", 404],
    ["manager", 404],
  ])("editing as %s is answered with %s", (name, status) => {
    expect(denialStatus(actors[name]!, ORG, canEditOrganization)).toBe(status);
  });
});

describe("an organisation keeps an owner", () => {
  test.each([
    [{ role: "owner" as const }, { kind: "remove" as const }, 1, true],
    [{ role: "owner" as const }, { kind: "changeRole" as const, role: "member" as const }, 1, true],
    [{ role: "owner" as const }, { kind: "changeRole" as const, role: "owner" as const }, 1, false],
    [{ role: "owner" as const }, { kind: "remove" as const }, 2, false],
    [{ role: "owner" as const }, { kind: "changeRole" as const, role: "member" as const }, 2, false],
    [{ role: "member" as const }, { kind: "remove" as const }, 1, false],
  ])("%o after %o with %i owner(s) leaves none: %s", (target, change, owners, expected) => {
    expect(leavesNoOwner(target, change, owners)).toBe(expected);
  });
});
