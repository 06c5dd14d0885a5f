import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { readFormData, safeRedirectPath } from "~/lib/http";
import { optionalUser, redirectWithFlash } from "~/lib/session.server";
import { signOut } from "./accounts.server";

// Signing out changes state, so it is a POST; a GET (a typed or followed link) just goes home.
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await optionalUser(request);
  const form = await readFormData(request);
  const cookie = await signOut(request, user?.id ?? null);
  return redirectWithFlash(
    safeRedirectPath(form.get("redirectTo"), "/"),
    { kind: "info", message: "common:flash.signedOut" },
    { "Set-Cookie": cookie },
  );
}
