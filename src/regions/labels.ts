/**
 * Region cells as agencies write them: "0114 Upplands Väsby", "0114 - Upplands Väsby" (PxWebApi 2 UseCodesAndTexts),
 * "K-3421" (SSB aggregated regions), "F-40", "SE11 Stockholm" (NUTS), "01 Stockholm county", "Riket", and codes that
 * lost their leading zeros in Excel ("114").
 */
export interface RegionLabel {
  code: string;
  name: string | null;
}

const NUMERIC = /^(?:[KF]-)?(\d{1,9}(?:-\d{2})?)(?:\s+-\s+|\s+)?(.*)$/;
const NUTS = /^([A-Z]{2}[0-9A-Z_]{0,8})(?:\s+(.+))?$/;
const SSB_PSEUDO = /^K-(Rest)\b\s*(.*)$/;

/** Names of the places SSB lists as regions that are no kommune or fylke: Svalbard, the shelf, abroad, unknown. */
const PSEUDO_NAMES =
  /svalbard|jan mayen|kontinentalsokkel|continental shelf|utlandet|abroad|ikke bosatt|not resident|uoppgitt|unknown|delte kommuner|divided municipalities|divided municalities/i;

/**
 * True for SSB's pseudo-regions, which hold people or events but are no kommune or fylke: `K-21-22` Svalbard and
 * Jan Mayen, `K-23` the continental shelf, `K-Rest` divided kommuner and unknown, and the old county-level rows
 * "21 Svalbard", "23 Kontinentalsokkelen", "25 Utlandet", "88 Ikke bosatt i Norge", "99 Uoppgitt fylke". Rankings
 * and comparisons of kommuner leave them out.
 *
 * @example
 * isPseudoRegion("Rest", "Divided municalities and unknown") // true
 * isPseudoRegion("3421", "Trysil")                          // false
 */
export function isPseudoRegion(code: string, name: string | null = null): boolean {
  return code === "Rest" || code === "21-22" || (name !== null && PSEUDO_NAMES.test(name));
}

/** Region names without a code that stand for a whole country; their codes as the agencies use them. */
const COUNTRY_LABELS: Readonly<Record<string, string>> = {
  riket: "00",
  sverige: "00",
  sweden: "00",
  "hele landet": "0",
  "heile landet": "0",
  "the whole country": "0",
  norway: "0",
};

/** The codes the agencies give a whole country: SCB's "00", SSB's "0", and the ISO/NUTS "SE", "NO". */
const COUNTRY_CODES = new Set(["00", "0", "SE", "NO"]);

/**
 * True for a region code or label that stands for a whole country: "00", "0", "SE", "NO", "Riket", "Hele landet",
 * "Sweden", "Norway" (the one list; `parseRegionLabel` maps the same labels to their codes).
 *
 * @example
 * isCountry("Riket") // true
 * isCountry("2021")  // false
 */
export function isCountry(code: string): boolean {
  return COUNTRY_CODES.has(code) || COUNTRY_LABELS[code.trim().toLowerCase()] !== undefined;
}

/** Labels of total rows that sum the rows above them (Excel re-saves, REAT data). */
const TOTAL_LABELS = new Set(["total", "totalt", "summa", "sum", "i alt", "insgesamt", "totalsumma"]);

/**
 * True for a label of a total row ("Total", "Summa", "I alt"), which must not be summed with its parts; the one list
 * of such region labels (sex and age totals: `isBothSexes`, `isAllAges` in io/).
 *
 * @example
 * isTotalLabel("Summa") // true
 */
export function isTotalLabel(label: string): boolean {
  return TOTAL_LABELS.has(label.trim().toLowerCase());
}

/**
 * Splits a region cell into code and name; `null` when it has no recognisable code.
 *
 * @example
 * parseRegionLabel("2021 Vansbro")          // { code: "2021", name: "Vansbro" }
 * parseRegionLabel("0114 - Upplands Väsby") // { code: "0114", name: "Upplands Väsby" }
 * parseRegionLabel("K-3421")                // { code: "3421", name: null }
 * parseRegionLabel("SE11 Stockholm")        // { code: "SE11", name: "Stockholm" }
 */
