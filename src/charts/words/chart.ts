import type { Locale } from "../locale.ts";

/**
 * Words of the charts in each language, and the words the report, the annex and the kommun sections share with them
 * (year, observed, births, …): each word is written here once and the tables in `report.ts`, `annex.ts` and
 * `municipal.ts` take it with `word()`.
 */
const WORDS = {
  source: { sv: "Källa", nb: "Kilde", en: "Source" },
  year: { sv: "År", nb: "År", en: "Year" },
  index: { sv: "Index", nb: "Indeks", en: "Index" },
  persons: { sv: "Personer", nb: "Personer", en: "Persons" },
  component: { sv: "Komponent", nb: "Komponent", en: "Component" },
  change: { sv: "Total förändring", nb: "Total endring", en: "Total change" },
  natural_increase: { sv: "Födelseöverskott", nb: "Fødselsoverskudd", en: "Natural increase" },
  net_domestic_migration: { sv: "Inrikes flyttnetto", nb: "Innenlands nettoflytting", en: "Net domestic migration" },
  net_international_migration: { sv: "Invandringsnetto", nb: "Nettoinnvandring", en: "Net international migration" },
  net_migration: { sv: "Flyttnetto", nb: "Nettoflytting", en: "Net migration" },
  adjustment: { sv: "Justering", nb: "Justering", en: "Adjustment" },
  region: { sv: "Region", nb: "Region", en: "Region" },
  percent_per_year: { sv: "Procent per år", nb: "Prosent per år", en: "Percent a year" },
  percentage_points: { sv: "Procentenheter", nb: "Prosentpoeng", en: "Percentage points" },
  growth: { sv: "Faktisk tillväxt", nb: "Faktisk vekst", en: "Actual growth" },
  immigration: { sv: "Nationell invandring", nb: "Innvandringsbidrag", en: "National immigration" },
  structure: { sv: "Struktur", nb: "Struktur", en: "Structure" },
  constant: { sv: "Konstant", nb: "Konstantledd", en: "Constant" },
  own_jobs: { sv: "Egen jobbtillväxt", nb: "Egen arbeidsplassvekst", en: "Own job growth" },
  neighbour_jobs: { sv: "Grannars jobbtillväxt", nb: "Nabovekst", en: "Neighbours' job growth" },
  size: { sv: "Storlek", nb: "Størrelse", en: "Size" },
  integration: { sv: "Pendlingsintegration", nb: "Arbeidsmarkedsintegrasjon", en: "Labour-market integration" },
  attractiveness: { sv: "Attraktivitet", nb: "Attraktivitet", en: "Attractiveness" },
  residential: { sv: "Boendeattraktivitet", nb: "Bostedsattraktivitet", en: "Residential attractiveness" },
  business: { sv: "Näringslivsattraktivitet", nb: "Næringsattraktivitet", en: "Business attractiveness" },
  industry: { sv: "Bransch", nb: "Næring", en: "Industry" },
  industry_mix: { sv: "Branschstruktur", nb: "Bransjeeffekt", en: "Industry mix" },
  regional_shift: { sv: "Regional effekt", nb: "Regional effekt", en: "Regional shift" },
  national_share: { sv: "Nationell tillväxt", nb: "Nasjonal vekst", en: "National growth" },
  employment: { sv: "Sysselsatta", nb: "Sysselsatte", en: "Employment" },
  regional_growth: { sv: "Regional tillväxt, %", nb: "Regional vekst, %", en: "Regional growth, %" },
  national_growth: { sv: "Nationell tillväxt, %", nb: "Nasjonal vekst, %", en: "National growth, %" },
  in_commuters: { sv: "Inpendlare", nb: "Innpendlere", en: "In-commuters" },
  out_commuters: { sv: "Utpendlare", nb: "Utpendlere", en: "Out-commuters" },
  net_commuting: { sv: "Pendlingsnetto", nb: "Pendlingsnetto", en: "Net commuting" },
  commuters: { sv: "Pendlare", nb: "Pendlere", en: "Commuters" },
  log_employment: {
    sv: "Sysselsättningstillväxt (log)",
    nb: "Sysselsettingsvekst (log)",
    en: "Employment growth (log)",
  },
  observed: { sv: "Observerat", nb: "Observert", en: "Observed" },
  projected: { sv: "Framskrivning", nb: "Framskriving", en: "Projection" },
  population: { sv: "Befolkning", nb: "Befolkning", en: "Population" },
  age_group: { sv: "Åldersgrupp", nb: "Aldersgruppe", en: "Age group" },
  cost_index: { sv: "Demografisk kostnad", nb: "Demografikostnad", en: "Demographic cost" },
  tax_base_index: { sv: "Skattebas", nb: "Skattegrunnlag", en: "Tax base" },
  log_value_added: {
    sv: "Förädlingsvärdestillväxt (log)",
    nb: "Verdiskapingsvekst (log)",
    en: "Value-added growth (log)",
  },
  women: { sv: "Kvinnor", nb: "Kvinner", en: "Women" },
  men: { sv: "Män", nb: "Menn", en: "Men" },
  age: { sv: "Ålder", nb: "Alder", en: "Age" },
  pyramid: {
    sv: "Befolkning efter ålder och kön",
    nb: "Befolkning etter alder og kjønn",
    en: "Population by age and sex",
  },
  dependency_ratio: { sv: "Försörjningskvot", nb: "Forsørgerbrøk", en: "Dependency ratio" },
  births: { sv: "Födda", nb: "Fødte", en: "Births" },
  deaths: { sv: "Döda", nb: "Døde", en: "Deaths" },
  total: { sv: "Totalt", nb: "Totalt", en: "Total" },
  method: { sv: "Metod", nb: "Metode", en: "Method" },
  bars: { sv: "staplar", nb: "søyler", en: "bars" },
  line: { sv: "linje", nb: "linje", en: "line" },
  and: { sv: "och", nb: "og", en: "and" },
  coefficient_of_variation: {
    sv: "Variationskoefficient",
    nb: "Variasjonskoeffisient",
    en: "Coefficient of variation",
  },
  dispersion: { sv: "Spridning mellan regioner", nb: "Spredning mellom regioner", en: "Dispersion across regions" },
  other_regions: { sv: "Övriga regioner", nb: "Andre regioner", en: "Other regions" },
  other_municipalities: { sv: "Övriga kommuner", nb: "Andre kommuner", en: "Other municipalities" },
  fitted_line: { sv: "Anpassad linje", nb: "Tilpasset linje", en: "Fitted line" },
  equal_growth: { sv: "Lika tillväxt", nb: "Lik vekst", en: "Equal growth" },
  value: { sv: "Värde", nb: "Verdi", en: "Value" },
  measure: { sv: "Mått", nb: "Mål", en: "Measure" },
  series: { sv: "Serie", nb: "Serie", en: "Series" },
  specialisation: { sv: "Specialisering", nb: "Spesialisering", en: "Specialisation" },
  part: { sv: "Del", nb: "Del", en: "Part" },
  sex: { sv: "Kön", nb: "Kjønn", en: "Sex" },
} as const satisfies Record<string, Record<Locale, string>>;

export type Word = keyof typeof WORDS;

/** A chart word in a language. */
export function word(key: Word, locale: Locale): string {
  return WORDS[key][locale];
}

/** "80 %-intervall", a projection band's legend entry. */
export function intervalWord(level: number, locale: Locale): string {
  return locale === "en" ? `${level} % interval` : `${level} %-intervall`;
}

/** "shaded: 80 % interval", the note on a projection chart's band. */
export function shadedInterval(level: number, locale: Locale): string {
  return locale === "sv"
    ? `skuggat: ${level} %-intervall`
    : locale === "nb"
      ? `skyggelagt: ${level} %-intervall`
      : `shaded: ${level} % interval`;
}
