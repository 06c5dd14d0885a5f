import type { LoaderFunctionArgs } from "@remix-run/node";
import { assertFound, idParam } from "~/lib/http";
import { requireProposalAccess } from "./access.server";
import { attachmentResponse, findAttachment } from "./attachments.server";
import { canDownloadAttachment } from "./permissions";

// Attachments are never public files: each download checks that the user may see the proposal.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access } = await requireProposalAccess(request, params, canDownloadAttachment);
  const attachment = assertFound(await findAttachment(access.id, idParam(params.attachmentId)));
  return attachmentResponse(attachment);
}
