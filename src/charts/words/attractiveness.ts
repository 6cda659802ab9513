import type { Locale } from "../locale.ts";
import { missingTerm } from "./report.ts";

/** The figures of the line that says where the net migration came from (counts already formatted). */
export interface Registered {
  registered: string;
  of: string;
  kept: string;
  merged: string;
  split: string;
  /** The kommune structures of the panel and of the counts (years). */
  panel: number;
  counts: number;
  /** The years without any registered figure ("2007"), or "". */
  years: string;
}

/** The words of the attractiveness printout (`omvarld attractiveness`): the model's fit, its sources and the table heads. */
export const ATTRACTIVENESS_WORDS = {
  sv: {
    heading: (n: number, level: string, period: string) =>
      `Attraktivitet för ${n} regioner (nivå ${level}), medelvärden ${period}, procent per år`,
    residentialPooled:
      "Boendeattraktivitet: relativ nettoinflyttning, en regression samlad över regioner och år (medelfel inom parentes):",
    residentialYearly: "Boendeattraktivitet: relativ nettoinflyttning, en regression per år (medelfel inom parentes):",
    businessPooled:
      "Näringslivsattraktivitet: tillväxt i privata arbetsplatser − rikets − branschstruktur mot relativ befolkningstillväxt året före, samlad:",
    businessYearly: "Näringslivsattraktivitet: befolkningseffekten, en regression per år:",
    pooled: "samlad",
    terms: {
      intercept: "konstant",
      own_jobs_0: "egna jobb t",
      own_jobs_1: "egna jobb t−1",
      own_jobs_2: "egna jobb t−2",
      neighbour_jobs: "grannars jobb",
      size: "storlek",
      integration: "pendlingsintegration",
      population_growth: "befolkningstillväxt t−1",
    } as Record<string, string>,
    registered: (r: Registered) =>
      `  nettoinflyttning: registrerad (folkmängd, födda, döda) i ${r.registered} av ${r.of} observationer; panelens egen i ${r.kept}: de ${r.merged} kommuner som slogs samman och de ${r.split} som delades mellan panelens indelning (${r.panel}) och registrets (${r.counts}), som inte kan delas upp utan vikter${r.years ? `, och ${r.years}, som registret saknar` : ""}`,
    panelOnly:
      "  nettoinflyttning: panelens egen tillväxt − födelseöverskott (procent avrundade till två decimaler); ge kommunernas folkmängd, födda och döda för registrerad nettoinflyttning",
    industryEffect: (n: string) => `  branscheffekten: beräknad från privata arbetsplatser per bransch (${n} regioner)`,
    industryMissing:
      "branscheffekten: data saknar privata arbetsplatser per bransch, så näringslivsattraktiviteten här innehåller den",
    leftOut: "utelämnat",
    note: "not",
    columns: ["rang", "kod", "namn", "befolkning", "boende", "närings", "tillv", "jobb", "grann", "integr", "storl"],
  },
  nb: {
    heading: (n: number, level: string, period: string) =>
      `Attraktivitet for ${n} regioner (nivå ${level}), gjennomsnitt ${period}, prosent per år`,
    residentialPooled:
      "Bostedsattraktivitet: relativ nettoinnflytting, én regresjon samlet over regioner og år (standardfeil i parentes):",
    residentialYearly: "Bostedsattraktivitet: relativ nettoinnflytting, én regresjon per år (standardfeil i parentes):",
    businessPooled:
      "Næringsattraktivitet: vekst i private arbeidsplasser − nasjonal − bransjeeffekt mot relativ befolkningsvekst året før, samlet:",
    businessYearly: "Næringsattraktivitet: befolkningseffekten, én regresjon per år:",
    pooled: "samlet",
    terms: {
      intercept: "konstantledd",
      own_jobs_0: "egne arbeidsplasser t",
      own_jobs_1: "egne arbeidsplasser t−1",
      own_jobs_2: "egne arbeidsplasser t−2",
      neighbour_jobs: "nabovekst",
      size: "størrelse",
      integration: "arbeidsmarkedsintegrasjon",
      population_growth: "befolkningsvekst t−1",
    } as Record<string, string>,
    registered: (r: Registered) =>
      `  nettoinnflytting: registrert (folkemengde, fødte, døde) i ${r.registered} av ${r.of} observasjoner; panelets egen i ${r.kept}: de ${r.merged} kommunene som ble slått sammen og de ${r.split} som ble delt mellom panelets inndeling (${r.panel}) og registerets (${r.counts}), som ikke kan deles opp uten vekter${r.years ? `, og ${r.years}, som registeret mangler` : ""}`,
    panelOnly:
      "  nettoinnflytting: panelets egen vekst − fødselsoverskudd (prosent avrundet til to desimaler); gi kommunenes folkemengde, fødte og døde for registrert nettoinnflytting",
    industryEffect: (n: string) =>
      `  bransjeeffekten: beregnet fra private arbeidsplasser etter næring (${n} regioner)`,
    industryMissing:
      "bransjeeffekten: dataene mangler private arbeidsplasser etter næring, så næringsattraktiviteten her inneholder den",
    leftOut: "utelatt",
    note: "merk",
    columns: ["rang", "kode", "navn", "folketall", "bosted", "næring", "vekst", "arb.pl", "nabo", "integr", "størr"],
  },
  en: {
    heading: (n: number, level: string, period: string) =>
      `Attractiveness of ${n} regions (level ${level}), means over ${period}, percent a year`,
    residentialPooled:
      "Residential: relative net migration, one regression pooled over regions and years (standard errors in brackets):",
    residentialYearly: "Residential: relative net migration, one regression a year (standard errors in brackets):",
    businessPooled:
      "Business: private job growth − national − industry on relative population growth the year before, pooled:",
    businessYearly: "Business: population effect, one regression a year:",
    pooled: "pooled",
    terms: {
      own_jobs_0: "own jobs t",
      own_jobs_1: "own jobs t−1",
      own_jobs_2: "own jobs t−2",
      neighbour_jobs: "neighbours' jobs",
      population_growth: "population growth t−1",
    } as Record<string, string>,
    registered: (r: Registered) =>
      `  net migration: registered (population, births, deaths) for ${r.registered} of ${r.of} observations; the panel's own for ${r.kept}: the ${r.merged} kommuner merged and the ${r.split} split between the panel's structure (${r.panel}) and the counts' (${r.counts}), which cannot be split back without weights${r.years ? `, and ${r.years}, which the counts lack` : ""}`,
    panelOnly:
      "  net migration: the panel's own growth − natural increase (percentages rounded to two decimals); give the kommuner's population, births and deaths for registered net migration",
    industryEffect: (n: string) => `  industry effect: from private jobs by industry (${n} regions)`,
    industryMissing:
      "the industry effect: the data hold no private jobs by industry, so business attractiveness here includes it",
    leftOut: "left out",
    note: "note",
    columns: [
      "rank",
      "code",
      "name",
      "population",
      "residential",
      "business",
      "growth",
      "jobs",
      "nb",
      "integr",
      "size",
    ],
  },
} as const;

