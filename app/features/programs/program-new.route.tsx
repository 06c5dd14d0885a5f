import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/lib/actor.server";
import { assertFound, forbidden, idParam } from "~/lib/http";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { redirectWithFlash } from "~/lib/session.server";
import { parseRequestForm } from "~/lib/validation.server";
import { PageHeader } from "~/ui/bits";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { canCreateProgram } from "./permissions";
import { ProgramForm } from "./program-form";
import { findFunderName, insertProgram } from "./programs.server";
import { newProgramFormValues, ProgramFormSchema, withoutTrailingSpareRows } from "./schemas";

// The funder comes from ?funderId=; an unknown funder is a 404, someone else's a 403 (see permissions.ts).
async function funderFor(request: Request) {
  const actor = await requireActor(request);
  const funderId = idParam(new URL(request.url).searchParams.get("funderId") ?? undefined);
  const funder = assertFound(await findFunderName(funderId));
  if (!canCreateProgram(actor, funder.id)) forbidden();
  return { actor, funder };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const [{ funder }, { t }] = await Promise.all([funderFor(request), getTranslator(request)]);
  return { funder, defaultValues: newProgramFormValues(), title: t("programs:meta.newProgram") };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, funder } = await funderFor(request);
  const parsed = await parseRequestForm(request, ProgramFormSchema);
  if (!parsed.success) {
    return data({ fieldErrors: parsed.fieldErrors, values: withoutTrailingSpareRows(parsed.values) }, { status: 400 });
  }
  const programId = await insertProgram({ actorUserId: actor.userId, funderId: funder.id, input: parsed.data });
  return redirectWithFlash(`/manage/programs/${programId}`, { kind: "success", message: "programs:flash.created" });
}

export default function NewProgram() {
  const { funder, defaultValues } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("programs");
  return (
    <>
      <PageHeader title={t("form.newTitle")} subtitle={t("form.forFunder", { name: funder.name })} />
      <ProgramForm
        defaultValues={defaultValues}
        actionData={actionData}
        action={`/manage/programs/new?funderId=${funder.id}`}
        submitLabel={t("form.create")}
        cancelTo="/manage"
      />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => pageTitle(data?.title, meta);

export const ErrorBoundary = GeneralErrorBoundary;
