/** Formats numbers for the terminal in the chosen locale: 10 120 242 (sv), 10 120 242 (nb), 10,120,242 (en). */
export type Locale = "sv" | "nb" | "en";

const tags: Record<Locale, string> = { sv: "sv-SE", nb: "nb-NO", en: "en-GB" };

export function formatNumber(value: number | null, locale: Locale = "sv", digits = 0): string {
  if (value === null) return "–";
  return new Intl.NumberFormat(tags[locale], { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}
