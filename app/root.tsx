import { data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import {
  Form,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { requireActor } from "~/lib/actor.server";
import { defaultLanguage, isLanguage } from "~/lib/i18n/config";
import { getLanguage } from "~/lib/i18n/i18n.server";
import { optionalUser, readFlash } from "~/lib/session.server";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { useNonce } from "~/ui/nonce";
import { errorPageTitle } from "~/ui/page-title";
import stylesheet from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.ico" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [language, user, { flash, setCookie }] = await Promise.all([
    getLanguage(request),
    optionalUser(request),
    readFlash(request),
  ]);
  // The same per-request actor the page's own loader reads, so a signed-in page looks the memberships up once.
  const actor = user ? await requireActor(request) : null;
  return data(
    {
      language,
      flash,
      user: user ? { name: user.name, email: user.email } : null,
      nav: {
        isAdmin: actor?.isPlatformAdmin ?? false,
        isManager: (actor?.funderIds.length ?? 0) > 0,
        hasOrganizations: (actor?.organizations.length ?? 0) > 0,
      },
    },
    { headers: setCookie ? { "Set-Cookie": setCookie } : undefined },
  );
}

// Remix skips revalidation after a failed (4xx) action; the root reloads anyway so a flash message from the
// previous redirect does not linger above the new errors.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod !== undefined && formMethod !== "GET" ? true : defaultShouldRevalidate;

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: React.ReactNode }) {
  const rootData = useRootData();
  const nonce = useNonce();
  const { i18n } = useTranslation();
  const language = rootData?.language ?? i18n.language;
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* No root data: an address no route matches (Remix runs no loader for it) or a failed root loader. */}
        {rootData === undefined ? (
          <title>{errorPageTitle(isLanguage(language) ? language : defaultLanguage)}</title>
        ) : null}
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function LanguageSwitcher({ current }: { current: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const other = current === "en" ? "zh-CN" : "en";
  return (
    <Form method="post" action="/language" className="language-switcher" reloadDocument>
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <button type="submit" name="language" value={other} className="button button--ghost button--small" lang={other}>
        {t(`language.${other}`)}
      </button>
    </Form>
  );
}

/**
 * The phone menu is a disclosure that drops down over the page: it closes once a link in it has been followed (the
 * page stays, so the browser would leave it open over the new content) and on a tap outside it.
 */
function useDropDownMenu() {
  const menu = useRef<HTMLDetailsElement>(null);
  const { key } = useLocation();
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [key]);
  useEffect(() => {
    const closeOutside = (event: PointerEvent) => {
      if (menu.current?.open && event.target instanceof Node && !menu.current.contains(event.target)) {
        menu.current.open = false;
      }
    };
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, []);
  return menu;
}

function SiteHeader() {
  const rootData = useRootData();
  const { t, i18n } = useTranslation();
  const menu = useDropDownMenu();
  const user = rootData?.user;
  const nav = rootData?.nav;
  return (
    <header className="site-header">
      <a href="#main" className="skip-link">
        {t("nav.skipToContent")}
      </a>
      <div className="site-header__inner">
        <NavLink to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            益
          </span>
          <span className="brand__name">{t("appName")}</span>
        </NavLink>
        <details className="site-nav-toggle" ref={menu}>
          <summary className="button button--ghost button--small">{t("nav.menu")}</summary>
          <nav className="site-nav" aria-label={t("nav.menu")}>
            <NavLink to="/programs">{t("nav.programs")}</NavLink>
            {user ? <NavLink to="/organizations">{t("nav.myOrganizations")}</NavLink> : null}
            {nav?.hasOrganizations ? <NavLink to="/proposals">{t("nav.myProposals")}</NavLink> : null}
            {nav?.isManager ? <NavLink to="/manage">{t("nav.manage")}</NavLink> : null}
            {nav?.isAdmin ? <NavLink to="/admin">{t("nav.admin")}</NavLink> : null}
            {user ? (
              <>
                <NavLink to="/account">{t("nav.account")}</NavLink>
                <Form method="post" action="/sign-out">
                  <button type="submit" className="link-button">
                    {t("nav.signOut")}
                  </button>
                </Form>
              </>
            ) : (
              <>
                <NavLink to="/sign-in">{t("nav.signIn")}</NavLink>
                <NavLink to="/sign-up" className="button button--primary button--small">
                  {t("nav.signUp")}
                </NavLink>
              </>
            )}
          </nav>
        </details>
        {/* i18n's language where there is no root data: the error page of an address no route matches. */}
        <LanguageSwitcher current={rootData?.language ?? i18n.language} />
      </div>
    </header>
  );
}

function FlashMessage() {
  const rootData = useRootData();
  const { t } = useTranslation();
  const flash = rootData?.flash;
  if (!flash) return null;
  return (
    <div className={`flash flash--${flash.kind}`} role="status">
      {t(flash.message)}
    </div>
  );
}

export default function App() {
  const rootData = useRootData();
  useChangeLanguage(rootData?.language ?? "zh-CN");
  return (
    <>
      <SiteHeader />
      <main id="main" className="site-main">
        <FlashMessage />
        <Outlet />
      </main>
      <SiteFooter />
    </>
  );
}

function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>
        {t("appName")} · {t("appTagline")}
      </p>
    </footer>
  );
}

export function ErrorBoundary() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="site-main">
        <GeneralErrorBoundary />
      </main>
    </>
  );
}
