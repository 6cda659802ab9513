import type { Locale } from "../locale.ts";

/** One region's figures for its attractiveness lines, already formatted (`regionLines`). */
export interface RegionLineFigures {
  /** "0428 Trysil, 2007-2016". */
  region: string;
  residential: string;
  business: string;
  /** The ranks (null: not ranked) among the regions ranked. */
  rank: number | null;
  rankBusiness: number | null;
  ranked: number;
}

/** The growth identity's terms, formatted: growth = natural increase + immigration + … + attractiveness. */
export type GrowthTerms = Record<
  | "growth"
  | "natural_increase"
  | "immigration"
  | "constant"
  | "own_jobs"
  | "neighbour_jobs"
  | "size"
  | "integration"
  | "attractiveness",
  string
>;

/** The business identity's terms, formatted: private job growth = national + industry + population + attractiveness. */
export type BusinessTerms = Record<"growth" | "national" | "industry" | "population" | "attractiveness", string>;

/** The lines of one region's attractiveness (`regionLines`), in each language. */
export interface RegionLineWords {
  headline: (f: RegionLineFigures) => string;
  growth: (t: GrowthTerms) => string;
  /** The out-commuting share (percent) and the job growth where the residents work, per 100 inhabitants. */
  commuting: (share: string, jobs: string) => string;
  business: (t: BusinessTerms) => string;
}

const rank = (k: number | null, of: number, ranked: (k: number, of: number) => string, not: string) =>
  k === null ? not : ranked(k, of);

export const REGION_LINE_WORDS: Record<Locale, RegionLineWords> = {
  sv: {
    headline: (f) =>
      `${f.region}: boendeattraktivitet ${f.residential} (${rank(f.rank, f.ranked, (k, n) => `plats ${k} av ${n}`, "ej rangordnad")}), näringsliv ${f.business} (${rank(f.rankBusiness, f.ranked, (k, n) => `plats ${k} av ${n}`, "ej rangordnad")})`,
    growth: (t) =>
      `  befolkningstillväxt ${t.growth} = födelseöverskott ${t.natural_increase} + invandring ${t.immigration} + konstant ${t.constant}` +
      ` + egna jobb ${t.own_jobs} + grannars jobb ${t.neighbour_jobs} + storlek ${t.size} + pendlingsintegration ${t.integration} + attraktivitet ${t.attractiveness}`,
    commuting: (share, jobs) =>
      `  ${share} % av de sysselsatta invånarna arbetar i en annan kommun; där de arbetar växte jobben med ${jobs} per 100 invånare utöver rikets takt (3 år, vägt med pendlarna)`,
    business: (t) =>
      `  tillväxt i privata jobb ${t.growth} = rikets ${t.national} + bransch ${t.industry} + befolkning ${t.population} + attraktivitet ${t.attractiveness}`,
  },
  nb: {
    headline: (f) =>
      `${f.region}: bostedsattraktivitet ${f.residential} (${rank(f.rank, f.ranked, (k, n) => `plass ${k} av ${n}`, "ikke rangert")}), næring ${f.business} (${rank(f.rankBusiness, f.ranked, (k, n) => `plass ${k} av ${n}`, "ikke rangert")})`,
    growth: (t) =>
      `  befolkningsvekst ${t.growth} = fødselsoverskudd ${t.natural_increase} + innvandring ${t.immigration} + konstantledd ${t.constant}` +
      ` + egne arbeidsplasser ${t.own_jobs} + nabovekst ${t.neighbour_jobs} + størrelse ${t.size} + arbeidsmarkedsintegrasjon ${t.integration} + attraktivitet ${t.attractiveness}`,
    commuting: (share, jobs) =>
      `  ${share} % av de sysselsatte innbyggerne arbeider i en annen kommune; der de arbeider, vokste arbeidsplassene med ${jobs} per 100 innbyggere utover landets takt (3 år, vektet med pendlerne)`,
    business: (t) =>
      `  vekst i private arbeidsplasser ${t.growth} = landets ${t.national} + bransje ${t.industry} + befolkning ${t.population} + attraktivitet ${t.attractiveness}`,
  },
  en: {
    headline: (f) =>
      `${f.region}: residential attractiveness ${f.residential} (${rank(f.rank, f.ranked, (k, n) => `rank ${k} of ${n}`, "not ranked")}), business ${f.business} (${rank(f.rankBusiness, f.ranked, (k, n) => `rank ${k} of ${n}`, "not ranked")})`,
    growth: (t) =>
      `  population growth ${t.growth} = natural increase ${t.natural_increase} + immigration ${t.immigration} + constant ${t.constant}` +
      ` + own jobs ${t.own_jobs} + neighbours' jobs ${t.neighbour_jobs} + size ${t.size} + integration ${t.integration} + attractiveness ${t.attractiveness}`,
    commuting: (share, jobs) =>
      `  ${share} % of employed residents work in another kommune; the places they work in gained ${jobs} jobs per 100 inhabitants beyond the national rate (3 years, weighted by commuters)`,
    business: (t) =>
      `  private job growth ${t.growth} = national ${t.national} + industry ${t.industry} + population ${t.population} + attractiveness ${t.attractiveness}`,
  },
};
