export { DEFAULT_GROUPS, industryGroup, type IndustryGroup } from "./groups.ts";
export { residentialAttractiveness, type ResidentialOptions, type ResidentialResult } from "./residential.ts";
export { businessAttractiveness, type BusinessOptions, type BusinessResult } from "./business.ts";
export { rankAttractiveness, type RankOptions } from "./rank.ts";
export { jobsToKeepPopulation, projectScenario, type Lever, type ScenarioOptions } from "./scenario.ts";
export { attractivenessModel, type ModelOptions } from "./model.ts";
export { registeredMigration, type MigrationCounts, type RegisteredMigration } from "./net-migration.ts";
