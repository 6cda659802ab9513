export { buildSections, type ReportData, type ReportOptions, type Section } from "./sections.ts";
export { renderHtml } from "./html.ts";
export { annexInputs, buildAnnex, SERVICE_GROUPS, NO_SERVICE_GROUPS, parseUnitCosts, type AnnexOptions, type UnitCosts } from "./annex.ts";
