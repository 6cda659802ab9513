import type { RegionNote } from "../../regions/region-note.ts";
import type { Locale } from "../locale.ts";
import { word } from "./chart.ts";

/** The population sentence: "Befolkningen i Trysil har gått ned med 2,0 % siden 2008 (fra 6 741 til 6 603)." */
export interface PopulationSentence {
  name: string;
  /** Whether the population grew (or held) over the period. */
  grew: boolean;
  /** The change in percent, formatted, without its sign. */
  pct: string;
  year: number;
  /** The first and the last population, formatted. */
  from: string;
  to: string;
}

/** The residential attractiveness sentence: the value, the rank among the panel's regions (null: not ranked). */
export interface AttractivenessSentence {
  name: string;
  value: string;
  rank: number | null;
  of: string;
  /** "2007–2016". */
  period: string;
  /** Whether the panel's regions are counties (fylker) rather than kommuner. */
  counties?: boolean;
}

/** The jobs sentence: private jobs' change since the first year and the business attractiveness. */
export interface JobsSentence {
  name: string;
  grew: boolean;
  pct: string;
  year: number;
  value: string;
}

/** The commuting sentence of the last year: in-, out- and net commuters, formatted. */
export interface CommutingSentence {
  name: string;
  year: number;
  inn: string;
  out: string;
  net: string;
}

/**
 * The projection sentence: the population from the start year to the horizon with its 80 % interval; a trend
 * projection (`projectAgeGroups`) names the years its ratios come from, a cohort-component one (`projectMunicipality`)
 * the window of births, deaths and migration.
 */
export interface ProjectionSentence {
  name: string;
  /** Whether the population at the horizon is at least that of the start year. */
  rises: boolean;
  start: number;
  now: string;
  horizon: number;
  value: string;
  low: string;
  high: string;
  /** The first year of a trend projection's ratios (none: the cohort-component wording). */
  trend?: { from: number };
}

/** The economy sentence: GDP per inhabitant as a share of the country's in the last and the first year. */
export interface EconomySentence {
  name: string;
  pct: string;
  year: number;
  pct0: string;
  year0: number;
}

