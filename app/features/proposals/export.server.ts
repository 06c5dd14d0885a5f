// The manager's proposal list as CSV (csv-stringify) and XLSX (exceljs' streaming writer): the same columns in the
// manager's language, amounts in yuan, times in Beijing time. Both stream batch by batch, so a large program's
// export never sits in memory whole. The CSV starts with a UTF-8 BOM, without which Excel reads Chinese as mojibake.
import { PassThrough, Readable, pipeline } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import type { TFunction } from "i18next";
import { formatInstant } from "~/lib/format";
import { fenToYuanInput } from "~/lib/money";
import type { ExportRow } from "./screening.server";

export type ExportFormat = "csv" | "xlsx";

interface Column {
  header: string;
  width: number;
  money?: boolean;
  value: (row: ExportRow) => string | number;
}

function columns(t: TFunction, language: string): Column[] {
  const header = (key: string) => t(`proposals:manage.export.columns.${key}`);
  return [
    { header: header("number"), width: 18, value: (row) => row.number ?? "" },
    { header: header("title"), width: 36, value: (row) => row.title },
    { header: header("organization"), width: 32, value: (row) => row.organizationName },
    {
      header: header("organizationKind"),
      width: 12,
      value: (row) => t(`organizations:kindShort.${row.organizationKind}`),
    },
    { header: header("uscc"), width: 22, value: (row) => row.organizationUscc ?? "" },
    { header: header("focusArea"), width: 14, value: (row) => row.focusArea ?? "" },
    { header: header("community"), width: 20, value: (row) => row.serviceCommunity },
    { header: header("status"), width: 14, value: (row) => t(`proposals:status.${row.status}`) },
    { header: header("version"), width: 8, value: (row) => row.currentVersion },
    { header: header("grant"), width: 14, money: true, value: (row) => row.grantRequestedFen },
    { header: header("selfRaised"), width: 14, money: true, value: (row) => row.selfRaisedFen },
    { header: header("partnerMatch"), width: 14, money: true, value: (row) => row.partnerMatchFen },
    { header: header("total"), width: 14, money: true, value: (row) => row.totalBudgetFen },
    {
      header: header("submittedAt"),
      width: 20,
      value: (row) => (row.submittedAt ? formatInstant(row.submittedAt, language) : ""),
    },
  ];
}

export function exportFileName(programCode: string, format: ExportFormat, t: TFunction, today: string): string {
  return `${programCode}-${t("proposals:manage.export.filename")}-${today.replaceAll("-", "")}.${format}`;
}

function downloadHeaders(fileName: string, contentType: string): HeadersInit {
  // RFC 5987: an ASCII fallback for old clients, the real (Chinese) name for everyone else.
  const asciiName = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return {
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    "Cache-Control": "private, no-store",
  };
}

function csvResponse(batches: AsyncIterable<ExportRow[]>, cols: Column[], fileName: string): Response {
  async function* records() {
    yield cols.map((col) => col.header);
    for await (const batch of batches) {
      for (const row of batch) {
        yield cols.map((col) => {
          const value = col.value(row);
          // Plain "1234.50": no currency sign or thousands separator, so a spreadsheet reads a number.
          return col.money && typeof value === "number" ? fenToYuanInput(value) : value;
        });
      }
    }
  }
  const csv = pipeline(Readable.from(records()), stringify({ bom: true }), (error) => {
    if (error) console.error("proposal CSV export failed", error);
  });
  return new Response(createReadableStreamFromReadable(csv), {
    headers: downloadHeaders(fileName, "text/csv; charset=utf-8"),
  });
}

function xlsxResponse(
  batches: AsyncIterable<ExportRow[]>,
  cols: Column[],
  fileName: string,
  labels: { sheet: string; total: string },
): Response {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  const sheet = workbook.addWorksheet(labels.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = cols.map((col, index) => ({
    key: String(index),
    header: col.header,
    width: col.width,
    style: col.money ? { numFmt: "#,##0.00" } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  // The money columns summed in fen as the rows go by, for the closing "合计" row a funder's spreadsheet ends with.
  const totalsFen = cols.map(() => 0);
  void (async () => {
    for await (const batch of batches) {
      for (const row of batch) {
        sheet
          .addRow(
            cols.map((col, index) => {
              const value = col.value(row);
              if (!col.money || typeof value !== "number") return value;
              totalsFen[index] = (totalsFen[index] ?? 0) + value;
              // A number cell in yuan (the format shows two decimals); fen stay exact up to far beyond any grant.
              return value / 100;
            }),
          )
          .commit();
      }
    }
    const totalRow = sheet.addRow(
      cols.map((col, index) => (index === 0 ? labels.total : col.money ? (totalsFen[index] ?? 0) / 100 : null)),
    );
    totalRow.font = { bold: true };
    totalRow.commit();
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => {
    console.error("proposal XLSX export failed", error);
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return new Response(createReadableStreamFromReadable(output), {
    headers: downloadHeaders(fileName, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
  });
}

/** The filtered proposal list as a download in the given format, with headers in the manager's language. */
export function proposalExportResponse(input: {
  format: ExportFormat;
  batches: AsyncIterable<ExportRow[]>;
  t: TFunction;
  language: string;
  fileName: string;
}): Response {
  const cols = columns(input.t, input.language);
  return input.format === "csv"
    ? csvResponse(input.batches, cols, input.fileName)
    : xlsxResponse(input.batches, cols, input.fileName, {
        sheet: input.t("proposals:manage.export.sheet"),
        total: input.t("proposals:manage.export.totalRow"),
      });
}
