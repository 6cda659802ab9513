import type { ProjectionAssumptions } from "../../indicators/population/municipal-projection.ts";
import { formatNumber, type Locale } from "../locale.ts";
import { word } from "./chart.ts";

/** The age sentence: the share of inhabitants at the old-age threshold or older, observed and, with a projection, at its horizon. */
export interface AgesSentence {
  name: string;
  year: number;
  /** The share in percent, formatted. */
  old: string;
  /** The old-age threshold (65 in Sweden, 67 in Norway). */
  age: number;
  projected?: { horizon: number; old: string };
}

/** The components sentence: mean births, deaths and net migration a year over the observed years. */
export interface ComponentsSentence {
  name: string;
  from: number;
  to: number;
  births: string;
  deaths: string;
  net: string;
}

/** The back-test sentence: the method's mean error for kommuner of the size class, beside no change and the agency's. */
export interface BacktestSentence {
  /** The size class ("5 000–9 999"). */
  size: string;
  years: number;
  mape: string;
  naive: string;
  /** The agency's own projection's error, where known. */
  agency: string | null;
}

/** What the projection's empirical interval means: 8 in 10 kommuner of the size within ±error % after the years. */
export interface IntervalSentence {
  years: number;
  error: string;
}

/** A window of rates shorter than asked for: the years it holds and the number asked for. */
export interface WindowSentence {
  from: number;
  to: number;
  requested: number;
}

