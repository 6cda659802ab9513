/** Canonical dimension names, from the many names agencies give them. */
const ALIASES: Readonly<Record<string, string>> = {
  region: "region",
  regioner: "region",
  kommun: "region",
  kommune: "region",
  län: "region",
  lan: "region",
  fylke: "region",
  geo: "region",
  municipality: "region",
  municipality_code: "region",
  kommunkod: "region",
  kommunenummer: "region",
  region_code: "region",
  regionkod: "region",
  county: "region",
  nuts: "region",
  år: "year",
  ar: "year",
  aar: "year",
  tid: "year",
  year: "year",
  time: "year",
  time_period: "year",
  period: "year",
  ålder: "age",
  alder: "age",
  age: "age",
  kön: "sex",
  kon: "sex",
  kjønn: "sex",
  kjonn: "sex",
  sex: "sex",
  tabellinnehåll: "contents",
  statistikvariabel: "contents",
  statistikkvariabel: "contents",
  contentscode: "contents",
  contents: "contents",
  arbeidsstedskommune: "destination",
  arbeidssted: "destination",
  "arbetsställets kommun": "destination",
  arbetsställekommun: "destination",
  "place of work": "destination",
  workplace: "destination",
  bostedskommune: "origin",
  bosted: "origin",
  bostadskommun: "origin",
  "place of residence": "origin",
  residence: "origin",
  municipality_name: "region_name",
  kommunnamn: "region_name",
  kommunenavn: "region_name",
  region_name: "region_name",
};

/**
 * The canonical name of a dimension: `region`, `year`, `age`, `sex`, `contents`, or the name itself, trimmed.
 *
 * @example
 * canonicalDimension("Ålder") // "age"
 * canonicalDimension("geo\\TIME_PERIOD") // "region"
 */
export function canonicalDimension(name: string): string {
  const clean = name.trim().replace(/\s+/g, " ");
  const key = clean.toLowerCase().split("\\")[0]!;
  return ALIASES[key] ?? clean;
}

export interface Period {
  year: number;
  /** The sub-annual period as written ("2020K1", "2020M01", "2023U29"), or null for a whole year. */
  period: string | null;
}

const PERIOD = /^(\d{4})(?:([KQ])([1-4])|M(0[1-9]|1[0-2])|([UW])(0[1-9]|[1-4]\d|5[0-3]))?$/;

/**
 * Reads a time label: "2017", "2020K1", "2020Q1", "2020M01", or an ISO week as SSB writes it, "2023U29" (`U` for
 * uke; "2023W29" too), weeks 01-53 (trailing spaces allowed). The year goes to `year`, the label as written to
 * `period`. Years outside 1800-2199 are not taken as periods.
 *
 * @example
 * parsePeriod("2023U29") // { year: 2023, period: "2023U29" }
 * parsePeriod("2017")    // { year: 2017, period: null }
 */
export function parsePeriod(label: string): Period | null {
  const m = PERIOD.exec(label.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1800 || year > 2199) return null;
  return { year, period: m[2] || m[4] || m[5] ? label.trim() : null };
}

/**
 * Splits a composed column header into its contents label and period: "Folkmängd 2017" → ["Folkmängd", 2017],
 * "2019" → ["", 2019], "pop2018" → ["pop", 2018]. Returns null when the header does not end in a period.
 */
export function splitPeriodHeader(header: string): { prefix: string; period: Period } | null {
  const m = /^(.*?)\s*(\d{4}(?:[KQ][1-4]|M(?:0[1-9]|1[0-2])|[UW](?:0[1-9]|[1-4]\d|5[0-3]))?)\s*$/.exec(header);
  if (!m) return null;
  const prefix = m[1]!;
  // "increase 2018-2019" is not a period column; a glued prefix must end in a letter ("pop2018")
  if (prefix !== "" && !/[\p{L}\s)]$/u.test(prefix) && !/\s$/.test(header.slice(0, header.length - m[2]!.length)))
    return null;
  if (/[-–]$/.test(prefix.trim())) return null;
  const period = parsePeriod(m[2]!);
  return period ? { prefix: prefix.trim(), period } : null;
}
