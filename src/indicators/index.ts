export {
  cagr,
  change,
  growth,
  growthOver,
  growthPercent,
  indexOn,
  logGrowth,
  meanGrowthRate,
  type GrowthOptions,
} from "./population/growth.ts";
export {
  componentsOfChange,
  relativeNetMigration,
  type ComponentsOptions,
  type StockDate,
} from "./population/components.ts";
export {
  decomposeValueAddedGrowth,
  industryAdjustedProductivity,
  perEmployee,
  valueAddedGrowth,
  withinBetween,
  type GrowthDecomposition,
  type IndustryColumns,
  type IndustryPeriod,
} from "./productivity/productivity.ts";
export {
  dynamicShiftShare,
  industryShifts,
  portfolio,
  projectShiftShare,
  shiftShare,
  shiftShareByIndustry,
  shiftShareOf,
  type DynamicOptions,
  type IndustryShift,
  type IndustryShiftOptions,
  type ShiftShareArrays,
  type ShiftShareOptions,
} from "./shiftshare/shiftshare.ts";
export {
  equivalentNumber,
  herfindahl,
  herfindahlNormalised,
  hoover,
  krugman,
  krugmanAgainst,
  locationQuotient,
  relativeDiversity,
  relativeGini,
  shares,
} from "./specialisation/indices.ts";
export {
  additiveLocationQuotient,
  economicBase,
  fleggLambda,
  flq,
  litzenberger,
  standardisedLocationQuotients,
  type EconomicBase,
} from "./specialisation/quotients.ts";
export {
  concentration,
  locationQuotients,
  specialisation,
  type SpecialisationOptions,
  type StructureOptions,
} from "./specialisation/specialisation.ts";
export { specialisationOf, type SpecialisationSummary } from "./specialisation/summary.ts";
export {
  atkinson,
  coefficientOfVariation,
  gini,
  type GiniOptions,
  inequality,
  theilDecomposition,
  theilL,
  theilT,
  williamson,
  type DispersionOptions,
  type Distribution,
  type InequalitySummary,
  type TheilDecomposition,
} from "./inequality/inequality.ts";
export { coulter, dalton } from "./inequality/coulter.ts";
export { meanSquaredSuccessiveDifference } from "./inequality/mssd.ts";
export { convergenceSpeed } from "./inequality/speed.ts";
export {
  agglomeration,
  colocation,
  ellisonGlaeser,
  ellisonGlaeserOf,
  type Colocation,
  type EllisonGlaeser,
} from "./agglomeration/index.ts";
export { linearRegression, type Regression } from "./regression/linear.ts";
export {
  betaConvergence,
  betaConvergenceOf,
  sigmaConvergence,
  sigmaOf,
  type BetaConvergence,
  type BetaOptions,
  type SigmaOptions,
} from "./inequality/convergence.ts";
export { type Maybe } from "./util/missing.ts";
export { type OlsResult } from "./util/ols.ts";
export {
  converse,
  countWithin,
  distanceMatrix,
  greatCircle,
  hansen,
  huff,
  reilly,
  reillyLambda,
  ripley,
  type DecayKind,
  type DistanceOptions,
  type HansenOptions,
  type HansenResult,
  type HuffOptions,
  type HuffResult,
  type LatLon,
  type Point,
  type RipleyRow,
} from "./accessibility/index.ts";
export { curveFit, fitTrend, TREND_KINDS, type CurveFit, type TrendFit, type TrendKind } from "./trends/curvefit.ts";
export { gifpro, gifproTrend, type Gifpro, type GifproIndustry, type GifproOptions } from "./trends/gifpro.ts";
export {
  commutingFromFlows,
  commutingFromMatrix,
  commutingFromStocks,
  commutingStructure,
  internalIntegration,
  laRegions,
  laRegionTables,
  neighbourGrowth,
  neighbourWeights,
  OdMatrix,
  type CommutingStructure,
  type CommutingYear,
  type LaOptions,
  type LaResult,
} from "./commuting/index.ts";
export {
  attractivenessModel,
  businessAttractiveness,
  DEFAULT_GROUPS,
  industryGroup,
  jobsToKeepPopulation,
  projectScenario,
  rankAttractiveness,
  registeredMigration,
  residentialAttractiveness,
  type BusinessOptions,
  type BusinessResult,
  type IndustryGroup,
  type Lever,
  type MigrationCounts,
  type ModelOptions,
  type RankOptions,
  type RegisteredMigration,
  type ResidentialOptions,
  type ResidentialResult,
  type ScenarioOptions,
} from "./attractiveness/index.ts";
export { dependencyRatios, EUROSTAT_BANDS, NO_BANDS, SE_BANDS, type DependencyBands } from "./population/dependency.ts";
export { demographicCost, type CostOptions, type UnitCost } from "./population/cost.ts";
export { alignToTotal } from "./population/align.ts";
export { estimateRates, type RateOptions, type RateTables } from "./population/rates.ts";
export { projectAgeGroups, type GroupProjection, type GroupProjectionOptions } from "./population/group-projection.ts";
export {
  projectPopulation,
  type ByAge,
  type BySex,
  type Projection,
  type ProjectionOptions,
  type Rates,
} from "./population/projection.ts";
export {
  NO_AGE_GROUPS,
  projectMunicipality,
  serviceAgeGroups,
  SKR_AGE_GROUPS,
  type Component,
  type MunicipalProjection,
  type MunicipalProjectionOptions,
  type ProjectionAssumptions,
} from "./population/municipal-projection.ts";
export {
  prepareProjectionData,
  type BirthCount,
  type DeathBand,
  type ProjectionData,
  type ProjectionInput,
} from "./population/projection-data.ts";
export {
  backtestError,
  empiricalInterval,
  plausibleMigration,
  type EmpiricalInterval,
  type PlausibleMigration,
  type SizeClassError,
} from "./population/backtest-errors.ts";
export { implausibleFigures, type ImplausibleFigure } from "./population/plausibility.ts";