/** The words of a kommun's report sections (population by age, components, projection), in each language. */
export const MUNICIPAL_WORDS = {
  sv: {
    total: "Totalt",
    country: { SE: "Riket", NO: "Norge" },
    ages: "Befolkning efter ålder",
    components: "Befolkningsförändringens komponenter",
    projection: "Befolkningsframskrivning",
    births: word("births", "sv"),
    deaths: word("deaths", "sv"),
    netMigration: word("net_migration", "sv"),
    change: "Förändring",
    ageGroup: word("age_group", "sv"),
    years: "år",
    observedHead: (year: number) => `${year} (observerat)`,
    projectedHead: (year: number) => `${year} (framskrivning)`,
    /** The note on the starred projected years of a table. */
    projectedMark: "* framskrivning",
    agesSentence: (f: AgesSentence) =>
      f.projected
        ? `År ${f.year} var ${f.old} % av invånarna i ${f.name} ${f.age} år eller äldre; enligt framskrivningen ${f.projected.old} % år ${f.projected.horizon}.`
        : `År ${f.year} var ${f.old} % av invånarna i ${f.name} ${f.age} år eller äldre.`,
    noDeaths: "tabell över döda saknas",
    oneYear: "folkmängden finns bara för ett år",
    noWindow: "inget år har både folkmängden vid årets början och slut och årets döda",
    intervalMeaning: (f: IntervalSentence) =>
      `Intervallet är centrerat på framskrivningen: när metoden prövades på äldre data hamnade 8 av 10 kommuner av samma storlek inom ±${f.error} % efter ${f.years} år, och bredden växer med tiden.`,
    windowShort: (f: WindowSentence) =>
      `Observera: riskerna bygger bara på ${f.from === f.to ? `år ${f.from}` : `åren ${f.from}–${f.to}`} (i stället för ${f.requested} år), så framskrivningen vilar på ett kort underlag.`,
    implausible: (what: string, year: number, rate: string, low: string, high: string) =>
      `⚠ ${what} ${year}: flyttningarna ändrar den med ${rate} % per år, utanför vad kommuner av samma storlek har visat (${low} till ${high} % per år under fem år); pröva siffran innan den används.`,
    componentsSentence: (f: ComponentsSentence) =>
      `${f.from}–${f.to} föddes i genomsnitt ${f.births} barn per år i ${f.name}, ${f.deaths} personer dog och flyttnettot var ${f.net} per år.`,
    backtest: (f: BacktestSentence) =>
      `Träffsäkerhet: när metoden prövades på alla kommuner med ${f.size} invånare var felet i folkmängden efter ${f.years} år i genomsnitt ${f.mape} % (oförändrad folkmängd: ${f.naive} %${f.agency === null ? "" : `; SSB:s egen framskrivning: ${f.agency} %`}).`,
    observedNote: "Observerade år: källans tabeller. Framskrivna år: beräknade.",
    noCountyLine: (county: string) =>
      `${county} visas inte: någon av dess kommuner saknar tal för år innan den fanns, och summan av de övriga vore inte länet.`,
    residual: "Flyttnettot är restposten av folkmängd, födda och döda (komponentmetoden).",
    method: (a: ProjectionAssumptions) =>
      [
        `Kohort-komponentmetoden per kön och ettårsklass. Risker skattade ${a.window.from}–${a.window.to}.`,
        a.fertility.method === "asfr"
          ? "Fruktsamhet från födda efter moderns ålder."
          : a.fertility.method === "total-births"
            ? `Fruktsamhet från antalet födda fördelat över moderns ålder med en standardprofil (${a.fertility.schedule ?? ""}), summerad fruktsamhet ${formatNumber(a.fertility.tfr, "sv", 2)} (landet ${formatNumber(a.fertility.nationalTfr, "sv", 2)}).`
            : `Tabell över födda saknas: födda beräknas som barn i ålder 0 vid årets slut plus döda i ålder 0, fördelade över moderns ålder med en standardprofil; summerad fruktsamhet ${formatNumber(a.fertility.tfr, "sv", 2)} (landet ${formatNumber(a.fertility.nationalTfr, "sv", 2)}).`,
        a.mortality.method === "single-age"
          ? `Dödlighet från döda per ettårsklass: landets risker gånger kommunens kvot per åldersgrupp, begränsad till ${formatNumber(a.mortality.clip[0], "sv", 1)}–${formatNumber(a.mortality.clip[1], "sv", 1)} och 1 där gruppen hade färre än ${a.mortality.minDeaths} döda.`
          : `Dödlighet från döda per ${a.mortality.method === "age-groups" ? "åldersgrupp" : "kön"}, fördelade på ettårsklasser med en standardprofil (${a.mortality.schedule ?? ""}, indirekt standardisering).`,
        `Från 90 år följer landets dödsrisker en anpassad Kannisto-modell, och den öppna åldersgruppen 100+ räknas som en grupp.`,
        a.mortality.improvement
          ? `Dödsriskerna sjunker i landets takt ${a.mortality.improvement.years[0]}–${a.mortality.improvement.years.at(-1)} (${formatNumber(100 * Math.max(...a.mortality.improvement.rates.flat()), "sv", 1)} % per år som mest).`
          : "",
        `Flyttnetto per kön och ålder som restpost av folkmängd, födda och döda, uttryckt som andel av befolkningen och utjämnat över ${2 * a.migration.smoothing + 1} åldrar; där kommunens grupper är små vägs länets andel in (med tyngden ${formatNumber(a.migration.priorExposure, "sv")} personår), och från ${a.migration.oldAge} år gäller en andel för båda könen; i genomsnitt ${formatNumber(a.migration.observedMeanPerYear, "sv")} per år i fönstret.`,
        a.interval?.method === "empirical"
          ? `Intervallet (${Math.round(100 * a.interval.level)} %) är centrerat på framskrivningen: efter ${a.interval.years} år hamnade 8 av 10 kommuner av samma storlek inom ±${formatNumber(a.interval.error, "sv", 1)} % när metoden prövades på äldre data; bredden växer i proportion till tiden.`
          : a.interval
            ? `Intervallet (${Math.round(100 * a.interval.level)} %) kommer från ${a.interval.runs} körningar som drar ett historiskt års flyttmönster och fruktsamhet; det fångar inte osäkerheten i nivån och är snarare för smalt.`
            : "",
      ]
        .filter(Boolean)
        .join(" "),
    sizes: (from: number, to: number | null) =>
      to === null
        ? `minst ${formatNumber(from, "sv")}`
        : from === 0
          ? `färre än ${formatNumber(to, "sv")}`
          : `${formatNumber(from, "sv")}–${formatNumber(to - 1, "sv")}`,
  },
  nb: {
    total: "Totalt",
    country: { SE: "Sverige", NO: "Hele landet" },
    ages: "Befolkning etter alder",
    components: "Befolkningsendringens komponenter",
    projection: "Befolkningsframskriving",
    births: word("births", "nb"),
    deaths: word("deaths", "nb"),
    netMigration: word("net_migration", "nb"),
    change: "Endring",
    ageGroup: word("age_group", "nb"),
    years: "år",
    observedHead: (year: number) => `${year} (observert)`,
    projectedHead: (year: number) => `${year} (framskriving)`,
    /** The note on the starred projected years of a table. */
    projectedMark: "* framskriving",
    agesSentence: (f: AgesSentence) =>
      f.projected
        ? `I ${f.year} var ${f.old} % av innbyggerne i ${f.name} ${f.age} år eller eldre; etter framskrivingen ${f.projected.old} % i ${f.projected.horizon}.`
        : `I ${f.year} var ${f.old} % av innbyggerne i ${f.name} ${f.age} år eller eldre.`,
    noDeaths: "tabell over døde mangler",
    oneYear: "folketallet finnes bare for ett år",
    noWindow: "ingen år har både folketallet ved årets start og slutt og årets døde",
    intervalMeaning: (f: IntervalSentence) =>
      `Intervallet er sentrert på framskrivingen: da metoden ble prøvd på eldre data, havnet 8 av 10 kommuner av samme størrelse innenfor ±${f.error} % etter ${f.years} år, og bredden vokser med tiden.`,
    windowShort: (f: WindowSentence) =>
      `Merk: ratene bygger bare på ${f.from === f.to ? `året ${f.from}` : `årene ${f.from}–${f.to}`} (i stedet for ${f.requested} år), så framskrivingen hviler på et kort grunnlag.`,
    implausible: (what: string, year: number, rate: string, low: string, high: string) =>
      `⚠ ${what} ${year}: flyttingen endrer den med ${rate} % per år, utenfor det kommuner av samme størrelse har vist (${low} til ${high} % per år over fem år); prøv tallet før det brukes.`,
    componentsSentence: (f: ComponentsSentence) =>
      `I ${f.from}–${f.to} ble det i gjennomsnitt født ${f.births} barn per år i ${f.name}, ${f.deaths} personer døde og nettoflyttingen var ${f.net} per år.`,
    backtest: (f: BacktestSentence) =>
      `Treffsikkerhet: da metoden ble prøvd på alle kommuner med ${f.size} innbyggere, var feilen i folketallet etter ${f.years} år i gjennomsnitt ${f.mape} % (uendret folketall: ${f.naive} %${f.agency === null ? "" : `; SSBs egen framskriving: ${f.agency} %`}).`,
    observedNote: "Observerte år: kildens tabeller. Framskrevne år: beregnet.",
    noCountyLine: (county: string) =>
      `${county} vises ikke: noen av fylkets kommuner mangler tall for år før de fantes, og summen av de andre ville ikke være fylket.`,
    residual: "Nettoflyttingen er restleddet av folketall, fødte og døde (komponentmetoden).",
    method: (a: ProjectionAssumptions) =>
      [
        `Kohort-komponentmetoden etter kjønn og ettårig alder. Rater estimert ${a.window.from}–${a.window.to}.`,
        a.fertility.method === "asfr"
          ? "Fruktbarhet fra fødte etter morens alder."
          : a.fertility.method === "total-births"
            ? `Fruktbarhet fra antall fødte fordelt på morens alder med en standardprofil (${a.fertility.schedule ?? ""}), samlet fruktbarhet ${formatNumber(a.fertility.tfr, "nb", 2)} (landet ${formatNumber(a.fertility.nationalTfr, "nb", 2)}).`
            : `Tabell over fødte mangler: fødte beregnes som barn i alder 0 ved årets slutt pluss døde i alder 0, fordelt på morens alder med en standardprofil; samlet fruktbarhet ${formatNumber(a.fertility.tfr, "nb", 2)} (landet ${formatNumber(a.fertility.nationalTfr, "nb", 2)}).`,
        a.mortality.method === "single-age"
          ? `Dødelighet fra døde etter ettårig alder: landets risiko ganger kommunens forhold per aldersgruppe, begrenset til ${formatNumber(a.mortality.clip[0], "nb", 1)}–${formatNumber(a.mortality.clip[1], "nb", 1)} og 1 der gruppen hadde færre enn ${a.mortality.minDeaths} døde.`
          : `Dødelighet fra døde etter ${a.mortality.method === "age-groups" ? "aldersgruppe" : "kjønn"}, fordelt på ettårig alder med en standardprofil (${a.mortality.schedule ?? ""}, indirekte standardisering).`,
        `Fra 90 år følger landets dødsrisiko en tilpasset Kannisto-modell, og den åpne aldersgruppen 100+ regnes som én gruppe.`,
        a.mortality.improvement
          ? `Dødsrisikoen synker i landets takt ${a.mortality.improvement.years[0]}–${a.mortality.improvement.years.at(-1)} (${formatNumber(100 * Math.max(...a.mortality.improvement.rates.flat()), "nb", 1)} % per år som mest).`
          : "",
        `Nettoflytting etter kjønn og alder som restledd av folketall, fødte og døde, som andel av befolkningen og glattet over ${2 * a.migration.smoothing + 1} aldre; der kommunens grupper er små, vektes fylkets andel inn (med tyngden ${formatNumber(a.migration.priorExposure, "nb")} personår), og fra ${a.migration.oldAge} år gjelder én andel for begge kjønn; i gjennomsnitt ${formatNumber(a.migration.observedMeanPerYear, "nb")} per år i vinduet.`,
        a.interval?.method === "empirical"
          ? `Intervallet (${Math.round(100 * a.interval.level)} %) er sentrert på framskrivingen: etter ${a.interval.years} år havnet 8 av 10 kommuner av samme størrelse innenfor ±${formatNumber(a.interval.error, "nb", 1)} % da metoden ble prøvd på eldre data; bredden vokser i takt med tiden.`
          : a.interval
            ? `Intervallet (${Math.round(100 * a.interval.level)} %) kommer fra ${a.interval.runs} kjøringer som trekker ett historisk års flyttemønster og fruktbarhet; det fanger ikke usikkerheten i nivået og er snarere for smalt.`
            : "",
      ]
        .filter(Boolean)
        .join(" "),
    sizes: (from: number, to: number | null) =>
      to === null
        ? `minst ${formatNumber(from, "nb")}`
        : from === 0
          ? `færre enn ${formatNumber(to, "nb")}`
          : `${formatNumber(from, "nb")}–${formatNumber(to - 1, "nb")}`,
  },
  en: {
    total: "Total",
    country: { SE: "Sweden", NO: "Norway" },
    ages: "Population by age",
    components: "Components of population change",
    projection: "Population projection",
    births: word("births", "en"),
    deaths: word("deaths", "en"),
    netMigration: word("net_migration", "en"),
    change: "Change",
    ageGroup: word("age_group", "en"),
    years: "years",
    observedHead: (year: number) => `${year} (observed)`,
    projectedHead: (year: number) => `${year} (projection)`,
    /** The note on the starred projected years of a table. */
    projectedMark: "* projection",
    agesSentence: (f: AgesSentence) =>
      f.projected
        ? `In ${f.year}, ${f.old} % of the inhabitants of ${f.name} were ${f.age} or older; ${f.projected.old} % in ${f.projected.horizon} according to the projection.`
        : `In ${f.year}, ${f.old} % of the inhabitants of ${f.name} were ${f.age} or older.`,
    noDeaths: "no deaths table",
    oneYear: "the population has one year only",
    noWindow: "no year has the population at its start and end and the year's deaths",
    intervalMeaning: (f: IntervalSentence) =>
      `The interval is centred on the projection: when the method was tested on older data, 8 in 10 municipalities of the same size were within ±${f.error} % after ${f.years} years, and it widens with time.`,
    windowShort: (f: WindowSentence) =>
      `Note: the rates rest on ${f.from === f.to ? `the year ${f.from}` : `the years ${f.from}–${f.to}`} only (instead of ${f.requested} years), a short base for a projection.`,
    implausible: (what: string, year: number, rate: string, low: string, high: string) =>
      `⚠ ${what} ${year}: migration changes it by ${rate} % a year, beyond what municipalities of the same size have shown (${low} to ${high} % a year over five years); check the figure before using it.`,
    componentsSentence: (f: ComponentsSentence) =>
      `In ${f.from}–${f.to}, ${f.name} had on average ${f.births} births and ${f.deaths} deaths a year, and net migration of ${f.net} a year.`,
    backtest: (f: BacktestSentence) =>
      `Accuracy: tested on every municipality of ${f.size} inhabitants, the method's error in the population after ${f.years} years averaged ${f.mape} % (no change: ${f.naive} %${f.agency === null ? "" : `; Statistics Norway's own projection: ${f.agency} %`}).`,
    observedNote: "Observed years: the source's tables. Projected years: computed.",
    noCountyLine: (county: string) =>
      `${county} is not shown: some of its municipalities lack figures for years before they existed, and the sum of the others would not be the county.`,
    residual: "Net migration is the residual of population, births and deaths (the component method).",
    method: (a: ProjectionAssumptions) =>
      [
        `Cohort-component method by sex and single year of age. Rates estimated ${a.window.from}–${a.window.to}.`,
        a.fertility.method === "asfr"
          ? "Fertility from births by the mother's age."
          : a.fertility.method === "total-births"
            ? `Fertility from the number of births spread over the mother's age by a standard schedule (${a.fertility.schedule ?? ""}), total fertility ${formatNumber(a.fertility.tfr, "en", 2)} (country ${formatNumber(a.fertility.nationalTfr, "en", 2)}).`
            : `No births table: births are the children aged 0 at the year's end plus the deaths at age 0, spread over the mother's age by a standard schedule; total fertility ${formatNumber(a.fertility.tfr, "en", 2)} (country ${formatNumber(a.fertility.nationalTfr, "en", 2)}).`,
        a.mortality.method === "single-age"
          ? `Mortality from deaths by single age: the country's risks times the municipality's ratio per age group, clipped to ${formatNumber(a.mortality.clip[0], "en", 1)}–${formatNumber(a.mortality.clip[1], "en", 1)} and 1 where the group had fewer than ${a.mortality.minDeaths} deaths.`
          : `Mortality from deaths by ${a.mortality.method === "age-groups" ? "age group" : "sex"}, spread over single ages by a standard schedule (${a.mortality.schedule ?? ""}, indirect standardisation).`,
        `From age 90 the country's death risks follow a fitted Kannisto model, and the open age group 100+ is taken as one group.`,
        a.mortality.improvement
          ? `Death risks fall at the country's pace of ${a.mortality.improvement.years[0]}–${a.mortality.improvement.years.at(-1)} (at most ${formatNumber(100 * Math.max(...a.mortality.improvement.rates.flat()), "en", 1)} % a year).`
          : "",
        `Net migration by sex and age as the residual of population, births and deaths, as a rate on the population smoothed over ${2 * a.migration.smoothing + 1} ages; where the municipality's groups are small the county's rate is weighed in (with the weight of ${formatNumber(a.migration.priorExposure, "en")} person-years), and from age ${a.migration.oldAge} one rate holds for both sexes; on average ${formatNumber(a.migration.observedMeanPerYear, "en")} a year in the window.`,
        a.interval?.method === "empirical"
          ? `The interval (${Math.round(100 * a.interval.level)} %) is centred on the projection: after ${a.interval.years} years, 8 in 10 municipalities of the same size were within ±${formatNumber(a.interval.error, "en", 1)} % of it when the method was tested on older data; its width grows in proportion to time.`
          : a.interval
            ? `The interval (${Math.round(100 * a.interval.level)} %) comes from ${a.interval.runs} runs that draw one historical year's migration and fertility; it does not carry the uncertainty of their level and is, if anything, too narrow.`
            : "",
      ]
        .filter(Boolean)
        .join(" "),
    sizes: (from: number, to: number | null) =>
      to === null
        ? `at least ${formatNumber(from, "en")}`
        : from === 0
          ? `fewer than ${formatNumber(to, "en")}`
          : `${formatNumber(from, "en")}–${formatNumber(to - 1, "en")}`,
  },
} as const;

export type MunicipalWords = (typeof MUNICIPAL_WORDS)[Locale];
