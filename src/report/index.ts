export { buildSections, type ReportData, type ReportOptions, type Section } from "./sections.ts";
export { renderHtml } from "./html.ts";
export { annexInputs, buildAnnex, SERVICE_GROUPS, NO_SERVICE_GROUPS, parseUnitCosts, type AnnexOptions, type Sheet, type UnitCosts } from "./annex.ts";
export { municipalProjection, municipalSections, type MunicipalData, type MunicipalOptions } from "./municipal.ts";
export { municipalAnnex, type MunicipalAnnexOptions } from "./municipal-annex.ts";
export { municipalData, reportData } from "./report-data.ts";
export { industrySection } from "./industry.ts";
