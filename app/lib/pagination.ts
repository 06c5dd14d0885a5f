// Reads ?page= from a URL into a bounded page number and the matching offset.
export function pageFromUrl(url: URL, pageSize: number): { page: number; pageSize: number; offset: number } {
  const raw = Number.parseInt(url.searchParams.get("page") ?? "1", 10);
  const page = Number.isFinite(raw) && raw > 0 ? Math.min(raw, 10_000) : 1;
  return { page, pageSize, offset: (page - 1) * pageSize };
}