/** The report's words (headings, sentences, table heads), in each language. */
export const REPORT_WORDS = {
  sv: {
    title: (name: string) => `Omvärldsanalys: ${name}`,
    population: word("population", "sv"),
    attractiveness: word("attractiveness", "sv"),
    jobs: "Arbetsplatser",
    commuting: "Pendling",
    productivity: "Produktivitet",
    projection: "Befolkningsframskrivning och försörjningskvot",
    year: word("year", "sv"),
    inhabitants: "Invånare",
    change: "Förändring, %",
    populationSentence: (f: PopulationSentence) =>
      f.from === f.to
        ? `Befolkningen i ${f.name} var ${f.to} vid periodens början (${f.year}) och vid dess slut.`
        : `Befolkningen i ${f.name} ${f.grew ? "har ökat" : "har minskat"} med ${f.pct} % sedan ${f.year} (från ${f.from} till ${f.to}).`,
    attractivenessSentence: (f: AttractivenessSentence) =>
      `${f.name}s boendeattraktivitet ${f.period} var ${f.value} procentenheter per år, ${f.rank === null ? "ej rangordnad" : `plats ${f.rank}`} av ${f.of} ${f.counties ? "län" : "kommuner"}.`,
    jobsSentence: (f: JobsSentence) =>
      `Antalet privata arbetsplatser i ${f.name} ${f.grew ? "har ökat" : "har minskat"} med ${f.pct} % sedan ${f.year}; näringslivsattraktiviteten var ${f.value} procentenheter per år.`,
    commutingSentence: (f: CommutingSentence) =>
      `${f.year} pendlade ${f.inn} personer in till ${f.name} och ${f.out} ut; pendlingsnettot var ${f.net}.`,
    missing: "Avsnitt som saknas eftersom data saknas",
    missingWhy: "inga data",
    source: word("source", "sv"),
    generated: "Skapad med omvarld",
    projectionSentence: (f: ProjectionSentence) =>
      f.trend
        ? `Om utvecklingen ${f.trend.from}–${f.start} håller i sig, ${f.rises ? "växer" : "minskar"} befolkningen i ${f.name} till ${f.value} år ${f.horizon} (80 % intervall ${f.low}–${f.high}), från ${f.now} år ${f.start}.`
        : `Om födda, döda och flyttningar följer mönstret i fönstret ${f.rises ? "växer" : "minskar"} befolkningen i ${f.name} från ${f.now} år ${f.start} till ${f.value} år ${f.horizon} (80 % intervall ${f.low}–${f.high}).`,
    method: word("method", "sv"),
    economy: "Ekonomi: BRP per invånare",
    gdpTitle: "BRP per invånare, procent av rikets",
    gdpPerHead: "BRP per invånare, euro",
    country: "Riket",
    share: "Andel av rikets, %",
    economySentence: (f: EconomySentence) =>
      `BRP per invånare i ${f.name} var ${f.pct} % av rikets ${f.year} (${f.pct0} % ${f.year0}).`,
    gdpNote: "Löpande priser i euro; kvoten mot riket tar bort pris- och valutaförändringar.",
    total: word("total", "sv"),
    low: "Nedre",
    high: "Övre",
    regionNote: (n: RegionNote) => regionNote(n, "sv"),
    registeredNote: (registered: string, of: string) =>
      `Nettoinflyttningen är registrerad (folkmängd, födda, döda) i ${registered} av ${of} kommunår, annars panelens egen.`,
    panelCode: (name: string, code: string) => `Panelen har ${name} under koden ${code}, från före en omnumrering.`,
    mergedUnits: (name: string, units: readonly string[]) =>
      `${name} bildades av ${listed(units, "och")}: siffrorna är deras tillsammans, andelar vägda med folkmängden (arbetsplatser: antalet jobb).`,
    partialUnits: (units: readonly string[]) =>
      `${listed(units, "och")} delades mellan flera kommuner och ingår inte: underlaget saknar delarnas siffror.`,
    dependency: word("dependency_ratio", "sv"),
    countyProjection: "görs för en kommun i taget: välj en av länets kommuner",
  },
  nb: {
    title: (name: string) => `Omverdensanalyse: ${name}`,
    population: word("population", "nb"),
    attractiveness: word("attractiveness", "nb"),
    jobs: "Arbeidsplasser",
    commuting: "Pendling",
    productivity: "Produktivitet",
    projection: "Befolkningsframskriving og forsørgerbrøk",
    year: word("year", "nb"),
    inhabitants: "Innbyggere",
    change: "Endring, %",
    populationSentence: (f: PopulationSentence) =>
      f.from === f.to
        ? `Befolkningen i ${f.name} var ${f.to} ved periodens start (${f.year}) og ved slutten.`
        : `Befolkningen i ${f.name} ${f.grew ? "har økt" : "har gått ned"} med ${f.pct} % siden ${f.year} (fra ${f.from} til ${f.to}).`,
    attractivenessSentence: (f: AttractivenessSentence) =>
      `Bostedsattraktiviteten i ${f.name} ${f.period} var ${f.value} prosentpoeng per år, ${f.rank === null ? "ikke rangert" : `plass ${f.rank}`} av ${f.of} ${f.counties ? "fylker" : "kommuner"}.`,
    jobsSentence: (f: JobsSentence) =>
      `Antall private arbeidsplasser i ${f.name} ${f.grew ? "har økt" : "har gått ned"} med ${f.pct} % siden ${f.year}; næringsattraktiviteten var ${f.value} prosentpoeng per år.`,
    commutingSentence: (f: CommutingSentence) =>
      `I ${f.year} pendlet ${f.inn} personer inn til ${f.name} og ${f.out} ut; pendlingsnettoen var ${f.net}.`,
    missing: "Avsnitt som mangler fordi data mangler",
    missingWhy: "ingen data",
    source: word("source", "nb"),
    generated: "Laget med omvarld",
    projectionSentence: (f: ProjectionSentence) =>
      f.trend
        ? `Om utviklingen ${f.trend.from}–${f.start} fortsetter, ${f.rises ? "vokser" : "synker"} befolkningen i ${f.name} til ${f.value} i ${f.horizon} (80 % intervall ${f.low}–${f.high}), fra ${f.now} i ${f.start}.`
        : `Om fødte, døde og flytting følger mønsteret i vinduet, ${f.rises ? "vokser" : "synker"} befolkningen i ${f.name} fra ${f.now} i ${f.start} til ${f.value} i ${f.horizon} (80 % intervall ${f.low}–${f.high}).`,
    method: word("method", "nb"),
    economy: "Økonomi: BNP per innbygger",
    gdpTitle: "BNP per innbygger, prosent av landets",
    gdpPerHead: "BNP per innbygger, euro",
    country: "Landet",
    share: "Andel av landets, %",
    economySentence: (f: EconomySentence) =>
      `BNP per innbygger i ${f.name} var ${f.pct} % av landets i ${f.year} (${f.pct0} % i ${f.year0}).`,
    gdpNote: "Løpende priser i euro; forholdet til landet fjerner pris- og valutaendringer.",
    total: word("total", "nb"),
    low: "Nedre",
    high: "Øvre",
    regionNote: (n: RegionNote) => regionNote(n, "nb"),
    registeredNote: (registered: string, of: string) =>
      `Nettoinnflyttingen er registrert (folkemengde, fødte, døde) i ${registered} av ${of} kommuneår, ellers panelets egen.`,
    panelCode: (name: string, code: string) =>
      `Panelet har ${name} under koden ${code}, fra før et nytt kommunenummer.`,
    mergedUnits: (name: string, units: readonly string[]) =>
      `${name} ble dannet av ${listed(units, "og")}: tallene er deres sammen, andeler vektet med folketallet (arbeidsplasser: antall jobber).`,
    partialUnits: (units: readonly string[]) =>
      `${listed(units, "og")} ble delt mellom flere kommuner og er ikke med: datagrunnlaget mangler tallene for delene.`,
    dependency: word("dependency_ratio", "nb"),
    countyProjection: "lages for én kommune om gangen: velg en av fylkets kommuner",
  },
  en: {
    title: (name: string) => `Environmental scan: ${name}`,
    population: word("population", "en"),
    attractiveness: word("attractiveness", "en"),
    jobs: "Jobs",
    commuting: "Commuting",
    productivity: "Productivity",
    projection: "Population projection and dependency ratio",
    year: word("year", "en"),
    inhabitants: "Inhabitants",
    change: "Change, %",
    populationSentence: (f: PopulationSentence) =>
      f.from === f.to
        ? `The population of ${f.name} was ${f.to} at the start of the period (${f.year}) and at its end.`
        : `The population of ${f.name} ${f.grew ? "has grown" : "has fallen"} by ${f.pct} % since ${f.year} (from ${f.from} to ${f.to}).`,
    attractivenessSentence: (f: AttractivenessSentence) =>
      `The residential attractiveness of ${f.name} in ${f.period} was ${f.value} percentage points a year, ${f.rank === null ? "not ranked" : `rank ${f.rank}`} of ${f.of} ${f.counties ? "counties" : "municipalities"}.`,
    jobsSentence: (f: JobsSentence) =>
      `Private jobs in ${f.name} ${f.grew ? "have grown" : "have fallen"} by ${f.pct} % since ${f.year}; business attractiveness was ${f.value} percentage points a year.`,
    commutingSentence: (f: CommutingSentence) =>
      `In ${f.year}, ${f.inn} people commuted into ${f.name} and ${f.out} out; net commuting was ${f.net}.`,
    missing: "Sections left out for want of data",
    missingWhy: "no data",
    source: word("source", "en"),
    generated: "Made with omvarld",
    projectionSentence: (f: ProjectionSentence) =>
      f.trend
        ? `If the trend of ${f.trend.from}–${f.start} continues, the population of ${f.name} ${f.rises ? "grows" : "falls"} to ${f.value} in ${f.horizon} (80 % interval ${f.low}–${f.high}), from ${f.now} in ${f.start}.`
        : `If births, deaths and migration follow the pattern of the window, the population of ${f.name} ${f.rises ? "grows" : "falls"} from ${f.now} in ${f.start} to ${f.value} in ${f.horizon} (80 % interval ${f.low}–${f.high}).`,
    method: word("method", "en"),
    economy: "Economy: GDP per inhabitant",
    gdpTitle: "GDP per inhabitant, percent of the country's",
    gdpPerHead: "GDP per inhabitant, euro",
    country: "Country",
    share: "Share of the country's, %",
    economySentence: (f: EconomySentence) =>
      `GDP per inhabitant in ${f.name} was ${f.pct} % of the country's in ${f.year} (${f.pct0} % in ${f.year0}).`,
    gdpNote: "Current prices in euro; the ratio to the country removes price and currency changes.",
    total: word("total", "en"),
    low: "Low",
    high: "High",
    regionNote: (n: RegionNote) => regionNote(n, "en"),
    registeredNote: (registered: string, of: string) =>
      `Net migration is registered (population, births, deaths) for ${registered} of ${of} kommune-years, else the panel's own.`,
    panelCode: (name: string, code: string) => `The panel holds ${name} under its code before a renumbering, ${code}.`,
    mergedUnits: (name: string, units: readonly string[]) =>
      `${name} was formed from ${listed(units, "and")}: the figures are theirs together, shares weighted by population (jobs: by the number of jobs).`,
    partialUnits: (units: readonly string[]) =>
      `${listed(units, "and")} was divided between several kommuner and is left out: the data lack the parts' figures.`,
    dependency: word("dependency_ratio", "en"),
    countyProjection: "made one municipality at a time: choose one of the county's municipalities",
  },
} as const;

