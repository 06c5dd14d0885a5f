// Proposal attachments: read from a multipart form with a size cap per file, typed from their bytes (file-type),
// never from the name or the browser's word, stored under UPLOAD_DIR with a generated name, and served only through
// the download route after a permission check.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import {
  createReadableStreamFromReadable,
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { fileTypeFromBuffer } from "file-type";
import { recordAudit } from "~/lib/audit.server";
import { db, type Executor } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { badRequest, readFormData } from "~/lib/http";
import { nowIso } from "~/lib/time";
import {
  ATTACHMENT_FIELD,
  allowedAttachmentTypes,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_PROPOSAL,
} from "./attachment-limits";
import { listAttachments, lockProposalRow } from "./proposals.server";

// The whole body may carry the maximum number of files plus the form's text.
const MAX_BODY_BYTES = MAX_ATTACHMENTS_PER_PROPOSAL * MAX_ATTACHMENT_BYTES + 2 * 1024 * 1024;
const MAX_TEXT_PART_BYTES = 256 * 1024;

export interface UploadedFile {
  filename: string;
  size: number;
  /** null when the file was larger than the limit: its bytes were read and dropped, not kept in memory. */
  bytes: Buffer | null;
}

/**
 * A file's name as it is shown and stored: without the folder some browsers send with it ("C:\\Users\\…\\预算.xlsx")
 * and without control or direction-override characters, which no file name needs (and PostgreSQL's text refuses NUL).
 */
export function displayName(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? "";
  // Control characters, and the direction overrides that can disguise a name's real extension.
  return base.replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, "").trim() || "file";
}

/**
 * Reads the proposal form. Multipart bodies keep their text fields in the FormData and hand files back separately
 * (an empty file input posts a nameless empty part, which is skipped); other bodies are read as usual.
 */
export async function readProposalForm(
  request: Request,
  options: { keepFiles: boolean } = { keepFiles: true },
): Promise<{ formData: FormData; files: UploadedFile[] }> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) return { formData: await readFormData(request), files: [] };
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    throw new Response("Payload Too Large", { status: 413 });
  }
  const files: UploadedFile[] = [];
  const fileHandler: UploadHandler = async ({ name, filename, data }) => {
    if (filename === undefined) return undefined;
    const chunks: Uint8Array[] = [];
    let size = 0;
    const keep = options.keepFiles && name === ATTACHMENT_FIELD && filename !== "";
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (keep && size <= MAX_ATTACHMENT_BYTES) chunks.push(chunk);
    }
    if (keep && size > 0) {
      files.push({
        filename: displayName(filename),
        size,
        bytes: size > MAX_ATTACHMENT_BYTES ? null : Buffer.concat(chunks),
      });
    }
    // Not added to the FormData: the files travel beside it.
    return "";
  };
  const uploadHandler = unstable_composeUploadHandlers(
    fileHandler,
    unstable_createMemoryUploadHandler({ maxPartSize: MAX_TEXT_PART_BYTES }),
  );
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, uploadHandler);
  } catch (error) {
    // A text field longer than any form of ours posts.
    if (error instanceof MaxPartSizeExceededError) throw new Response("Payload Too Large", { status: 413 });
    // The multipart parser's own complaint about a body that is not the multipart it announced.
    if (error instanceof Error && error.message.startsWith("malformed multipart")) badRequest();
    throw error;
  }
  formData.delete(ATTACHMENT_FIELD);
  return { formData, files };
}

export type UploadProblem =
  | { code: "tooLarge"; filename: string }
  | { code: "typeNotAllowed"; filename: string }
  | { code: "tooMany"; max: number };

export interface CheckedUpload {
  filename: string;
  bytes: Buffer;
  mimeType: string;
  extension: string;
  sha256: string;
}

/** Every file must be small enough and of an allowed type by its bytes (the count is checked when storing). */
export async function checkUploads(
  files: readonly UploadedFile[],
): Promise<{ accepted: CheckedUpload[]; problems: UploadProblem[] }> {
  const accepted: CheckedUpload[] = [];
  const problems: UploadProblem[] = [];
  for (const file of files) {
    if (!file.bytes) {
      problems.push({ code: "tooLarge", filename: file.filename });
      continue;
    }
    const detected = await fileTypeFromBuffer(file.bytes);
    const extension = detected ? allowedAttachmentTypes[detected.mime] : undefined;
    if (!detected || !extension) {
      problems.push({ code: "typeNotAllowed", filename: file.filename });
      continue;
    }
    accepted.push({
      filename: file.filename,
      bytes: file.bytes,
      mimeType: detected.mime,
      extension,
      sha256: createHash("sha256").update(file.bytes).digest("hex"),
    });
  }
  return { accepted, problems };
}

/** Where attachment files live: UPLOAD_DIR/proposals. */
export function attachmentDirectory(): string {
  return path.resolve(env().UPLOAD_DIR, "proposals");
}

export function attachmentFilePath(storedName: string): string {
  // Stored names are generated here (hex + extension), so they never climb out of the directory.
  return path.join(attachmentDirectory(), path.basename(storedName));
}

export type StoreResult = { ok: true; stored: number } | { ok: false; problem: UploadProblem };

export interface StoreInput {
  proposalId: number;
  organizationId: number;
  userId: number;
  uploads: readonly CheckedUpload[];
}

/**
 * Writes the files and their rows (one transaction, one audit event per file). A file already attached to the
 * proposal (same bytes) is skipped, so a form posted twice does not attach it twice. The per-proposal cap is
 * checked inside the transaction, with the proposal row locked, so two uploads at once cannot pass it together.
 * Files written before a failed transaction are deleted again.
 */
