export { buildSections, type ReportData, type ReportOptions, type Section } from "./sections.ts";
export { renderHtml } from "./html.ts";