/** The method note of a projection on age groups (`projectAgeGroups`). */
const PROJECTION_METHOD = {
  sv: (p: ProjectionInfo) =>
    `kohortförändring på källans åldersgrupper i ettårssteg (Hamilton-Perry): kvoter per kön och grupp skattade ${p.from}–${p.to} med ${p.weights === "exponential" ? "exponentiella" : p.weights === "linear" ? "linjära" : "lika"} tidsvikter, tillskottet i yngsta gruppen per kvinna i barnafödande ålder. Intervallet (${p.level} %) kommer från ${p.runs} körningar där varje år drar ett historiskt års kvoter. En trendframskrivning, inte en prognos med antaganden om födda, döda och flyttningar.`,
  nb: (p: ProjectionInfo) =>
    `kohortendring på kildens aldersgrupper i ettårssteg (Hamilton-Perry): rater per kjønn og gruppe estimert ${p.from}–${p.to} med ${p.weights === "exponential" ? "eksponentielle" : p.weights === "linear" ? "lineære" : "like"} tidsvekter, tilveksten i yngste gruppe per kvinne i fødedyktig alder. Intervallet (${p.level} %) kommer fra ${p.runs} kjøringer der hvert år trekker et historisk års rater. En trendframskriving, ikke en prognose med forutsetninger om fødte, døde og flytting.`,
  en: (p: ProjectionInfo) =>
    `cohort change on the source's age groups in yearly steps (Hamilton-Perry): ratios per sex and group estimated ${p.from}–${p.to} with ${p.weights} time weights, entrants to the youngest group per woman of childbearing age. The interval (${p.level} %) comes from ${p.runs} runs in which each year draws one historical year's ratios. A trend projection, not a forecast with assumptions on births, deaths and migration.`,
} as const;