export async function storeAttachments(input: StoreInput): Promise<StoreResult> {
  if (input.uploads.length === 0) return { ok: true, stored: 0 };
  const written: string[] = [];
  try {
    return await db()
      .transaction()
      .execute((trx) => storeAttachmentsIn(trx, input, written));
  } catch (error) {
    discardAttachmentFiles(written);
    throw error;
  }
}

/**
 * storeAttachments inside the caller's transaction. Each file's stored name is pushed onto `written` as soon as
 * the file is on disk, so that the caller can discard them (discardAttachmentFiles) if its transaction fails.
 */
export async function storeAttachmentsIn(trx: Executor, input: StoreInput, written: string[]): Promise<StoreResult> {
  fs.mkdirSync(attachmentDirectory(), { recursive: true });
  await lockProposalRow(trx, input.proposalId);
  const existing = await listAttachments(trx, input.proposalId);
  const present = new Set(existing.map((attachment) => attachment.sha256));
  const fresh = input.uploads.filter(
    (upload, index) =>
      !present.has(upload.sha256) && input.uploads.findIndex((other) => other.sha256 === upload.sha256) === index,
  );
  if (existing.length + fresh.length > MAX_ATTACHMENTS_PER_PROPOSAL) {
    return { ok: false, problem: { code: "tooMany", max: MAX_ATTACHMENTS_PER_PROPOSAL } };
  }
  for (const upload of fresh) {
    const storedName = `${randomBytes(16).toString("hex")}.${upload.extension}`;
    await fs.promises.writeFile(attachmentFilePath(storedName), upload.bytes, { flag: "wx" });
    written.push(storedName);
    const { id } = await trx
      .insertInto("attachment")
      .values({
        proposalId: input.proposalId,
        originalName: upload.filename.slice(0, 200),
        storedName,
        mimeType: upload.mimeType,
        sizeBytes: upload.bytes.byteLength,
        sha256: upload.sha256,
        uploadedBy: input.userId,
        createdAt: nowIso(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorUserId: input.userId,
      action: "proposal.attachment_added",
      entityType: "attachment",
      entityId: id,
      organizationId: input.organizationId,
      after: {
        proposalId: input.proposalId,
        originalName: upload.filename,
        mimeType: upload.mimeType,
        sha256: upload.sha256,
      },
    });
  }
  return { ok: true, stored: fresh.length };
}

/** Deletes stored files whose rows were never committed. */
export function discardAttachmentFiles(storedNames: readonly string[]): void {
  for (const storedName of storedNames) fs.rmSync(attachmentFilePath(storedName), { force: true });
}

export interface RemoveInput {
  proposalId: number;
  attachmentId: number;
  organizationId: number;
  userId: number;
}

/**
 * Takes an attachment off the proposal. Before the first submission no version refers to it, so the row and the
 * file go; afterwards it is only marked removed, because a frozen version lists it.
 */
export async function removeAttachment(input: RemoveInput): Promise<boolean> {
  const { removed, unusedFile } = await db()
    .transaction()
    .execute((trx) => removeAttachmentIn(trx, input));
  if (unusedFile) discardAttachmentFiles([unusedFile]);
  return removed;
}

/**
 * removeAttachment inside the caller's transaction. When the row went, `unusedFile` names its stored file, which
 * the caller deletes once the transaction has committed.
 */
export async function removeAttachmentIn(
  trx: Executor,
  input: RemoveInput,
): Promise<{ removed: boolean; unusedFile: string | null }> {
  const attachment = await trx
    .selectFrom("attachment")
    .innerJoin("proposal", "proposal.id", "attachment.proposalId")
    .select(["attachment.id", "attachment.storedName", "attachment.originalName", "proposal.currentVersion"])
    .where("attachment.id", "=", input.attachmentId)
    .where("attachment.proposalId", "=", input.proposalId)
    .where("attachment.removedAt", "is", null)
    .executeTakeFirst();
  if (!attachment) return { removed: false, unusedFile: null };
  const unversioned = attachment.currentVersion === 0;
  if (unversioned) {
    await trx.deleteFrom("attachment").where("id", "=", attachment.id).execute();
  } else {
    await trx.updateTable("attachment").set({ removedAt: nowIso() }).where("id", "=", attachment.id).execute();
  }
  await recordAudit(trx, {
    actorUserId: input.userId,
    action: "proposal.attachment_removed",
    entityType: "attachment",
    entityId: attachment.id,
    organizationId: input.organizationId,
    before: { proposalId: input.proposalId, originalName: attachment.originalName },
  });
  return { removed: true, unusedFile: unversioned ? attachment.storedName : null };
}

/** An attachment of the given proposal, removed or not (older versions still link to removed ones). */
export async function findAttachment(proposalId: number, attachmentId: number) {
  return db()
    .selectFrom("attachment")
    .select(["id", "originalName", "storedName", "mimeType", "sizeBytes"])
    .where("id", "=", attachmentId)
    .where("proposalId", "=", proposalId)
    .executeTakeFirst();
}

/** The file as a download response; the name is sent in RFC 5987 form so Chinese names survive. */
export function attachmentResponse(attachment: {
  originalName: string;
  storedName: string;
  mimeType: string;
  sizeBytes: number;
}): Response {
  const file = attachmentFilePath(attachment.storedName);
  if (!fs.existsSync(file)) throw new Response("Not Found", { status: 404 });
  const asciiName = attachment.originalName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return new Response(createReadableStreamFromReadable(fs.createReadStream(file)), {
    headers: {
      "Content-Type": attachment.mimeType,
      "Content-Length": String(attachment.sizeBytes),
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(attachment.originalName)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
