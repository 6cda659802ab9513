import type { Locale } from "../locale.ts";

/**
 * Where the long compound words of table heads may break, marked with "|" (Chromium has no hyphenation dictionary
 * for sv and nb offline): a narrow column breaks "Arbeidsmarkedsintegrasjon" as "Arbeids-/markeds-/integrasjon",
 * never inside a stem.
 */
const BREAKS: Record<Locale, readonly string[]> = {
  sv: [
    "Födelse|överskott",
    "in|vandring",
    "jobb|tillväxt",
    "Pendlings|integration",
    "Attrak|tivitet",
    "Boende|attrak|tivitet",
    "Näringslivs|attrak|tivitet",
    "Försörjnings|kvot",
    "Flytt|netto",
    "Pendlings|netto",
    "In|pendlare",
    "Ut|pendlare",
  ],
  nb: [
    "Fødsels|overskudd",
    "Innvandrings|bidrag",
    "Konstant|ledd",
    "arbeids|plass|vekst",
    "Nabo|vekst",
    "Stør|relse",
    "Arbeids|markeds|integrasjon",
    "Attrak|tivitet",
    "Bosteds|attrak|tivitet",
    "Nærings|attrak|tivitet",
    "Forsørger|brøk",
    "Netto|flytting",
    "Pendlings|netto",
    "Inn|pendlere",
    "Ut|pendlere",
  ],
  en: ["Attrac|tiveness", "inte|gration", "Neigh|bours'", "depend|ency"],
};

const SOFT_HYPHEN = "\u00ad";

const tables = new Map<Locale, Map<string, string>>();

/**
 * The text with soft hyphens where its compound words may break (`BREAKS`), for a narrow table head:
 * breakable("Egen arbeidsplassvekst", "nb") === "Egen arbeids\u00adplass\u00advekst".
 */
export function breakable(text: string, locale: Locale): string {
  let table = tables.get(locale);
  if (!table) tables.set(locale, (table = new Map(BREAKS[locale].map((b) => [b.replaceAll("|", ""), b]))));
  return text
    .split(" ")
    .map((word) => table.get(word)?.replaceAll("|", SOFT_HYPHEN) ?? word)
    .join(" ");
}
