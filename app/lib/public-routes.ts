// The routes a signed-out visitor may open. Everything else requires a signed-in user and a permission; the
// route-permission test walks app/routes.ts against this list.
export const publicRoutes = [
  "/",
  "/language",
  "/sign-up",
  "/sign-in",
  "/forgot-password",
  "/reset-password/:token",
  "/invitations/:token",
  "/programs",
  "/programs/:programId",
] as const;
