/** Node-only additions: reading files. Everything from the root entry is re-exported. */
export * from "./index.ts";
export { read, type NodeReadOptions } from "./io/node.ts";
export { queryDuckDB } from "./io/duckdb.ts";
export { toPNG } from "./report/png.ts";
export { findChromium, printPdf } from "./report/pdf.ts";
export { readUnitCosts } from "./report/annex/costs-file.ts";
export { readDatasets, statisticsFiles } from "./io/datasets-node.ts";
export { cacheFolder, fileCache } from "./io/api/cache-node.ts";
export { excelCsv, writeXlsx } from "./report/workbook.ts";
export { writeTableFile } from "./report/table-file.ts";
export { writeArrow, writeCSV, writeParquet, writeXLSX } from "./io/export/node.ts";
