import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/lib/actor.server";
import { assertFound, idParam, notFound } from "~/lib/http";
import { parseRequestForm } from "~/lib/validation.server";
import { PageHeader } from "~/ui/bits";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { findFunderById, listFunderManagers, listPendingManagerInvitations } from "./funders.server";
import { canInviteManagers, canViewFunderAsStaff } from "./permissions";
import { FunderStaffActionSchema } from "./schemas";
import { invalidStaffForm, runStaffIntent } from "./staff-actions.server";
import { FunderDetails, ManagerInvitations, ManagerList } from "./staff-panels";

// Staff of one funder see its details and its managers, and invite colleagues. Whether someone works for another
// funder is none of their business, so a funder they do not belong to is a 404.
async function requireStaffFunder(request: Request, rawId: string | undefined) {
  const actor = await requireActor(request);
  const funderId = idParam(rawId);
  if (!canViewFunderAsStaff(actor, funderId)) notFound();
  const funder = assertFound(await findFunderById(funderId));
  return { actor, funder };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, funder } = await requireStaffFunder(request, params.funderId);
  const [managers, invitations] = await Promise.all([
    listFunderManagers(funder.id),
    listPendingManagerInvitations(funder.id),
  ]);
  return {
    funder,
    managers,
    invitations,
    currentUserId: actor.userId,
    can: { invite: canInviteManagers(actor, funder.id) },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, funder } = await requireStaffFunder(request, params.funderId);
  const parsed = await parseRequestForm(request, FunderStaffActionSchema);
  if (!parsed.success) return invalidStaffForm(parsed.formData, parsed.fieldErrors, parsed.values);
  return runStaffIntent(parsed.data, {
    request,
    actor,
    funder,
    here: `/manage/funders/${funder.id}`,
    t: parsed.t,
    values: parsed.values,
  });
}

export default function FunderStaffPage() {
  const { funder, managers, invitations, currentUserId, can } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("funders");
  return (
    <>
      <p className="back-link">
        <Link to="/manage">← {t("staff.backToWorkspace")}</Link>
      </p>
      <PageHeader title={funder.name} />
      <section className="card" aria-labelledby="funder-details-title">
        <h2 id="funder-details-title" className="card__title">
          {t("details.title")}
        </h2>
        <FunderDetails funder={funder} />
      </section>
      <ManagerList managers={managers} canRemove={false} currentUserId={currentUserId} />
      {can.invite ? <ManagerInvitations invitations={invitations} actionData={actionData} /> : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => pageTitle(data?.funder.name, meta);

export const ErrorBoundary = GeneralErrorBoundary;
