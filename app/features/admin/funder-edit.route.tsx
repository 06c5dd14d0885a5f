import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  findFunderById,
  type FunderRecord,
  listFunderManagers,
  listPendingManagerInvitations,
  removeFunderManager,
  updateFunder,
} from "~/features/funders/funders.server";
import { canRemoveManagers } from "~/features/funders/permissions";
import { AdminFunderActionSchema, FunderSchema, type StaffActionFailure } from "~/features/funders/schemas";
import { invalidStaffForm, runStaffIntent } from "~/features/funders/staff-actions.server";
import { ManagerInvitations, ManagerList } from "~/features/funders/staff-panels";
import { assertFound, idParam, notFound } from "~/lib/http";
import { redirectWithFlash } from "~/lib/session.server";
import { parseRequestForm } from "~/lib/validation.server";
import { formatInstant } from "~/lib/format";
import { PageHeader } from "~/ui/bits";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { Form, FormErrorSummary, SubmitButton, useZodForm } from "~/ui/form";
import { AdminNav } from "./admin-ui";
import { requireAdmin } from "./admin.server";
import { FunderFields, funderFormValues } from "./funder-form";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireAdmin(request);
  const funder = assertFound(await findFunderById(idParam(params.funderId)));
  const [managers, invitations] = await Promise.all([
    listFunderManagers(funder.id),
    listPendingManagerInvitations(funder.id),
  ]);
  return {
    funder,
    managers,
    invitations,
    currentUserId: actor.userId,
    can: { removeManagers: canRemoveManagers(actor) },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireAdmin(request);
  const funder = assertFound(await findFunderById(idParam(params.funderId)));
  const parsed = await parseRequestForm(request, AdminFunderActionSchema);
  if (!parsed.success) return invalidStaffForm(parsed.formData, parsed.fieldErrors, parsed.values);
  const here = `/admin/funders/${funder.id}`;
  const intent = parsed.data;
  switch (intent.intent) {
    case "update": {
      const { intent: _intent, ...input } = intent;
      if ((await updateFunder(funder.id, input, actor.userId)) === "missing") notFound();
      return redirectWithFlash(here, { kind: "success", message: "funders:flash.updated" });
    }
    case "removeManager": {
      const outcome = await removeFunderManager(funder.id, intent.userId, actor.userId);
      if (outcome === "removed")
        return redirectWithFlash(here, { kind: "success", message: "funders:flash.managerRemoved" });
      return data<StaffActionFailure>(
        { intent: "removeManager", formError: parsed.t("funders:errors.managerGone") },
        { status: 409 },
      );
    }
    case "invite":
    case "revokeInvitation":
      return runStaffIntent(intent, { request, actor, funder, here, t: parsed.t, values: parsed.values });
  }
}

export default function AdminFunderEdit() {
  const { funder, managers, invitations, currentUserId, can } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("admin");
  return (
    <>
      <AdminNav />
      <p className="back-link">
        <Link to="/admin/funders">← {t("funderEdit.back")}</Link>
      </p>
      <PageHeader
        title={funder.name}
        subtitle={t("funderEdit.subtitle", { date: formatInstant(funder.createdAt, i18n.language) })}
      />
      <FunderEditForm funder={funder} actionData={actionData?.intent === "update" ? actionData : undefined} />
      {actionData?.intent === "removeManager" && actionData.formError ? (
        <p className="alert alert--error" role="alert">
          {actionData.formError}
        </p>
      ) : null}
      <ManagerList managers={managers} canRemove={can.removeManagers} currentUserId={currentUserId} />
      <ManagerInvitations invitations={invitations} actionData={actionData} />
    </>
  );
}

function FunderEditForm({ funder, actionData }: { funder: FunderRecord; actionData: StaffActionFailure | undefined }) {
  const { t } = useTranslation(["admin", "funders"]);
  const form = useZodForm(FunderSchema, { defaultValues: funderFormValues(funder), actionData });
  return (
    <Form
      method="post"
      noValidate
      onSubmit={form.onSubmit}
      ref={form.formRef}
      className="card"
      aria-labelledby="funder-form-title"
    >
      <h2 id="funder-form-title" className="card__title">
        {t("funders:details.title")}
      </h2>
      <input type="hidden" name="intent" value="update" />
      <FormErrorSummary form={form} />
      <FunderFields form={form} />
      <div className="button-row">
        <SubmitButton>{t("funderEdit.save")}</SubmitButton>
      </div>
    </Form>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => pageTitle(data?.funder.name, meta);

export const ErrorBoundary = GeneralErrorBoundary;
