/** The budget annex: see `annex/index.ts`. */
export {
  ANNEX_WORDS, annexInputs, annexWords, buildAnnex, NO_SERVICE_GROUPS, parseUnitCosts, SERVICE_GROUPS, UnitCostsSchema,
  type AnnexOptions, type CellValue, type Formula, type Sheet, type SheetColumn, type UnitCosts,
} from "./annex/index.ts";
