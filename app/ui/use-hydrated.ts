// Whether React runs in the browser yet: false during the server render and the first client render (so both
// render the same), true after. Lets a page show controls that only work with JavaScript.
import { useEffect, useState } from "react";

export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
