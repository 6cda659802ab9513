export { OdMatrix } from "./od.ts";
export {
  commutingFromFlows,
  commutingFromMatrix,
  commutingFromStocks,
  internalIntegration,
  neighbourWeights,
} from "./indicators.ts";
export { laRegions, laRegionTables, type LaOptions, type LaResult } from "./la.ts";
export { commutingStructure, neighbourGrowth, type CommutingStructure, type CommutingYear } from "./structure.ts";