/** What a projection was estimated from, for its method note. */
export interface ProjectionInfo {
  from: number;
  to: number;
  weights: "uniform" | "linear" | "exponential";
  level: number;
  runs: number;
}

/** The method note of a projection on age groups, in the annex's language. */
export function projectionMethod(locale: Locale, info: ProjectionInfo): string {
  return PROJECTION_METHOD[locale](info);
}

/** The words of the industry section. */
export const INDUSTRY_WORDS = {
  sv: {
    heading: "Näringsliv: sysselsättning per bransch",
    industry: word("industry", "sv"),
    employment: word("employment", "sv"),
    lq: "Lokaliseringskvot",
    change: "Förändring",
    national: "Rikets utveckling",
    mix: "Branschstruktur",
    regional: word("regional_shift", "sv"),
    sentence: (
      name: string,
      change: string,
      from: number,
      to: number,
      national: string,
      mix: string,
      regional: string,
      krugman: string,
    ) =>
      `Sysselsättningen i ${name} förändrades med ${change} från ${from} till ${to}: ${national} följer av rikets utveckling, ${mix} av branschstrukturen och ${regional} är en regional effekt. Krugmans specialiseringsindex är ${krugman} (0 = samma struktur som riket, 2 = helt olika).`,
    note: "Shift-share enligt Dunn (1960) mot riket; lokaliseringskvot över 1: branschen är större i regionen än i riket.",
  },
  nb: {
    heading: "Næringsliv: sysselsetting etter næring",
    industry: word("industry", "nb"),
    employment: word("employment", "nb"),
    lq: "Lokaliseringskvotient",
    change: "Endring",
    national: "Nasjonal vekst",
    mix: "Næringsstruktur",
    regional: word("regional_shift", "nb"),
    sentence: (
      name: string,
      change: string,
      from: number,
      to: number,
      national: string,
      mix: string,
      regional: string,
      krugman: string,
    ) =>
      `Sysselsettingen i ${name} endret seg med ${change} fra ${from} til ${to}: ${national} følger av den nasjonale veksten, ${mix} av næringsstrukturen og ${regional} er en regional effekt. Krugmans spesialiseringsindeks er ${krugman} (0 = samme struktur som landet, 2 = helt ulik).`,
    note: "Shift-share etter Dunn (1960) mot landet; lokaliseringskvotient over 1: næringen er større i regionen enn i landet.",
  },
  en: {
    heading: "Business: employment by industry",
    industry: word("industry", "en"),
    employment: word("employment", "en"),
    lq: "Location quotient",
    change: "Change",
    national: "National growth",
    mix: "Industry mix",
    regional: word("regional_shift", "en"),
    sentence: (
      name: string,
      change: string,
      from: number,
      to: number,
      national: string,
      mix: string,
      regional: string,
      krugman: string,
    ) =>
      `Employment in ${name} changed by ${change} from ${from} to ${to}: ${national} from national growth, ${mix} from the industry mix and ${regional} a regional shift. Krugman's specialisation index is ${krugman} (0 = the nation's structure, 2 = entirely different).`,
    note: "Shift-share after Dunn (1960) against the nation; a location quotient above 1: the industry is larger in the region than in the nation.",
  },
} as const;

