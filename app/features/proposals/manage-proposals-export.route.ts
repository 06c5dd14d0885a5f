import type { LoaderFunctionArgs } from "@remix-run/node";
import { getTranslator } from "~/lib/i18n/i18n.server";
import { todayInChina } from "~/lib/time";
import { type ExportFormat, exportFileName, proposalExportResponse } from "./export.server";
import { parseListFilters } from "./screening";
import { exportProgramProposals, requireProgramProposalsAccess } from "./screening.server";

// One module behind two URLs (…/export.csv and …/export.xlsx, see app/routes.ts): the same filtered list as the
// page, in the format the URL ends with and in the manager's language.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program } = await requireProgramProposalsAccess(request, params);
  const url = new URL(request.url);
  const format: ExportFormat = url.pathname.endsWith(".xlsx") ? "xlsx" : "csv";
  const filters = parseListFilters(url.searchParams);
  const { t, language } = await getTranslator(request);
  return proposalExportResponse({
    format,
    batches: exportProgramProposals(program.id, filters),
    t,
    language,
    fileName: exportFileName(program.code, format, t, todayInChina()),
  });
}
