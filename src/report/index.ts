export { buildSections, type ReportData, type ReportOptions, type Section } from "./sections.ts";
export { renderHtml } from "./html.ts";
export { buildAnnex, SERVICE_GROUPS, type AnnexOptions } from "./annex.ts";
