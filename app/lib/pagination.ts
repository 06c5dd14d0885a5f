// Reads ?page= from a URL into a bounded page number and the matching offset.
export function pageFromUrl(url: URL, pageSize: number): { page: number; pageSize: number; offset: number } {
  const raw = Number.parseInt(url.searchParams.get("page") ?? "1", 10);
  const page = Number.isFinite(raw) && raw > 0 ? Math.min(raw, 10_000) : 1;
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/**
 * Where a page past the last one should send the reader (its rows were screened or deleted away, or the URL was
 * typed): the last page, with the other query parameters kept. Null when the page exists.
 */
export function lastPageRedirect(url: URL, page: number, pageSize: number, total: number): string | null {
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  if (page <= lastPage) return null;
  const query = new URLSearchParams(url.searchParams);
  if (lastPage === 1) query.delete("page");
  else query.set("page", String(lastPage));
  const search = query.toString();
  return search ? `${url.pathname}?${search}` : url.pathname;
}
