/** The budget annex: see `annex/index.ts`. */
export {
  annexInputs,
  buildAnnex,
  NO_SERVICE_GROUPS,
  parseUnitCosts,
  SERVICE_GROUPS,
  type AnnexOptions,
  type Sheet,
  type UnitCosts,
} from "./annex/index.ts";
