export { buildSections, type ReportData, type ReportOptions, type Section } from "./sections.ts";
export { renderHtml } from "./html.ts";
export {
  buildAnnex,
  SERVICE_GROUPS,
  NO_SERVICE_GROUPS,
  parseUnitCosts,
  type Annex,
  type AnnexData,
  type AnnexOptions,
  type Sheet,
  type UnitCosts,
} from "./annex/index.ts";
export { municipalProjection, municipalSections, type MunicipalData, type MunicipalOptions } from "./municipal.ts";
export { municipalData, reportData } from "./report-data.ts";
export { industrySection } from "./industry.ts";
export { buildReport, reportLocale, type BuiltReport } from "./pipelines/report.ts";
export { annexPipeline, type AnnexPipelineOptions, type AnnexResult } from "./pipelines/annex.ts";
export {
  attractivenessAnalysis,
  attractivenessText,
  modelLines,
  regionLines,
  type AttractivenessAnalysis,
  type AttractivenessOptions,
  type AttractivenessRow,
} from "./pipelines/attractiveness.ts";
export {
  indicatorRows,
  indicatorsText,
  INDICATOR_KINDS,
  type IndicatorKind,
  type IndicatorResult,
  type IndicatorsOptions,
} from "./pipelines/indicators.ts";
export { inspectText } from "./pipelines/inspect.ts";
