export { cagr, change, growth, growthOver, growthPercent, indexOn, logGrowth, type GrowthOptions } from "./population/growth.ts";
export { componentsOfChange, relativeNetMigration, stockDateOf, type ComponentsOptions, type StockDate } from "./population/components.ts";
export {
  decomposeValueAddedGrowth, industryAdjustedProductivity, perEmployee, valueAddedGrowth, withinBetween,
  type GrowthDecomposition, type IndustryColumns, type IndustryPeriod,
} from "./productivity/productivity.ts";
export { industryPanel, type IndustryPanel, type PanelOptions } from "./shiftshare/data.ts";
export {
  dynamicShiftShare, industryShifts, portfolio, shiftShare, shiftShareByIndustry, shiftShareOf,
  type IndustryShift, type ShiftShareArrays, type ShiftShareOptions,
} from "./shiftshare/shiftshare.ts";
export {
  equivalentNumber, herfindahl, herfindahlNormalised, hoover, krugman, locationQuotient, relativeDiversity, relativeGini, shares,
} from "./specialisation/indices.ts";
export { concentration, locationQuotients, specialisation, type StructureOptions } from "./specialisation/specialisation.ts";
export {
  atkinson, coefficientOfVariation, gini, theilDecomposition, theilL, theilT, williamson,
  type Distribution, type TheilDecomposition,
} from "./inequality/inequality.ts";
export { betaConvergence, sigmaConvergence, type BetaConvergence } from "./inequality/convergence.ts";
export { ols, type OlsResult } from "./util/ols.ts";
export * from "./commuting/index.ts";
export * from "./attractiveness/index.ts";
export { dependencyRatios, EUROSTAT_BANDS, NO_BANDS, SE_BANDS, type DependencyBands } from "./population/dependency.ts";
export { demographicCost, type CostOptions, type UnitCost } from "./population/cost.ts";
export { alignToTotal } from "./population/align.ts";
export { estimateRates, type RateOptions, type RateTables } from "./population/rates.ts";
export { projectAgeGroups, type GroupProjection, type GroupProjectionOptions } from "./population/group-projection.ts";
export { localRate, projectPopulation, timeWeights, weightedRate, type ByAge, type BySex, type Projection, type ProjectionOptions, type Rates } from "./population/projection.ts";
export { projectMunicipality, SKR_AGE_GROUPS, stepNet, type Component, type EmpiricalInterval, type MunicipalProjection, type MunicipalProjectionOptions, type ProjectionAssumptions } from "./population/municipal-projection.ts";
export { prepareProjectionData, type BirthCount, type DeathBand, type ProjectionData, type ProjectionInput } from "./population/projection-data.ts";
export { cohortDeaths, movingSum, residualMigration, type CohortDeaths, type ResidualMigration } from "./population/residual-migration.ts";
export { spread, STANDARD_FERTILITY_SOURCE, standardFertility } from "./population/schedules.ts";
export { STANDARD_MORTALITY, STANDARD_MORTALITY_SOURCE } from "./population/standard-mortality.ts";
export { BACKTEST_ERRORS, backtestError, empiricalInterval, type SizeClassError } from "./population/backtest-errors.ts";