/** What the attractiveness model lacks, in the report's language (the model says it in English). */
export function missingTerm(message: string, locale: Locale): string {
  const known: readonly [RegExp, Record<Locale, string>][] = [
    [
      /private jobs only/,
      {
        sv: "egen jobbtillväxt räknar bara privata arbetsplatser (panelen saknar det totala antalet: offentliga jobb hamnar i resten)",
        nb: "egen arbeidsplassvekst teller bare private arbeidsplasser (panelet mangler totalt antall: offentlig vekst havner i restleddet)",
        en: message,
      },
    ],
    [
      /industry effect/,
      {
        sv: "branscheffekten (inga arbetsplatser per bransch)",
        nb: "bransjeeffekten (ingen arbeidsplasser etter næring)",
        en: message,
      },
    ],
    [
      /job growth of the places residents work in/,
      {
        sv: "jobbtillväxten där invånarna arbetar (ingen pendlingsmatris)",
        nb: "arbeidsplassveksten der innbyggerne jobber (ingen pendlingsmatrise)",
        en: message,
      },
    ],
    [
      /labour-market integration/,
      {
        sv: "integrationen i arbetsmarknaden (ingen pendlingsmatris)",
        nb: "integrasjonen i arbeidsmarkedet (ingen pendlingsmatrise)",
        en: message,
      },
    ],
  ];
  return known.find(([re]) => re.test(message))?.[1][locale] ?? message;
}

