// The first three steps of every organisation page and action: who is asking, which organisation, may they.
import type { Params } from "@remix-run/react";
import { requireActor } from "~/lib/actor.server";
import { assertFound, forbidden, idParam, notFound } from "~/lib/http";
import { findOrganizationById } from "./organizations.server";
import { denialStatus, type OrganizationActor } from "./permissions";

/** The route's organisation, or the 404 (outsiders, unknown ids) or 403 (members without the right) it owes. */
export async function requireOrganizationAccess(
  request: Request,
  params: Params,
  allowed: (actor: OrganizationActor, organizationId: number) => boolean,
) {
  const actor = await requireActor(request);
  const id = idParam(params.organizationId);
  const denial = denialStatus(actor, id, allowed);
  if (denial === 404) notFound();
  if (denial === 403) forbidden();
  const organization = assertFound(await findOrganizationById(id));
  return { actor, organization };
}
