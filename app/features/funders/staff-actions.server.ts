// The invitation intents that both funder pages accept (the admin's /admin/funders/:id and the staff's own
// /manage/funders/:id), answered the same way on both: a redirect with a flash, or 400/409 with the form's errors.
import { data } from "@remix-run/node";
import type { TFunction } from "i18next";
import type { z } from "zod";
import { emailLinkOrigin } from "~/lib/env.server";
import type { Actor } from "~/lib/actor.server";
import type { FormValues } from "~/lib/form-data";
import { redirectWithFlash } from "~/lib/session.server";
import { inviteFunderManager, revokeFunderInvitation } from "./funders.server";
import type { FunderStaffActionSchema, StaffActionFailure } from "./schemas";

export interface StaffIntentContext {
  request: Request;
  actor: Actor;
  funder: { id: number; name: string };
  /** The page to come back to. */
  here: string;
  t: TFunction;
  values: FormValues;
}

export async function runStaffIntent(intent: z.output<typeof FunderStaffActionSchema>, context: StaffIntentContext) {
  const { actor, funder, here, t } = context;
  switch (intent.intent) {
    case "invite": {
      const outcome = await inviteFunderManager({
        funder,
        email: intent.email,
        invitedBy: { userId: actor.userId, name: actor.name },
        origin: emailLinkOrigin(context.request),
        t,
      });
      if (outcome === "invited") return redirectWithFlash(here, { kind: "success", message: "funders:flash.invited" });
      const message = outcome === "already_manager" ? "funders:errors.alreadyManager" : "funders:errors.alreadyInvited";
      return data<StaffActionFailure>(
        { intent: "invite", fieldErrors: { email: t(message) }, values: context.values },
        { status: 400 },
      );
    }
    case "revokeInvitation": {
      const outcome = await revokeFunderInvitation(funder.id, intent.invitationId, actor.userId);
      if (outcome === "revoked") {
        return redirectWithFlash(here, { kind: "success", message: "funders:flash.invitationRevoked" });
      }
      return data<StaffActionFailure>(
        { intent: "revokeInvitation", formError: t("funders:errors.invitationGone") },
        { status: 409 },
      );
    }
  }
}

/** The 400 answer for a form the schema refused, tagged with the intent so the page shows it on the right form. */
export function invalidStaffForm(
  formData: FormData,
  fieldErrors: StaffActionFailure["fieldErrors"],
  values: FormValues,
) {
  const intent = formData.get("intent");
  return data<StaffActionFailure>(
    { intent: typeof intent === "string" ? intent : "", fieldErrors, values },
    { status: 400 },
  );
}
