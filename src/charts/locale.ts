/** The languages of charts and reports. */
export type Locale = "sv" | "nb" | "en";

/** d3-format / d3-time-format locales as Vega-Lite's `config.locale` takes them (lower-case month names). */
export const LOCALES: Readonly<Record<Locale, { number: Record<string, unknown>; time: Record<string, unknown> }>> = {
  sv: {
    number: { decimal: ",", thousands: "\u00a0", grouping: [3], currency: ["", "\u00a0kr"], minus: "\u2212", percent: "\u00a0%" },
    time: {
      dateTime: "%A %e %B %Y %X", date: "%Y-%m-%d", time: "%H:%M:%S", periods: ["fm", "em"],
      days: ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"], shortDays: ["sön", "mån", "tis", "ons", "tor", "fre", "lör"],
      months: ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"],
      shortMonths: ["jan", "feb", "mars", "apr", "maj", "juni", "juli", "aug", "sep", "okt", "nov", "dec"],
    },
  },
  nb: {
    number: { decimal: ",", thousands: "\u00a0", grouping: [3], currency: ["", "\u00a0kr"], minus: "\u2212", percent: "\u00a0%" },
    time: {
      dateTime: "%A %e. %B %Y kl. %X", date: "%d.%m.%Y", time: "%H:%M:%S", periods: ["AM", "PM"],
      days: ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"], shortDays: ["søn", "man", "tir", "ons", "tor", "fre", "lør"],
      months: ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"],
      shortMonths: ["jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"],
    },
  },
  en: {
    number: { decimal: ".", thousands: ",", grouping: [3], currency: ["£", ""], minus: "\u2212" },
    time: {
      dateTime: "%a %e %b %Y %X", date: "%d/%m/%Y", time: "%H:%M:%S", periods: ["AM", "PM"],
      days: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"], shortDays: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
      months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
      shortMonths: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    },
  },
};

/** Words of the charts in each language. */
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
  log_employment: { sv: "Sysselsättningstillväxt (log)", nb: "Sysselsettingsvekst (log)", en: "Employment growth (log)" },
  observed: { sv: "Observerat", nb: "Observert", en: "Observed" },
  projected: { sv: "Framskrivning", nb: "Framskriving", en: "Projection" },
  population: { sv: "Befolkning", nb: "Befolkning", en: "Population" },
  age_group: { sv: "Åldersgrupp", nb: "Aldersgruppe", en: "Age group" },
  cost_index: { sv: "Demografisk kostnad", nb: "Demografikostnad", en: "Demographic cost" },
  tax_base_index: { sv: "Skattebas", nb: "Skattegrunnlag", en: "Tax base" },
  log_value_added: { sv: "Förädlingsvärdestillväxt (log)", nb: "Verdiskapingsvekst (log)", en: "Value-added growth (log)" },
} as const satisfies Record<string, Record<Locale, string>>;

export type Word = keyof typeof WORDS;

/** A chart word in a language. */
export function word(key: Word, locale: Locale): string {
  return WORDS[key][locale];
}
