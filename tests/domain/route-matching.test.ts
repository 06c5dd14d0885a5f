// The server's copy of @remix-run/router is patched (patches/, docs/decisions/0043) to rank a routes array's branches
// once and to compile each path pattern once. These tests load the copy the server loads (CommonJS) and check that
// matching answers as before, that the compiled-pattern cache keeps patterns with different options apart, and that
// the branches really are read once per array.
import { createRequire } from "node:module";
import type * as Router from "@remix-run/router";
import { describe, expect, test } from "vitest";

const serverRouter = createRequire(import.meta.url)("@remix-run/router") as typeof Router;
const { matchPath, matchRoutes } = serverRouter;

// The shape of the portal's routes: a root layout, index routes, nested parameters and a splat.
function portalLikeRoutes(): Router.AgnosticRouteObject[] {
  return [
    {
      id: "root",
      path: "/",
      children: [
        { id: "home", index: true },
        { id: "sign-in", path: "sign-in" },
        {
          id: "manage",
          path: "manage",
          children: [
            { id: "manage-home", index: true },
            { id: "program", path: "programs/:programId" },
            { id: "program-proposals", path: "programs/:programId/proposals" },
            { id: "proposal", path: "proposals/:proposalId" },
          ],
        },
        { id: "not-found", path: "*" },
      ],
    },
  ];
}

const routeIds = (matches: ReturnType<typeof matchRoutes>) => matches?.map((match) => match.route.id) ?? null;

describe("route matching on the server", () => {
  test("matches each path to the same routes and parameters, call after call", () => {
    const routes = portalLikeRoutes();
    for (let call = 0; call < 3; call += 1) {
      expect(routeIds(matchRoutes(routes, "/"))).toEqual(["root", "home"]);
      expect(routeIds(matchRoutes(routes, "/sign-in"))).toEqual(["root", "sign-in"]);
      expect(routeIds(matchRoutes(routes, "/manage"))).toEqual(["root", "manage", "manage-home"]);
      const proposals = matchRoutes(routes, "/manage/programs/7/proposals");
      expect(routeIds(proposals)).toEqual(["root", "manage", "program-proposals"]);
      expect(proposals?.at(-1)?.params).toEqual({ programId: "7" });
      expect(routeIds(matchRoutes(routes, "/manage/programs/7"))).toEqual(["root", "manage", "program"]);
      expect(routeIds(matchRoutes(routes, "/no/such/page"))).toEqual(["root", "not-found"]);
    }
  });

  test("keeps a pattern compiled for prefix matching apart from the same pattern matched to the end", () => {
    expect(matchPath({ path: "/manage", end: false }, "/manage/programs")?.pathnameBase).toBe("/manage");
    expect(matchPath({ path: "/manage", end: true }, "/manage/programs")).toBeNull();
    expect(matchPath({ path: "/manage", end: false }, "/manage/programs")?.pathnameBase).toBe("/manage");
  });

  test("keeps a case-sensitive pattern apart from the same pattern ignoring case", () => {
    expect(matchPath({ path: "/Sign-In", caseSensitive: false }, "/sign-in")).not.toBeNull();
    expect(matchPath({ path: "/Sign-In", caseSensitive: true }, "/sign-in")).toBeNull();
    expect(matchPath({ path: "/Sign-In", caseSensitive: false }, "/sign-in")).not.toBeNull();
  });

  test("reads a routes array's branches once (the patch is installed): a route added later is not seen", () => {
    const routes = portalLikeRoutes();
    const root = routes[0]!;
    root.children = root.children?.filter((route) => route.id !== "not-found");
    expect(matchRoutes(routes, "/help")).toBeNull();
    // The server never changes a routes array after creating it; a fresh array is matched afresh.
    routes.push({ id: "help", path: "/help" });
    expect(matchRoutes(routes, "/help")).toBeNull();
    expect(routeIds(matchRoutes([...routes], "/help"))).toEqual(["help"]);
  });
});
