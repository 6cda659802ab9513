import type { Locale } from "../locale.ts";
import { word } from "./chart.ts";

/**
 * The annex's words. Observed years are "Observerat" / "Observert" / "Observed": the population counted at the
 * year-end, never "Utfall" (which in a budget means actual spending).
 */
export const ANNEX_WORDS = {
  sv: {
    check: "Rimlighet",
    population: word("population", "sv"),
    ages: "Ålder",
    dependency: word("dependency_ratio", "sv"),
    cost: "Demografisk kostnad",
    unitCosts: "Enhetskostnader",
    sources: "Källor",
    changeFrom: (a: number, b: number) => `Förändring ${a}–${b}`,
    changePercent: "Förändring, %",
    year: word("year", "sv"),
    age: word("age", "sv"),
    total: word("total", "sv"),
    kind: "Typ",
    observed: word("observed", "sv"),
    projected: word("projected", "sv"),
    populationTitle: (r: string) => `Befolkning efter åldersgrupp, ${r}`,
    agesTitle: (r: string) => `Befolkning efter ålder och år, ${r}`,
    dependencyTitle: "Demografisk försörjningskvot: (unga + äldre) / arbetsföra × 100",
    costTitle: (r: string) => `Demografiskt betingade kostnader vid oförändrad standard, ${r} (tkr)`,
    unitCostsTitle: "Kostnad per invånare och år i åldersgruppen (tkr) – ändra de gula cellerna",
    service: "Verksamhet",
    ageBand: word("age_group", "sv"),
    unitCost: "Kostnad per invånare, tkr",
    costOf: (service: string, ages: string) => `${service} ${ages}, tkr`,
    totalCost: "Totalt, tkr",
    change: "Förändring, tkr",
    index: word("index", "sv"),
    taxBase: (band: string) => `Skattebas ${band}, medelfolkmängd`,
    taxIndex: "Index skattebas",
    source: word("source", "sv"),
    method: word("method", "sv"),
    what: "Uppgift",
    agency: "Myndighet",
    table: "Tabell",
    tableTitle: "Titel",
    file: "Fil eller fråga",
    updated: "Uppdaterad",
    groupsNote: (g: string) => `Åldersgrupperna är de som källan redovisar (${g}).`,
    methodCost:
      "Kostnad = kostnad per invånare × medelfolkmängd (medel av två årsskiften) i åldersgruppen, med oförändrade kostnader per invånare i fasta priser. Index = 100 × kostnad / kostnad basåret.",
    baseYear: (y: number) => `Basår för index: ${y}.`,
    unitCostsNote:
      "Cellerna i kolumnen Kostnad per invånare är indata: en ändring räknas om i bladet Demografisk kostnad.",
    agesNote:
      "Folkmängd vid den tidpunkt källan anger; framskrivna år är kursiva på blå botten. Befolkningsbladet och kostnaderna räknas fram ur detta blad.",
    low: (l: number) => `Nedre (${l} %)`,
    high: (l: number) => `Övre (${l} %)`,
    components: "Komponenter",
    componentsTitle: (r: string) => `Befolkningsförändringens delar i framskrivningen, ${r}`,
    start: "Folkmängd vid årets början",
    entrants: "Tillskott i yngsta gruppen",
    netOther: "Netto övriga grupper (döda, flyttningar)",
    end: "Folkmängd vid årets slut",
    births: word("births", "sv"),
    deaths: word("deaths", "sv"),
    netMigration: word("net_migration", "sv"),
    componentsNote:
      "Tillskottet i yngsta gruppen är födda plus barnens flyttnetto minus döda barn; resten är döda och flyttnetto i övriga åldrar.",
    projection: word("projected", "sv"),
    dependencyBands: "Åldersgränser i försörjningskvoten",
    unitCostSource: "Kostnader per invånare",
    dependencyNote: (r: string) => `Kvoten för ${r} räknas med formel ur bladet Ålder; jämförelseområdena är värden.`,
  },
  nb: {
    check: "Rimelighet",
    population: word("population", "nb"),
    ages: "Alder",
    dependency: word("dependency_ratio", "nb"),
    cost: "Demografikostnader",
    unitCosts: "Enhetskostnader",
    sources: "Kilder",
    changeFrom: (a: number, b: number) => `Endring ${a}–${b}`,
    changePercent: "Endring, %",
    year: word("year", "nb"),
    age: word("age", "nb"),
    total: word("total", "nb"),
    kind: "Type",
    observed: word("observed", "nb"),
    projected: word("projected", "nb"),
    populationTitle: (r: string) => `Befolkning etter aldersgruppe, ${r}`,
    agesTitle: (r: string) => `Befolkning etter alder og år, ${r}`,
    dependencyTitle: "Forsørgerbrøk: (unge + eldre) / yrkesaktiv alder × 100",
    costTitle: (r: string) => `Demografikostnader ved uendret standard, ${r} (1000 kr)`,
    unitCostsTitle: "Kostnad per innbygger og år i aldersgruppen (1000 kr) – endre de gule cellene",
    service: "Tjeneste",
    ageBand: word("age_group", "nb"),
    unitCost: "Kostnad per innbygger, 1000 kr",
    costOf: (service: string, ages: string) => `${service} ${ages}, 1000 kr`,
    totalCost: "Totalt, 1000 kr",
    change: "Endring, 1000 kr",
    index: word("index", "nb"),
    taxBase: (band: string) => `Skattegrunnlag ${band}, gjennomsnittlig folkemengde`,
    taxIndex: "Indeks skattegrunnlag",
    source: word("source", "nb"),
    method: word("method", "nb"),
    what: "Opplysning",
    agency: "Etat",
    table: "Tabell",
    tableTitle: "Tittel",
    file: "Fil eller spørring",
    updated: "Oppdatert",
    groupsNote: (g: string) => `Aldersgruppene er de kilden oppgir (${g}).`,
    methodCost:
      "Kostnad = kostnad per innbygger × gjennomsnittlig folkemengde (snitt av to årsskifter) i aldersgruppen, med uendrede enhetskostnader i faste priser. Indeks = 100 × kostnad / kostnad i basisåret.",
    baseYear: (y: number) => `Basisår for indeksen: ${y}.`,
    unitCostsNote:
      "Cellene i kolonnen Kostnad per innbygger er inndata: en endring regnes om i arket Demografikostnader.",
    agesNote:
      "Folkemengde på det tidspunktet kilden oppgir; framskrevne år er kursive på blå bunn. Befolkningsarket og kostnadene regnes ut fra dette arket.",
    low: (l: number) => `Nedre (${l} %)`,
    high: (l: number) => `Øvre (${l} %)`,
    components: "Komponenter",
    componentsTitle: (r: string) => `Befolkningsendringens deler i framskrivingen, ${r}`,
    start: "Folkemengde ved årets start",
    entrants: "Tilvekst i yngste gruppe",
    netOther: "Netto øvrige grupper (døde, flytting)",
    end: "Folkemengde ved årets slutt",
    births: word("births", "nb"),
    deaths: word("deaths", "nb"),
    netMigration: word("net_migration", "nb"),
    componentsNote:
      "Tilveksten i yngste gruppe er fødte pluss barnas nettoflytting minus døde barn; resten er døde og nettoflytting i øvrige aldre.",
    projection: word("projected", "nb"),
    dependencyBands: "Aldersgrenser i forsørgerbrøken",
    unitCostSource: "Kostnader per innbygger",
    dependencyNote: (r: string) =>
      `Brøken for ${r} regnes med formel fra arket Alder; sammenligningsområdene er verdier.`,
  },
  en: {
    check: "Plausibility",
    population: word("population", "en"),
    ages: "Age",
    dependency: word("dependency_ratio", "en"),
    cost: "Demographic cost",
    unitCosts: "Unit costs",
    sources: "Sources",
    changeFrom: (a: number, b: number) => `Change ${a}–${b}`,
    changePercent: "Change, %",
    year: word("year", "en"),
    age: word("age", "en"),
    total: word("total", "en"),
    kind: "Kind",
    observed: word("observed", "en"),
    projected: word("projected", "en"),
    populationTitle: (r: string) => `Population by age group, ${r}`,
    agesTitle: (r: string) => `Population by age and year, ${r}`,
    dependencyTitle: "Dependency ratio: (young + old) / working age × 100",
    costTitle: (r: string) => `Demographic cost pressure at constant standards, ${r} (thousands)`,
    unitCostsTitle: "Cost per inhabitant and year in the age group (thousands) – change the yellow cells",
    service: "Service",
    ageBand: word("age_group", "en"),
    unitCost: "Cost per inhabitant, thousands",
    costOf: (service: string, ages: string) => `${service} ${ages}, thousands`,
    totalCost: "Total, thousands",
    change: "Change, thousands",
    index: word("index", "en"),
    taxBase: (band: string) => `Tax base ${band}, mean population`,
    taxIndex: "Tax base index",
    source: word("source", "en"),
    method: word("method", "en"),
    what: "Item",
    agency: "Agency",
    table: "Table",
    tableTitle: "Title",
    file: "File or query",
    updated: "Updated",
    groupsNote: (g: string) => `The age groups are those the source gives (${g}).`,
    methodCost:
      "Cost = cost per inhabitant × mean population (mean of two year-ends) of the age group, with constant unit costs at fixed prices. Index = 100 × cost / cost in the base year.",
    baseYear: (y: number) => `Base year of the index: ${y}.`,
    unitCostsNote:
      "The cells of the column Cost per inhabitant are inputs: a change is recalculated on the sheet Demographic cost.",
    agesNote:
      "Population at the date the source gives; projected years in italics on a blue fill. The population sheet and the costs are computed from this sheet.",
    low: (l: number) => `Low (${l} %)`,
    high: (l: number) => `High (${l} %)`,
    components: "Components",
    componentsTitle: (r: string) => `Components of change in the projection, ${r}`,
    start: "Population at the start of the year",
    entrants: "Entrants to the youngest group",
    netOther: "Net change of the other groups (deaths, migration)",
    end: "Population at the end of the year",
    births: word("births", "en"),
    deaths: word("deaths", "en"),
    netMigration: word("net_migration", "en"),
    componentsNote:
      "Entrants to the youngest group are births plus the children's net migration minus child deaths; the rest is deaths and net migration at other ages.",
    projection: word("projected", "en"),
    dependencyBands: "Age limits of the dependency ratio",
    unitCostSource: "Costs per inhabitant",
    dependencyNote: (r: string) => `The ratio of ${r} is a formula on the sheet Age; the regions compared are values.`,
  },
} as const;

