import { describe, expect, test } from "vitest";
import { authLink } from "~/features/auth/links";
import { AccountActionSchema, SignUpSchema, withoutSecrets } from "~/features/auth/schemas";

const valid = {
  name: "陈思远",
  email: "Chen.SiYuan@Example.CN",
  phone: "",
  password: "correct horse 1",
  confirmPassword: "correct horse 1",
};

function firstMessages(input: Record<string, unknown>) {
  const result = SignUpSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(
    result.error.issues.map((issue) => [issue.path.join("."), issue.code === "custom" ? issue.message : issue.code]),
  );
}

describe("SignUpSchema", () => {
  test("stores the email trimmed and in lower case, and an empty phone as null", () => {
    const result = SignUpSchema.parse({ ...valid, email: "  Chen.SiYuan@Example.CN " });
    expect(result.email).toBe("chen.siyuan@example.cn");
    expect(result.phone).toBeNull();
  });

  test.each([
    { typed: "13965010003", stored: "13965010003" },
    { typed: "139 6501 0003", stored: "13965010003" },
    { typed: "+86 139-6501-0003", stored: "13965010003" },
    { typed: "１３９６５０１０００３", stored: "13965010003" },
  ])("accepts the mobile number $typed as $stored", ({ typed, stored }) => {
    expect(SignUpSchema.parse({ ...valid, phone: typed }).phone).toBe(stored);
  });

  test.each([
    {
      case: "a short password",
      input: { password: "short1", confirmPassword: "short1" },
      field: "password",
      problem: "too_small",
    },
    {
      case: "passwords that differ",
      input: { confirmPassword: "something else" },
      field: "confirmPassword",
      problem: "auth:errors.passwordMismatch",
    },
    { case: "a landline", input: { phone: "0551-6510003" }, field: "phone", problem: "validation:mobile" },
    { case: "a 10-digit mobile", input: { phone: "1396501000" }, field: "phone", problem: "validation:mobile" },
    { case: "an invalid email", input: { email: "chen@" }, field: "email", problem: "invalid_format" },
    { case: "a blank name", input: { name: "   " }, field: "name", problem: "too_small" },
  ])("refuses $case", ({ input, field, problem }) => {
    expect(firstMessages({ ...valid, ...input })[field]).toBe(problem);
  });
});

describe("AccountActionSchema", () => {
  test.each([
    { intent: "profile", input: { name: "王晓梅", phone: "13905510001" }, ok: true },
    {
      intent: "password",
      input: { currentPassword: "x", newPassword: "0123456789", confirmPassword: "0123456789" },
      ok: true,
    },
    {
      intent: "password",
      input: { currentPassword: "", newPassword: "0123456789", confirmPassword: "0123456789" },
      ok: false,
    },
    { intent: "signOutEverywhere", input: {}, ok: true },
    { intent: "deleteAccount", input: {}, ok: false },
  ])("$intent with $input → $ok", ({ intent, input, ok }) => {
    expect(AccountActionSchema.safeParse({ intent, ...input }).success).toBe(ok);
  });
});

test("withoutSecrets drops every password field and keeps the rest", () => {
  expect(
    withoutSecrets({
      name: "陈思远",
      email: "a@b.cn",
      password: "p",
      confirmPassword: "p",
      currentPassword: "c",
      newPassword: "n",
    }),
  ).toEqual({ name: "陈思远", email: "a@b.cn" });
});

test.each([
  { params: {}, href: "/sign-in" },
  { params: { redirectTo: "" }, href: "/sign-in" },
  {
    params: { redirectTo: "/invitations/abc", email: "li@example.cn" },
    href: "/sign-in?redirectTo=%2Finvitations%2Fabc&email=li%40example.cn",
  },
])("authLink($params)", ({ params, href }) => {
  expect(authLink("/sign-in", params)).toBe(href);
});
