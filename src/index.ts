/**
 * omvarld: environmental scanning (omvärldsanalys) of municipalities and regions.
 * This entry is runtime-neutral (Node, Deno, browsers); file access lives in `omvarld/node`.
 *
 * The public API, listed name by name, layer by layer (each layer's index.ts holds the same list). Anything not
 * listed here is internal: importable inside the package by its module path, not part of the API.
 * tests/public-api.test.ts holds the sorted list and fails when a name is added or removed without updating it.
 */
export { OmvarldError, type ErrorCode } from "./errors.ts";

// table/
export {
  concatTables, fromArrow, NumberColumn, StringColumn, Table, type AggregateOptions, type Column, type ColumnType,
  type Field, type GroupedTable, type JoinOptions, type LagOptions, type PivotLongerOptions, type PivotWiderOptions,
  type Provenance, type Role, type Row, type SortKey, type TableInit, type Value, type Where,
} from "./table/index.ts";
export { formatTable, formatTableHTML, type DisplayOptions } from "./table/index.ts";

// regions/
export {
  CODE_CHANGES, countyOf, findRegion, municipalities, nutsName, recast, REGIONS, SE_NUTS3_LAN, type CodeChange,
  type Country, type Level, type RecastOptions, type Region,
} from "./regions/index.ts";

// io/
export {
  AGENCIES, asAttractivenessPanel, asCanonical, asCommutingFlows, asCommutingStocks, asPopulationChange,
  assembleDatasets, CommutingFlows, CommutingStocks, describe, Employment, eurostat, EUROSTAT_URL, fetchTable,
  HttpClient, HttpStatusError, Klass, KLASS_URL, Kolada, KOLADA_URL, Population, PopulationChange, PxWeb1,
  PXWEB1_URLS, PxWeb2, PXWEB2_URLS, portableGunzip, readBytes, readCsv, readEurostatTsv, readJsonStat, readKolada, readPx,
  readPxWebJson, readSdmxCsv, readXlsx, recognise, toCSV, ValueAdded, type AgeBand, type Agency, type CachedResponse,
  type CacheKey, type Canonical, type ClassificationVersion, type CodeList, type CsvOptions, type DataOptions,
  type DatasetKind, type Datasets, type Description, type Encoding, type EurostatQuery, type FetchTableOptions,
  type Format, type HttpOptions, type HttpResponse, type KlassChange, type KlassCode, type Kpi,
  type MunicipalityGroup, type PxNode, type PxWebConfig, type PxWebOptions, type ReadOptions, type Recognised,
  type ResponseCache, type Selection, type Sex, type TableMetadata, type TableSummary,
} from "./io/index.ts";
export {
  toArrowIPC, toCSVBytes, toParquet, toXLSX, type ArrowWriteOptions, type CsvWriteOptions, type ParquetWriteOptions,
  type XlsxTables, type XlsxWriteOptions,
} from "./io/index.ts";

