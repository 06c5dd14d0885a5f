import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { isLanguage } from "~/lib/i18n/config";
import { languageCookie } from "~/lib/i18n/i18n.server";
import { readFormData, safeRedirectPath } from "~/lib/http";

// Switching language keeps the visitor on the page they were reading.
export async function action({ request }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const language = form.get("language");
  const redirectTo = safeRedirectPath(form.get("redirectTo"));
  if (!isLanguage(language)) return redirect(redirectTo);
  return redirect(redirectTo, { headers: { "Set-Cookie": await languageCookie.serialize(language) } });
}

export async function loader() {
  return redirect("/");
}
