// What the attachment input accepts, shared by the form (hints, accept attribute) and the server (the real check,
// which reads the type from the bytes in attachments.server.ts).
export const ATTACHMENT_FIELD = "newAttachments";
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_PROPOSAL = 10;

/** Detected MIME type → the extension a stored file gets. */
export const allowedAttachmentTypes: Readonly<Record<string, string>> = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
};

/** A hint for the browser's file picker only; it proves nothing about the file. */
export const attachmentAccept = [
  ".pdf",
  ".png",
  ".jpg",
  ".jpeg",
  ".xlsx",
  ".docx",
  ...Object.keys(allowedAttachmentTypes),
].join(",");
