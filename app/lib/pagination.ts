import { redirect } from "@remix-run/node";

// Reads ?page= from a URL into a bounded page number and the matching offset.
export function pageFromUrl(url: URL, pageSize: number): { page: number; pageSize: number; offset: number } {
  const raw = Number.parseInt(url.searchParams.get("page") ?? "1", 10);
  const page = Number.isFinite(raw) && raw > 0 ? Math.min(raw, 10_000) : 1;
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/**
 * Sends a reader of a page past the last one (its rows were screened or deleted away, or the URL was typed) to the
 * last page, with the other query parameters kept. Called by a list's loader once it knows the total.
 */
export function redirectPastLastPage(url: URL, page: number, pageSize: number, total: number): void {
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  if (page <= lastPage) return;
  const query = new URLSearchParams(url.searchParams);
  if (lastPage === 1) query.delete("page");
  else query.set("page", String(lastPage));
  const search = query.toString();
  throw redirect(search ? `${url.pathname}?${search}` : url.pathname);
}
