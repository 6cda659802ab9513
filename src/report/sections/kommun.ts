import type { Locale } from "../../charts/locale.ts";
import { MUNICIPAL_WORDS } from "../../charts/words/municipal.ts";
import { OmvarldError } from "../../errors.ts";
import type { MunicipalProjection } from "../../indicators/population/municipal-projection.ts";
import {
  type MunicipalData,
  municipalProjection,
  type ProjectionSettings,
  projectionWarnings,
} from "../municipal-data.ts";
import type { Section } from "../sections.ts";
import { agesSection, observedAgesSection } from "./ages.ts";
import { componentsSection } from "./components.ts";
import { kommunProjectionSection } from "./kommun-projection.ts";

/** The kommun a section is about, in the report's language. */
export interface KommunSectionOptions {
  region: string;
  name: string;
  locale: Locale;
}

/**
 * The sections the kommun tables' projection gives: age structure, components of change and the projection to the
 * horizon (default 2040); where the data allow no projection, the observed ages and, in `missing`, why not
 * ("Befolkningsframskrivning: tabell över döda saknas").
 */
export function kommunSections(
  data: MunicipalData,
  options: KommunSectionOptions & { horizon?: number | undefined; projection?: ProjectionSettings | undefined },
): { sections: Section[]; projection: MunicipalProjection | null; missing: string[]; warnings: string[] } {
  const mw = MUNICIPAL_WORDS[options.locale];
  let projection: MunicipalProjection;
  try {
    projection = municipalProjection(data, options.region, options.horizon ?? 2040, options.projection);
  } catch (error) {
    if (!(error instanceof OmvarldError) || error.code !== "ARGUMENT") throw error;
    const why = !data.deaths?.length ? mw.noDeaths : /one year only/.test(error.message) ? mw.oneYear : mw.noWindow;
    const observed = observedAgesSection(data, options);
    return {
      sections: observed ? [observed] : [],
      projection: null,
      missing: [mw.components, mw.projection].map((h) => `${h}: ${why}`),
      warnings: [],
    };
  }
  return {
    sections: [
      agesSection(projection, data, options),
      componentsSection(projection, data, options),
      kommunProjectionSection(projection, data, options),
    ],
    projection,
    missing: [],
    warnings: projectionWarnings(projection, data.country, options),
  };
}
