import { describe, expect, test } from "vitest";
import { canAdminister, canSetPlatformAdmin } from "~/features/admin/permissions";
import {
  canEditFunder,
  canInviteManagers,
  canRemoveManagers,
  canUseStaffWorkspace,
  canViewFunderAsStaff,
} from "~/features/funders/permissions";

const admin = { userId: 1, isPlatformAdmin: true, funderIds: [] };
const staffOf7 = { userId: 2, isPlatformAdmin: false, funderIds: [7] };
const staffOf8 = { userId: 3, isPlatformAdmin: false, funderIds: [8] };
const nobody = { userId: 4, isPlatformAdmin: false, funderIds: [] };

describe("funder permissions (funder 7)", () => {
  test.each([
    ["admin", admin, { workspace: false, view: false, invite: true, edit: true, remove: true }],
    ["staff of funder 7", staffOf7, { workspace: true, view: true, invite: true, edit: false, remove: false }],
    ["staff of another funder", staffOf8, { workspace: true, view: false, invite: false, edit: false, remove: false }],
    ["someone with no funder", nobody, { workspace: false, view: false, invite: false, edit: false, remove: false }],
  ])("%s", (_who, actor, expected) => {
    expect({
      workspace: canUseStaffWorkspace(actor),
      view: canViewFunderAsStaff(actor, 7),
      invite: canInviteManagers(actor, 7),
      edit: canEditFunder(actor),
      remove: canRemoveManagers(actor),
    }).toEqual(expected);
  });
});

describe("admin permissions", () => {
  test.each([
    ["an admin grants another user", admin, 9, true, true],
    ["an admin revokes another admin", admin, 9, false, true],
    ["an admin revokes themselves", admin, 1, false, false],
    ["an admin grants themselves (already one: harmless)", admin, 1, true, true],
    ["a non-admin grants themselves", nobody, 4, true, false],
    ["a non-admin revokes an admin", staffOf7, 1, false, false],
  ])("%s → %s", (_case, actor, target, grant, allowed) => {
    expect(canSetPlatformAdmin(actor, target, grant)).toBe(allowed);
  });

  test("only the admin flag opens the admin pages", () => {
    expect([admin, staffOf7, nobody].map(canAdminister)).toEqual([true, false, false]);
  });
});