/** Notes of the model whose words are known, in the printout's language; others as the model wrote them. */
const NOTES: readonly [RegExp, Record<Exclude<Locale, "en">, (...m: string[]) => string>][] = [
  [
    /^one year of commuting flows \((\d+)\)/,
    {
      sv: (y) =>
        `ett års pendlingsflöden (${y}): matrisen tas som en strukturell egenskap hos varje område och används för alla år`,
      nb: (y) =>
        `ett års pendlingsstrømmer (${y}): matrisen tas som en strukturell egenskap ved hvert område og brukes for alle år`,
    },
  ],
  [
    /^(\d+) codes mapped to the panel's codes with the registry \((.*)\)$/,
    {
      sv: (n, list) => `${n} koder fördes över till panelens koder med registret (${list})`,
      nb: (n, list) => `${n} koder ble ført over til panelets koder med registeret (${list})`,
    },
  ],
  [
    /^flows of (\d+) codes the panel does not hold were left out \((.*)\)$/,
    {
      sv: (n, list) => `flöden för ${n} koder som panelen saknar lämnades utanför (${list})`,
      nb: (n, list) => `strømmer for ${n} koder som panelet mangler ble utelatt (${list})`,
    },
  ],
  [
    /^industries of no group left out of the industry effect: (.*)$/,
    {
      sv: (list) => `branscher utan grupp lämnades utanför branscheffekten: ${list}`,
      nb: (list) => `næringer uten gruppe ble utelatt fra bransjeeffekten: ${list}`,
    },
  ],
  [
    /^(\d+) of (\d+) regions have no jobs by industry and are not estimated: (.*)$/,
    {
      sv: (n, of, list) => `${n} av ${of} regioner saknar arbetsplatser per bransch och skattas inte: ${list}`,
      nb: (n, of, list) => `${n} av ${of} regioner mangler arbeidsplasser etter næring og estimeres ikke: ${list}`,
    },
  ],
];

/** A note of the attractiveness model in the printout's language. */
export function noteTerm(message: string, locale: Locale): string {
  if (locale === "en") return message;
  for (const [pattern, words] of NOTES) {
    const m = pattern.exec(message);
    if (m) return words[locale](...m.slice(1));
  }
  return message;
}

/** A component the attractiveness model left out, in the printout's language (the model says it in English). */
export function leftOutTerm(message: string, locale: Locale): string {
  return /^the industry effect/.test(message)
    ? ATTRACTIVENESS_WORDS[locale].industryMissing
    : missingTerm(message, locale);
}
