/** Moved to the locale module: numbers in `charts/locale.ts`, the report's words in `charts/words/report.ts`. */
export { formatNumber } from "../charts/locale.ts";
export { REPORT_WORDS as WORDS, projectionMethod, type ProjectionInfo } from "../charts/words/report.ts";