// indicators/
export {
  additiveLocationQuotient, alignToTotal, atkinson, attractivenessModel, backtestError, betaConvergence,
  betaConvergenceOf, businessAttractiveness, cagr, change, coefficientOfVariation, commutingFromFlows,
  commutingFromMatrix, commutingFromStocks, commutingStructure, componentsOfChange, concentration, converse,
  curveFit, decomposeValueAddedGrowth, DEFAULT_GROUPS, demographicCost, dependencyRatios, distanceMatrix,
  dynamicShiftShare, economicBase, empiricalInterval, equivalentNumber, estimateRates, EUROSTAT_BANDS, fitTrend,
  fleggLambda, flq, gini, greatCircle, growth, growthOver, growthPercent, hansen, herfindahl, herfindahlNormalised,
  hoover, huff, indexOn, industryAdjustedProductivity, industryGroup, industryShifts, inequality,
  internalIntegration, jobsToKeepPopulation, krugman, krugmanAgainst, laRegions, laRegionTables, litzenberger,
  locationQuotient, locationQuotients, logGrowth, meanGrowthRate, neighbourGrowth, neighbourWeights, NO_BANDS,
  OdMatrix, perEmployee, portfolio, prepareProjectionData, projectAgeGroups, projectMunicipality, projectPopulation,
  projectScenario, projectShiftShare, rankAttractiveness, reilly, reillyLambda, relativeDiversity, relativeGini,
  relativeNetMigration, residentialAttractiveness, SE_BANDS, shares, shiftShare, shiftShareByIndustry, shiftShareOf,
  sigmaConvergence, sigmaOf, SKR_AGE_GROUPS, specialisation, specialisationOf, standardisedLocationQuotients,
  theilDecomposition, theilL, theilT, TREND_KINDS, valueAddedGrowth, williamson, withinBetween, type BetaConvergence,
  type BetaOptions, type BirthCount, type BusinessOptions, type BusinessResult, type ByAge, type BySex,
  type CommutingStructure, type CommutingYear, type Component, type ComponentsOptions, type CostOptions,
  type CurveFit, type DeathBand, type DecayKind, type DependencyBands, type DispersionOptions, type Distribution,
  type DynamicOptions, type EconomicBase, type EmpiricalInterval, type GroupProjection, type GroupProjectionOptions,
  type GrowthDecomposition, type GrowthOptions, type HansenOptions, type HansenResult, type HuffOptions,
  type HuffResult, type IndustryColumns, type IndustryGroup, type IndustryPeriod, type IndustryShift,
  type IndustryShiftOptions, type InequalitySummary, type LaOptions, type LaResult, type LatLon, type Lever,
  type Maybe, type ModelOptions, type MunicipalProjection, type MunicipalProjectionOptions, type OlsResult,
  type Projection, type ProjectionAssumptions, type ProjectionData, type ProjectionInput, type ProjectionOptions,
  type RankOptions, type RateOptions, type Rates, type RateTables, type ResidentialOptions, type ResidentialResult,
  type ScenarioOptions, type ShiftShareArrays, type ShiftShareOptions, type SigmaOptions, type SizeClassError,
  type SpecialisationOptions, type SpecialisationSummary, type StockDate, type StructureOptions,
  type TheilDecomposition, type TrendFit, type TrendKind, type UnitCost,
} from "./indicators/index.ts";

// charts/
export {
  ageGroupChart, attractivenessScatter, Chart, commutingChart, componentsChart, config, CONTEXT_COLOUR,
  convergenceChart, costChart, decompositionChart, dependencyChart, display, FOCUS_COLOUR, indexChart, LOCALES,
  PALETTE, portfolioChart, productivityChart, projectionChart, pyramidChart, rankedBars, renderSVG, shiftShareChart,
  smallMultiples, structureQuadrant, type ChartOptions, type Focus, type Locale, type VegaLiteSpec,
} from "./charts/index.ts";

// report/
export {
  annexInputs, buildAnnex, buildSections, industrySection, municipalAnnex, municipalData, municipalProjection,
  municipalSections, NO_SERVICE_GROUPS, parseUnitCosts, renderHtml, reportData, SERVICE_GROUPS, type AnnexOptions,
  type MunicipalAnnexOptions, type MunicipalData, type MunicipalOptions, type ReportData, type ReportOptions,
  type Section, type Sheet, type UnitCosts,
} from "./report/index.ts";
// report/pipelines: what the CLI's commands compute, as library calls
export {
  annexPipeline, attractivenessAnalysis, attractivenessText, buildReport, INDICATOR_KINDS, indicatorRows, indicatorsText,
  inspectText, modelLines, regionLines, reportLocale, type AnnexPipelineOptions, type AnnexResult,
  type AttractivenessAnalysis, type AttractivenessOptions, type AttractivenessRow, type BuiltReport, type IndicatorKind,
  type IndicatorResult, type IndicatorsOptions,
} from "./report/index.ts";
