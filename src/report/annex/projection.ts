import { localeOr } from "../../charts/words/locales.ts";
import type { Locale } from "../../charts/locale.ts";
import type { MunicipalProjection } from "../../indicators/population/municipal-projection.ts";
import type { Table } from "../../table/table.ts";
import { MUNICIPAL_WORDS } from "../../charts/words/municipal.ts";
import type { AnnexProjection } from "./sheets.ts";

/**
 * The annex's inputs from a kommun projection (`projectMunicipality`): the population by sex and single age with
 * observed and projected years (the `kind` column), the total with its interval, the components, and the method
 * note (by default the report's, from the projection's assumptions, in `locale`).
 *
 * @example
 * const { population, projection } = annexInputs(projectMunicipality(data, { region: "2021", horizon: 2040 }), { locale: "sv" });
 * annexSheets(population, { region: "2021", bands: SE_BANDS, projection, costs, provenance: data.population.provenance });
 */
export function annexInputs(
  p: MunicipalProjection,
  options: { locale?: Locale; method?: string; flags?: readonly { year: number; text: string }[] } = {},
): { population: Table; projection: AnnexProjection } {
  const method = options.method ?? MUNICIPAL_WORDS[localeOr(options.locale)].method(p.assumptions);
  return {
    population: p.population,
    projection: {
      total: p.total,
      components: p.components,
      level: p.assumptions.interval?.level ?? 0.8,
      method,
      ...(options.flags?.length ? { flags: options.flags } : {}),
    },
  };
}
