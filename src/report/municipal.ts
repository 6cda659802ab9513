import type { Locale } from "../charts/locale.ts";
import type { MunicipalProjection } from "../indicators/population/municipal-projection.ts";
import type { MunicipalData, ProjectionSettings } from "./municipal-data.ts";
import { kommunSeries } from "./population-series.ts";
import type { Section } from "./sections.ts";
import { kommunSections } from "./sections/kommun.ts";
import { populationSection } from "./sections/population.ts";
import { sources } from "./source-lines.ts";

export {
  kommunerOf,
  kommunNames,
  migrationCounts,
  type MunicipalData,
  municipalProjection,
  municipalRegion,
  type ProjectionSettings,
  projectionWarnings,
} from "./municipal-data.ts";
export { roundToTotal } from "./round.ts";

export interface MunicipalOptions {
  region: string;
  name: string;
  locale: Locale;
  /** Last projected year (default 2040). */
  horizon?: number;
  /** Regions to compare with (default: the kommuner of the same county). */
  compare?: readonly string[];
  /** @deprecated the same as `compare`. */
  peers?: readonly string[];
  /** The projection's settings beside its defaults: a scenario's multipliers, the window, the pooling of migration. */
  projection?: ProjectionSettings;
}

/**
 * The kommun's sections from its tables alone: population against the county and the country, age structure,
 * components of change and the projection, as far as the data allow; `missing` names what they do not allow and why
 * ("Befolkningsframskrivning: tabell över döda saknas"). `buildSections` makes the same sections with the others.
 */
export function municipalSections(
  data: MunicipalData,
  options: MunicipalOptions,
): { sections: Section[]; projection: MunicipalProjection | null; missing: string[]; warnings: string[] } {
  const { region, name, locale } = options;
  const series = kommunSeries(data, { code: region, name, locale, compare: options.compare ?? options.peers });
  const population = populationSection(series, { region, name, locale, sources: sources([data.population], locale) });
  const rest = kommunSections(data, options);
  return { ...rest, sections: [population, ...rest.sections] };
}
