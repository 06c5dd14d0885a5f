import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { parseFormValues } from "~/lib/validation.server";
import { EmptyState, Instant, PageHeader } from "~/ui/bits";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { FieldShell, fieldId } from "~/ui/form";
import { AdminNav, AuditActionLabel, auditActionText, CursorPager, EntityTypeLabel } from "./admin-ui";
import { requireAdmin } from "./admin.server";
import { auditDiff } from "./audit-diff";
import { type AuditChanges, describeAuditChanges } from "./audit-fields";
import { type AuditRow, distinctAuditValues, listAuditEvents } from "./audit-log.server";
import { AuditFilterSchema, cursorFromUrl } from "./schemas";

const filterNames = ["action", "entityType", "actor", "from", "to"] as const;

function withChosen(options: string[], chosen: string | undefined): string[] {
  return chosen && !options.includes(chosen) ? [...options, chosen] : options;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const url = new URL(request.url);
  const { t, language } = await getTranslator(request);
  const values = Object.fromEntries(filterNames.map((name) => [name, url.searchParams.get(name) ?? ""]));
  const parsed = parseFormValues(AuditFilterSchema, values, t, language);
  const [actions, entityTypes, result] = await Promise.all([
    distinctAuditValues("action"),
    distinctAuditValues("entityType"),
    // A filter that does not parse shows its message and no rows, rather than silently showing everything.
    parsed.success ? listAuditEvents(parsed.data, cursorFromUrl(url)) : null,
  ]);
  return {
    title: t("admin:audit.title"),
    values,
    fieldErrors: parsed.success ? {} : parsed.fieldErrors,
    filtered: filterNames.some((name) => values[name]),
    // A value in the URL that no event has (yet) stays chosen in its dropdown, so the page shows what it filters by.
    actions: withChosen(actions, values.action),
    entityTypes: withChosen(entityTypes, values.entityType),
    // Labelled and formatted here, where every namespace is at hand: statuses read from proposals and programs.
    events: (result?.page.rows ?? []).map(({ before, after, ...event }) => ({
      ...event,
      diff: describeAuditChanges(auditDiff(before, after), event.entityType, t, language),
    })),
    newer: result?.page.newer ?? null,
    older: result?.page.older ?? null,
    unknownActor: result?.unknownActor ?? false,
  };
}

export default function AuditLog() {
  const { values, fieldErrors, filtered, actions, entityTypes, events, newer, older, unknownActor } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <>
      <AdminNav />
      <PageHeader title={t("audit.title")} subtitle={t("audit.subtitle")} />
      <Form method="get" className="filter-bar audit-filters" noValidate>
        <FilterSelect name="action" label={t("audit.action")} value={values.action} error={fieldErrors.action}>
          {actions.map((action) => (
            <option key={action} value={action}>
              {auditActionText(t, action) ?? action}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          name="entityType"
          label={t("audit.entityType")}
          value={values.entityType}
          error={fieldErrors.entityType}
        >
          {entityTypes.map((entityType) => (
            <option key={entityType} value={entityType}>
              {t(`entities.${entityType}`, { defaultValue: entityType })}
            </option>
          ))}
        </FilterSelect>
        <FilterInput
          name="actor"
          type="email"
          label={t("audit.actor")}
          value={values.actor}
          error={fieldErrors.actor ?? (unknownActor ? t("audit.unknownActor") : undefined)}
        />
        <FilterInput name="from" type="date" label={t("audit.from")} value={values.from} error={fieldErrors.from} />
        <FilterInput name="to" type="date" label={t("audit.to")} value={values.to} error={fieldErrors.to} />
        <div className="filter-bar__buttons">
          <button type="submit" className="button button--primary">
            {t("audit.apply")}
          </button>
          {filtered ? (
            <Link to="/admin/audit" className="button button--ghost">
              {t("audit.clear")}
            </Link>
          ) : null}
        </div>
      </Form>
      <p className="muted small-text">{t("audit.timeZoneNote")}</p>
      {events.length === 0 ? (
        <EmptyState title={t("audit.empty")} />
      ) : (
        <div className="table-wrap stacked-table">
          <table className="audit-table">
            <thead>
              <tr>
                <th scope="col">{t("audit.time")}</th>
                <th scope="col">{t("audit.actorColumn")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.entity")}</th>
                <th scope="col">{t("audit.changes")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <AuditEventRow key={event.id} event={event} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CursorPager newer={newer} older={older} />
    </>
  );
}

type EventView = Omit<AuditRow, "before" | "after"> & { diff: AuditChanges };

function AuditEventRow({ event }: { event: EventView }) {
  const { t } = useTranslation("admin");
  return (
    <tr>
      <td className="nowrap-cell" data-label={t("audit.time")}>
        <Instant iso={event.at} />
      </td>
      <td className="break-anywhere" data-label={t("audit.actorColumn")}>
        {event.actorEmail ? (
          <>
            {event.actorName}
            <div className="muted small-text">{event.actorEmail}</div>
          </>
        ) : (
          <span className="muted">{t("audit.system")}</span>
        )}
      </td>
      <td data-label={t("audit.action")}>
        <AuditActionLabel action={event.action} />
      </td>
      <td className="nowrap-cell" data-label={t("audit.entity")}>
        <EntityTypeLabel entityType={event.entityType} />
        {event.entityId !== null ? <span className="muted"> #{event.entityId}</span> : null}
      </td>
      <td data-label={event.diff.lines.length > 0 ? t("audit.changes") : undefined}>
        {event.diff.lines.length > 0 ? (
          <ul className="audit-diff">
            {event.diff.lines.map((line) => (
              <li key={line.field}>
                <span className="audit-diff__field" title={line.field}>
                  {t("audit.fieldLabel", { label: line.label })}
                </span>
                {line.before !== undefined ? <del className="audit-diff__before">{line.before}</del> : null}
                {line.before !== undefined && line.after !== undefined ? " → " : null}
                {line.after !== undefined ? <ins className="audit-diff__after">{line.after}</ins> : null}
              </li>
            ))}
            {event.diff.hidden > 0 ? (
              <li className="muted">{t("audit.hiddenChanges", { count: event.diff.hidden })}</li>
            ) : null}
          </ul>
        ) : null}
      </td>
    </tr>
  );
}

function FilterSelect({
  name,
  label,
  value,
  error,
  children,
}: {
  name: string;
  label: string;
  value: string | undefined;
  error: string | undefined;
  children: React.ReactNode;
}) {
  const { t } = useTranslation("admin");
  return (
    <FieldShell name={name} label={label} error={error}>
      <select
        id={fieldId(name)}
        name={name}
        className="input"
        defaultValue={value ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId(name)}-error` : undefined}
      >
        <option value="">{t("audit.any")}</option>
        {children}
      </select>
    </FieldShell>
  );
}

function FilterInput({
  name,
  label,
  value,
  error,
  type,
}: {
  name: string;
  label: string;
  value: string | undefined;
  error: string | undefined;
  type: "email" | "date";
}) {
  return (
    <FieldShell name={name} label={label} error={error}>
      <input
        id={fieldId(name)}
        name={name}
        type={type}
        className="input"
        defaultValue={value ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId(name)}-error` : undefined}
      />
    </FieldShell>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => pageTitle(data?.title, meta);

export const ErrorBoundary = GeneralErrorBoundary;
