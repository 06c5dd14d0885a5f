import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { EmptyState, Instant, PageHeader, StatusBadge } from "~/ui/bits";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { AdminNav, CursorPager } from "./admin-ui";
import { requireAdmin } from "./admin.server";
import { listOutboxMessages } from "./audit-log.server";
import { cursorFromUrl } from "./schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const [{ t }, page] = await Promise.all([
    getTranslator(request),
    listOutboxMessages(cursorFromUrl(new URL(request.url))),
  ]);
  return {
    title: t("admin:outbox.title"),
    messages: page.rows,
    newer: page.newer,
    older: page.older,
  };
}

type Message = Awaited<ReturnType<typeof loader>>["messages"][number];

export default function Outbox() {
  const { messages, newer, older } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <>
      <AdminNav />
      <PageHeader title={t("outbox.title")} subtitle={t("outbox.subtitle")} />
      {messages.length === 0 ? (
        <EmptyState title={t("outbox.empty")} />
      ) : (
        <div className="table-wrap stacked-table">
          <table className="outbox-table">
            <thead>
              <tr>
                <th scope="col">{t("outbox.createdAt")}</th>
                <th scope="col">{t("outbox.recipient")}</th>
                <th scope="col">{t("outbox.subject")}</th>
                <th scope="col">{t("outbox.status")}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <OutboxRow key={message.id} message={message} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CursorPager newer={newer} older={older} />
    </>
  );
}

function OutboxRow({ message }: { message: Message }) {
  const { t } = useTranslation("admin");
  return (
    <tr>
      <td className="nowrap-cell" data-label={t("outbox.createdAt")}>
        <Instant iso={message.createdAt} />
      </td>
      <td className="break-anywhere" data-label={t("outbox.recipient")}>
        {message.recipient}
      </td>
      <td data-label={t("outbox.subject")}>
        {/* <details> opens without JavaScript; the body is plain text with the links the recipient would click. */}
        <details className="outbox-body">
          <summary>{message.subject}</summary>
          <pre>{message.body}</pre>
        </details>
      </td>
      <td data-label={t("outbox.status")}>
        {message.sentAt ? (
          <>
            <StatusBadge tone="success">{t("outbox.sent")}</StatusBadge>
            <div className="muted small-text">
              <Instant iso={message.sentAt} />
            </div>
          </>
        ) : message.error ? (
          <>
            <StatusBadge tone="danger">{t("outbox.failed")}</StatusBadge>
            <div className="muted small-text break-anywhere">{message.error}</div>
          </>
        ) : (
          <StatusBadge tone="warning">{t("outbox.pending")}</StatusBadge>
        )}
      </td>
    </tr>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => pageTitle(data?.title, meta);

export const ErrorBoundary = GeneralErrorBoundary;