export type AnnexWords = (typeof ANNEX_WORDS)[Locale];

/** The annex's words in a locale. */
export function annexWords(locale: Locale = "sv"): AnnexWords {
  return ANNEX_WORDS[locale];
}

/**
 * English words of the agencies' table titles ("Population, by region, sex, age, contents and year") in Swedish and
 * Norwegian, longest first; Norwegian as SSB titles its own tables, Swedish as SCB does.
 */
const TITLE_WORDS: Readonly<Record<"sv" | "nb", readonly (readonly [string, string])[]>> = {
  sv: [
    ["Population on 1 January", "Folkmängd 1 januari"],
    ["Preliminary figures", "Preliminära uppgifter"],
    ["Live births", "Levande födda"],
    ["Population", "Folkmängd"],
    ["Deaths", "Döda"],
    ["Births", "Födda"],
    ["age group", "åldersgrupp"],
    ["contents", "tabellinnehåll"],
    ["region", "region"],
    ["month", "månad"],
    ["year", "år"],
    ["age", "ålder"],
    ["sex", "kön"],
    ["and", "och"],
    ["by", "efter"],
  ],
  nb: [
    ["Population on 1 January", "Befolkning 1. januar"],
    ["Preliminary figures", "Foreløpige tall"],
    ["Live births", "Levendefødte"],
    ["Population", "Befolkning"],
    ["Deaths", "Døde"],
    ["Births", "Fødte"],
    ["age group", "aldersgruppe"],
    ["contents", "statistikkvariabel"],
    ["region", "region"],
    ["month", "måned"],
    ["year", "år"],
    ["age", "alder"],
    ["sex", "kjønn"],
    ["and", "og"],
    ["by", "etter"],
  ],
};

/**
 * A table's title in the annex's language: an English title of SCB's or SSB's made of the words above is
 * translated word by word; any other title (already Swedish or Norwegian, or with words not listed) is kept as the
 * agency gave it.
 *
 * @example
 * tableTitle("Population, by region, sex, age, contents and year", "nb") // "Befolkning, etter region, kjønn, alder, statistikkvariabel og år"
 * tableTitle("Folkmängden efter region", "nb") // "Folkmängden efter region"
 */
export function tableTitle(title: string, locale: Locale): string {
  if (locale === "en" || !title) return title;
  let translated = title;
  let rest = title;
  for (const [english, local] of TITLE_WORDS[locale]) {
    const pattern = new RegExp(`\\b${english}\\b`, "gi");
    translated = translated.replace(pattern, local);
    rest = rest.replace(pattern, " ");
  }
  return /\p{L}{2,}/u.test(rest) ? title : translated;
}