/** "A, B och C": a list in a sentence. */
function listed(items: readonly string[], and: string): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${and} ${items.at(-1)}`;
}

/** One sentence on how the region asked for relates to the data's (a new number, a merger, a division). */
function regionNote(n: RegionNote, locale: Locale): string {
  const r = (x: { code: string; name: string }) => `${x.name} (${x.code})`;
  const others = n.others.map(r);
  const and = { sv: "och", nb: "og", en: "and" }[locale];
  switch (n.kind) {
    case "renumbered":
      return {
        sv: `${n.asked.name} bytte kommunkod ${n.year}: ${n.asked.code} och ${n.data.code} är samma kommun; tabellerna använder ${n.data.code}.`,
        nb: `${n.asked.name} fikk nytt kommunenummer i ${n.year}: ${n.asked.code} og ${n.data.code} er samme kommune; tabellene bruker ${n.data.code}.`,
        en: `${n.asked.name} was renumbered in ${n.year}: ${n.asked.code} and ${n.data.code} are the same kommune; the tables use ${n.data.code}.`,
      }[locale];
    case "merged":
      return {
        sv: `${r(n.asked)} slogs ${n.year} samman med ${listed(others, and)} till ${r(n.data)}: rapporten gäller ${r(n.data)}.`,
        nb: `${r(n.asked)} ble i ${n.year} slått sammen med ${listed(others, and)} til ${r(n.data)}: rapporten gjelder ${r(n.data)}.`,
        en: `${r(n.asked)} merged with ${listed(others, and)} into ${r(n.data)} in ${n.year}: the report is about ${r(n.data)}.`,
      }[locale];
    case "split": {
      const parts = listed([r(n.asked), ...others], and);
      return {
        sv: `${r(n.asked)} bildades ${n.year} när ${r(n.data)} delades i ${parts}; tabellerna slutar före delningen, så rapporten gäller hela ${r(n.data)}, också det som nu är ${listed(others, and)}.`,
        nb: `${r(n.asked)} ble dannet i ${n.year} da ${r(n.data)} ble delt i ${parts}; tabellene slutter før delingen, så rapporten gjelder hele ${r(n.data)}, også det som nå er ${listed(others, and)}.`,
        en: `${r(n.asked)} was formed in ${n.year} when ${r(n.data)} was divided into ${parts}; the tables end before the division, so the report is about the whole of ${r(n.data)}, including what is now ${listed(others, and)}.`,
      }[locale];
    }
    case "formed":
      return {
        sv: `${r(n.asked)} bildades ${n.year} av ${listed(others, and)}; deras siffror ligger till grund för rapporten.`,
        nb: `${r(n.asked)} ble dannet i ${n.year} av ${listed(others, and)}; deres tall ligger til grunn for rapporten.`,
        en: `${r(n.asked)} was formed in ${n.year} from ${listed(others, and)}; the report rests on their figures.`,
      }[locale];
  }
}