export function parseRegionLabel(label: string): RegionLabel | null {
  const text = label.trim();
  const pseudo = SSB_PSEUDO.exec(text);
  if (pseudo) return { code: pseudo[1]!, name: pseudo[2]!.trim() || null };
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const name = numeric[2]!.trim();
    // a number followed by text must be separated from it ("2021 Vansbro", not "2021Vansbro")
    if (name === "" || /^(?:[KF]-)?\d{1,9}(?:-\d{2})?\s/.test(text)) return { code: numeric[1]!, name: name || null };
  }
  const country = COUNTRY_LABELS[text.toLowerCase()];
  if (country !== undefined) return { code: country, name: text };
  const nuts = NUTS.exec(text);
  if (nuts) return { code: nuts[1]!, name: nuts[2]?.trim() ?? null };
  return null;
}

/**
 * Pads Swedish/Norwegian codes that lost their leading zeros: municipality codes to 4 digits (\"114\" beside
 * \"2021\"), county codes to 2. Codes of mixed levels (\"01\" beside \"0101\") are left as they are.
 */
export function padLostZeros(codes: readonly string[]): { codes: string[]; padded: boolean } {
  const lengths = new Set(codes.map((c) => c.length));
  const digits = codes.every((c) => /^\d{1,4}$/.test(c));
  const width =
    lengths.has(3) && [...lengths].every((l) => l === 3 || l === 4)
      ? 4
      : lengths.has(1) && [...lengths].every((l) => l === 1 || l === 2) && codes.length > 2
        ? 2
        : 0;
  if (!digits || width === 0) return { codes: [...codes], padded: false };
  return { codes: codes.map((c) => c.padStart(width, "0")), padded: true };
}

/**
 * A region name folded for comparison: lower case, without diacritics (ä → a, å → a, á → a, š → s), ø → o, æ → ae,
 * spaces collapsed. Names typed without the Nordic letters ("Vasteras", "Tromso", "Baerum") then match.
 *
 * @example
 * foldName("Östra  Göinge") // "ostra goinge"
 * foldName("Bærum")         // "baerum"
 */
export function foldName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/ø/g, "o")
    .replace(/æ/g, "ae")
    .replace(/đ/g, "d")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The folded forms a region name answers to: the name itself; for a name with a qualifier, the name without it
 * ("Våler (Østfold)" → "valer"); for SSB's names in several languages, each of them ("Kárášjohka - Karasjok" →
 * "karasjohka", "karasjok"); for a Swedish län, its name without "län" and without the genitive s ("Dalarnas län" →
 * "dalarnas", "dalarna").
 *
 * @example
 * nameKeys("Dalarnas län") // ["dalarnas lan", "dalarnas", "dalarna"]
 */
export function nameKeys(name: string): string[] {
  const folded = foldName(name);
  const keys = new Set([folded]);
  const bare = folded.replace(/\s*\([^)]*\)$/, "");
  keys.add(bare);
  for (const part of bare.split(" - ")) keys.add(part.trim());
  const lan = /^(.+) lan$/.exec(bare);
  if (lan) {
    keys.add(lan[1]!);
    if (lan[1]!.endsWith("s")) keys.add(lan[1]!.slice(0, -1));
  }
  return [...keys].filter((k) => k !== "");
}

/** Words after a name that say what kind of region it is, left out when a name is looked up ("Vansbro kommun"). */
const KIND_SUFFIX = /\s+(?:kommun|kommune|municipality|fylke|fylkeskommune|county)$/;

/**
 * A typed region name folded for lookup: `foldName`, without a trailing "kommun", "kommune", "municipality", "fylke"
 * or "county".
 *
 * @example
 * nameQuery("Vansbro kommun") // "vansbro"
 */
export function nameQuery(text: string): string {
  return foldName(text).replace(KIND_SUFFIX, "");
}
