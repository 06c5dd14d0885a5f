// Links between the account pages carry where the user was going (and an invited email) along, leaving out
// empty values so the addresses stay clean.
export function authLink(path: string, params: { redirectTo?: string; email?: string }): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value) query.set(name, value);
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}
