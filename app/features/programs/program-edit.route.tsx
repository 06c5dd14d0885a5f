import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { targetGroupLabel } from "~/features/proposals/labels";
import { requireActor } from "~/lib/actor.server";
import { assertFound, forbidden, idParam, notFound } from "~/lib/http";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { redirectWithFlash } from "~/lib/session.server";
import { parseRequestForm } from "~/lib/validation.server";
import { PageHeader } from "~/ui/bits";
import { GeneralErrorBoundary } from "~/ui/error-boundary";
import { pageTitle } from "~/ui/page-title";
import { canEditProgram, canViewManagedProgram } from "./permissions";
import { isProgramPublished } from "./program-lifecycle";
import { ProgramForm } from "./program-form";
import { findProgramDetail, ProgramRowInUseError, updateProgram } from "./programs.server";
import { ProgramFormSchema, programToFormValues, withoutTrailingSpareRows, withRowsRestored } from "./schemas";

// Someone who may not see the program gets a 404; staff looking at a program past editing get a 403.
async function editableProgram(request: Request, programIdParam: string | undefined) {
  const actor = await requireActor(request);
  const program = assertFound(await findProgramDetail(idParam(programIdParam)));
  if (!canViewManagedProgram(actor, program)) notFound();
  if (!canEditProgram(actor, program)) forbidden();
  return { actor, program };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [{ program }, { t }] = await Promise.all([editableProgram(request, params.programId), getTranslator(request)]);
  return {
    program: {
      id: program.id,
      code: program.code,
      title: program.title,
      funderName: program.funderName,
      published: isProgramPublished(program.status),
    },
    defaultValues: programToFormValues(program),
    title: t("programs:meta.editProgram", { title: program.title }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, program } = await editableProgram(request, params.programId);
  const parsed = await parseRequestForm(request, ProgramFormSchema);
  const values = withoutTrailingSpareRows(parsed.values);
  if (!parsed.success) return data({ fieldErrors: parsed.fieldErrors, values }, { status: 400 });
  const managePage = `/manage/programs/${program.id}`;
  try {
    const outcome = await updateProgram({ actorUserId: actor.userId, programId: program.id, input: parsed.data });
    if (outcome === "notEditable")
      return redirectWithFlash(managePage, { kind: "error", message: "programs:manage.notEditable" });
  } catch (error) {
    if (!(error instanceof ProgramRowInUseError)) throw error;
    const { categories, targetGroups } = error.inUse;
    const names = [...categories.map((row) => row.name), ...targetGroups.map((row) => targetGroupLabel(row, parsed.t))];
    const formError = names.length
      ? parsed.t("programs:errors.rowsRestored", { names: names.join(parsed.t("programs:errors.nameSeparator")) })
      : parsed.t("programs:errors.rowInUse");
    return data({ formError, values: withRowsRestored(values, error.inUse) }, { status: 409 });
  }
  return redirectWithFlash(managePage, { kind: "success", message: "programs:flash.updated" });
}

export default function EditProgram() {
  const { program, defaultValues } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("programs");
  return (
    <>
      <PageHeader title={t("form.editTitle")} subtitle={`${program.title} · ${program.code}`} />
      <ProgramForm
        defaultValues={defaultValues}
        actionData={actionData}
        action={`/manage/programs/${program.id}/edit`}
        submitLabel={t("form.save")}
        cancelTo={`/manage/programs/${program.id}`}
        published={program.published}
      />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, ...meta }) => pageTitle(data?.title, meta);

export const ErrorBoundary = GeneralErrorBoundary;
