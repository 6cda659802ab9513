import type { ProjectionAssumptions } from "../../indicators/population/municipal-projection.ts";
import { formatNumber, type Locale } from "../locale.ts";
import { word } from "./chart.ts";

/** The words of a kommun's report sections (population by age, components, projection), in each language. */
export const MUNICIPAL_WORDS = {
  sv: {
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
    agesSentence: (name: string, year: number, old: string, horizon: number, oldThen: string) =>
      `År ${year} var ${old} % av invånarna i ${name} 65 år eller äldre; enligt framskrivningen ${oldThen} % år ${horizon}.`,
    componentsSentence: (name: string, from: number, to: number, births: string, deaths: string, net: string) =>
      `${from}–${to} föddes i genomsnitt ${births} barn per år i ${name}, ${deaths} personer dog och flyttnettot var ${net} per år.`,
    projectionSentence: (
      name: string,
      horizon: number,
      value: string,
      low: string,
      high: string,
      start: number,
      now: string,
      verb: string,
    ) =>
      `Om födda, döda och flyttningar följer mönstret i fönstret ${verb} befolkningen i ${name} från ${now} år ${start} till ${value} år ${horizon} (80 % intervall ${low}–${high}).`,
    rises: "växer",
    falls: "minskar",
    backtest: (size: string, years: number, mape: string, naive: string) =>
      `Träffsäkerhet: när metoden prövades på alla kommuner med ${size} invånare var felet i folkmängden efter ${years} år i genomsnitt ${mape} % (oförändrad folkmängd: ${naive} %).`,
    observedNote: "Observerade år: källans tabeller. Framskrivna år: beräknade.",
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
        `Flyttnetto per kön och ålder som restpost av folkmängd, födda och döda, uttryckt som andel av befolkningen och utjämnat över ${2 * a.migration.smoothing + 1} åldrar; i genomsnitt ${formatNumber(a.migration.observedMeanPerYear, "sv")} per år i fönstret.`,
        a.interval?.method === "empirical"
          ? `Intervallet (${Math.round(100 * a.interval.level)} %) kommer från metodens eget fel: 10:e–90:e percentilen av felet efter ${a.interval.years} år när alla kommuner av samma storlek framskrevs från äldre data, skalad linjärt med tiden.`
          : a.interval
            ? `Intervallet (${Math.round(100 * a.interval.level)} %) kommer från ${a.interval.runs} körningar som drar ett historiskt års flyttmönster och fruktsamhet; det fångar inte osäkerheten i nivån och är snarare för smalt.`
            : "",
      ]
        .filter(Boolean)
        .join(" "),
    sizes: (from: number, to: number | null) =>
      to === null ? `minst ${formatNumber(from, "sv")}` : `${formatNumber(from, "sv")}–${formatNumber(to - 1, "sv")}`,
  },
  nb: {
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
    agesSentence: (name: string, year: number, old: string, horizon: number, oldThen: string) =>
      `I ${year} var ${old} % av innbyggerne i ${name} 65 år eller eldre; etter framskrivingen ${oldThen} % i ${horizon}.`,
    componentsSentence: (name: string, from: number, to: number, births: string, deaths: string, net: string) =>
      `I ${from}–${to} ble det i gjennomsnitt født ${births} barn per år i ${name}, ${deaths} personer døde og nettoflyttingen var ${net} per år.`,
    projectionSentence: (
      name: string,
      horizon: number,
      value: string,
      low: string,
      high: string,
      start: number,
      now: string,
      verb: string,
    ) =>
      `Om fødte, døde og flytting følger mønsteret i vinduet, ${verb} befolkningen i ${name} fra ${now} i ${start} til ${value} i ${horizon} (80 % intervall ${low}–${high}).`,
    rises: "vokser",
    falls: "synker",
    backtest: (size: string, years: number, mape: string, naive: string) =>
      `Treffsikkerhet: da metoden ble prøvd på alle kommuner med ${size} innbyggere, var feilen i folketallet etter ${years} år i gjennomsnitt ${mape} % (uendret folketall: ${naive} %).`,
    observedNote: "Observerte år: kildens tabeller. Framskrevne år: beregnet.",
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
        `Nettoflytting etter kjønn og alder som restledd av folketall, fødte og døde, som andel av befolkningen og glattet over ${2 * a.migration.smoothing + 1} aldre; i gjennomsnitt ${formatNumber(a.migration.observedMeanPerYear, "nb")} per år i vinduet.`,
        a.interval?.method === "empirical"
          ? `Intervallet (${Math.round(100 * a.interval.level)} %) kommer fra metodens egen feil: 10.–90. persentil av feilen etter ${a.interval.years} år da alle kommuner av samme størrelse ble framskrevet fra eldre data, skalert lineært med tiden.`
          : a.interval
            ? `Intervallet (${Math.round(100 * a.interval.level)} %) kommer fra ${a.interval.runs} kjøringer som trekker ett historisk års flyttemønster og fruktbarhet; det fanger ikke usikkerheten i nivået og er snarere for smalt.`
            : "",
      ]
        .filter(Boolean)
        .join(" "),
    sizes: (from: number, to: number | null) =>
      to === null ? `minst ${formatNumber(from, "nb")}` : `${formatNumber(from, "nb")}–${formatNumber(to - 1, "nb")}`,
  },
  en: {
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
    agesSentence: (name: string, year: number, old: string, horizon: number, oldThen: string) =>
      `In ${year}, ${old} % of the inhabitants of ${name} were 65 or older; ${oldThen} % in ${horizon} according to the projection.`,
    componentsSentence: (name: string, from: number, to: number, births: string, deaths: string, net: string) =>
      `In ${from}–${to}, ${name} had on average ${births} births and ${deaths} deaths a year, and net migration of ${net} a year.`,
    projectionSentence: (
      name: string,
      horizon: number,
      value: string,
      low: string,
      high: string,
      start: number,
      now: string,
      verb: string,
    ) =>
      `If births, deaths and migration follow the pattern of the window, the population of ${name} ${verb} from ${now} in ${start} to ${value} in ${horizon} (80 % interval ${low}–${high}).`,
    rises: "grows",
    falls: "falls",
    backtest: (size: string, years: number, mape: string, naive: string) =>
      `Accuracy: tested on every municipality of ${size} inhabitants, the method's error in the population after ${years} years averaged ${mape} % (no change: ${naive} %).`,
    observedNote: "Observed years: the source's tables. Projected years: computed.",
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
        `Net migration by sex and age as the residual of population, births and deaths, as a rate on the population smoothed over ${2 * a.migration.smoothing + 1} ages; on average ${formatNumber(a.migration.observedMeanPerYear, "en")} a year in the window.`,
        a.interval?.method === "empirical"
          ? `The interval (${Math.round(100 * a.interval.level)} %) comes from the method's own error: the 10th-90th percentile of the error after ${a.interval.years} years when every municipality of the same size was projected from older data, scaled linearly with time.`
          : a.interval
            ? `The interval (${Math.round(100 * a.interval.level)} %) comes from ${a.interval.runs} runs that draw one historical year's migration and fertility; it does not carry the uncertainty of their level and is, if anything, too narrow.`
            : "",
      ]
        .filter(Boolean)
        .join(" "),
    sizes: (from: number, to: number | null) =>
      to === null
        ? `at least ${formatNumber(from, "en")}`
        : `${formatNumber(from, "en")}–${formatNumber(to - 1, "en")}`,
  },
} as const;

export type MunicipalWords = (typeof MUNICIPAL_WORDS)[Locale];
