// The shared error page: a message per status in the user's language, never a stack trace.
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message =
    status === 404
      ? t("errors.notFound")
      : status === 403
        ? t("errors.forbidden")
        : status === 429
          ? t("errors.tooManyRequests")
          : status === 400
            ? t("errors.badRequest")
            : t("errors.server");
  if (status >= 500) console.error(error);
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-page__status">{status}</p>
      <h1 id="error-title">{t("errors.title")}</h1>
      <p>{message}</p>
      <Link to="/" className="button button--primary">
        {t("errors.backHome")}
      </Link>
    </section>
  );
}
