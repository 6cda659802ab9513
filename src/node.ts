/**
 * Node-only additions: reading files, PNG, PDF, XLSX and the on-disk cache. Everything from the root entry is
 * re-exported (its list is explicit in `index.ts`); the names below are the Node-only part of the public API.
 */
export * from "./index.ts";
export { read, type NodeReadOptions } from "./io/node.ts";
export { queryDuckDB, type DuckDBSettings } from "./io/duckdb.ts";
export { aggregateSql, aggregateWithDuckDB, type DuckDBAggregate } from "./io/duckdb-aggregate.ts";
export { toPNG } from "./report/png.ts";
export { printPdf, type PrintPdfOptions } from "./report/pdf.ts";
export { readUnitCosts } from "./report/annex/costs-file.ts";
export { readDatasets } from "./io/datasets-node.ts";
export { cacheFolder, fileCache } from "./io/api/cache-node.ts";
export { excelCsv, writeSheets } from "./report/workbook.ts";
export { writeTableFile } from "./report/table-file.ts";
export { readInput } from "./io/input-node.ts";
export { loadReportData, writeReport, type WriteReportOptions } from "./report/pipelines/report-node.ts";
export { writeAnnex, writeAnnexSheets, type WriteAnnexOptions } from "./report/pipelines/annex-node.ts";
export { inspectFile } from "./report/pipelines/inspect-node.ts";
export { attractivenessFile, migrationCountsOf } from "./report/pipelines/attractiveness-node.ts";
export { indicatorsFile } from "./report/pipelines/indicators-node.ts";
export { demo, type DemoOptions } from "./report/pipelines/demo-node.ts";
export {
  fetchTableText,
  metaText,
  searchText,
  type FetchOptions,
  type FetchTableTextOptions,
} from "./report/pipelines/fetch-node.ts";
export { writeArrow, writeCSV, writeParquet, writeXLSX } from "./io/export/node.ts";
