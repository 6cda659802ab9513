import type { MunicipalProjection } from "../../indicators/population/municipal-projection.ts";
import type { Table } from "../../table/table.ts";
import type { AnnexOptions } from "./index.ts";

/**
 * The annex's inputs from a kommun projection (`projectMunicipality`): the population by sex and single age with
 * observed and projected years (the `kind` column), the total with its interval, and the components; `method` is the
 * method note in the annex's language.
 *
 * @example
 * const { population, projection } = annexInputs(projectMunicipality(data, { region: "2021", horizon: 2040 }), note);
 * buildAnnex(population, { region: "2021", bands: SE_BANDS, projection, costs });
 */
export function annexInputs(p: MunicipalProjection, method: string): { population: Table; projection: NonNullable<AnnexOptions["projection"]> } {
  return {
    population: p.population,
    projection: { total: p.total, components: p.components, level: p.assumptions.interval?.level ?? 0.8, method },
  };
}
