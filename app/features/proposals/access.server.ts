// The first three steps of every proposal page and action: who is asking, which proposal, may they. Whether a
// proposal exists is private: someone who may not see it gets a 404; someone who may see it but not do this, a 403.
import type { Params } from "@remix-run/react";
import { type Actor, requireActor } from "~/lib/actor.server";
import { forbidden, idParam, notFound } from "~/lib/http";
import { canViewProposal, type ProposalAccess } from "./permissions";
import { findProposalAccess } from "./proposals.server";

export async function requireProposalAccess(
  request: Request,
  params: Params,
  allowed: (actor: Actor, proposal: ProposalAccess) => boolean = canViewProposal,
) {
  const actor = await requireActor(request);
  const proposalId = idParam(params.proposalId);
  const access = await findProposalAccess(proposalId);
  if (!access || !canViewProposal(actor, access)) notFound();
  if (!allowed(actor, access)) forbidden();
  return { actor, access };
}
