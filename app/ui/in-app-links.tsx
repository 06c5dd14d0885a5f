// Links for long lists. Remix's <Link> costs tens of microseconds in every server render (a handful of router hooks,
// each resolving the target against the matched routes): on the proposal list, the Links of 25 rows, the sort
// headers and the status tabs took longer than the page's database queries. Inside <InAppLinks> the links are plain
// anchors, and one click handler gives them the same client-side navigation a <Link> has.
import { useNavigate } from "@remix-run/react";
import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from "react";

/** Whether a click on an anchor is a plain one the app should handle (not a new tab, a download or another site). */
function isPlainClickOnAppLink(event: MouseEvent, anchor: HTMLAnchorElement): boolean {
  return (
    event.button === 0 &&
    !event.metaKey &&
    !event.altKey &&
    !event.ctrlKey &&
    !event.shiftKey &&
    (anchor.target === "" || anchor.target === "_self") &&
    !anchor.hasAttribute("download") &&
    anchor.origin === window.location.origin
  );
}

export function InAppLinks({ className, children }: { className?: string; children: ReactNode }) {
  const navigate = useNavigate();
  const navigateOnPlainClick = (event: MouseEvent<HTMLDivElement>) => {
    // A <Link> inside has already handled its own click.
    if (event.defaultPrevented || !(event.target instanceof Element)) return;
    const anchor = event.target.closest("a");
    if (!anchor || !event.currentTarget.contains(anchor) || !isPlainClickOnAppLink(event, anchor)) return;
    event.preventDefault();
    navigate(`${anchor.pathname}${anchor.search}${anchor.hash}`);
  };
  // Keyboard users lose nothing: Enter on a focused link fires a click, which reaches this handler too.
  return (
    <div className={className} onClick={navigateOnPlainClick}>
      {children}
    </div>
  );
}

type InAppLinkProps = { to: string } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href">;

/** An anchor inside <InAppLinks>. data-discover has Remix load the target's route ahead, as it does for a <Link>. */
export function InAppLink({ to, ...anchor }: InAppLinkProps) {
  return <a href={to} data-discover="true" {...anchor} />;
}
