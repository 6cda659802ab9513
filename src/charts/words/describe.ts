import type { Locale } from "../locale.ts";

/** The kinds of chart a description names. */
export type ChartKind = "line" | "bar" | "stacked" | "scatter" | "pyramid" | "fan" | "bubble" | "multiples" | "map";

const KINDS: Readonly<Record<ChartKind, Record<Locale, string>>> = {
  line: { sv: "Linjediagram", nb: "Linjediagram", en: "Line chart" },
  bar: { sv: "Stapeldiagram", nb: "Søylediagram", en: "Bar chart" },
  stacked: { sv: "Staplade staplar med linje", nb: "Stablede søyler med linje", en: "Stacked bars with a line" },
  scatter: { sv: "Punktdiagram", nb: "Punktdiagram", en: "Scatter plot" },
  pyramid: { sv: "Befolkningspyramid", nb: "Befolkningspyramide", en: "Population pyramid" },
  fan: { sv: "Linjediagram med intervall", nb: "Linjediagram med intervall", en: "Line chart with an interval" },
  bubble: { sv: "Bubbeldiagram", nb: "Boblediagram", en: "Bubble chart" },
  multiples: { sv: "Små multiplar", nb: "Små multipler", en: "Small multiples" },
  map: { sv: "Karta", nb: "Kart", en: "Map" },
};

/**
 * The chart-level description screen readers read, in the chart's language: the kind of chart, its title and
 * what is highlighted.
 *
 * @example
 * describeChart("line", "sv", "Befolkning, index (2003 = 100)", ["Trysil markerad"])
 * // "Linjediagram: Befolkning, index (2003 = 100). Trysil markerad."
 */
export function describeChart(kind: ChartKind, locale: Locale, title: string, notes: readonly string[] = []): string {
  const sentences = notes.map((n) => n.charAt(0).toUpperCase() + n.slice(1));
  return [`${KINDS[kind][locale]}: ${title}`, ...sentences].map((s) => s.replace(/\.$/, "")).join(". ") + ".";
}

/** "Trysil markerad" (sv), "Trysil uthevet" (nb), "Trysil highlighted" (en); null for no names. */
export function highlighted(names: readonly string[], locale: Locale): string | null {
  if (names.length === 0) return null;
  const list = names.join(", ");
  return locale === "sv"
    ? `${list} ${names.length > 1 ? "markerade" : "markerad"}`
    : locale === "nb"
      ? `${list} uthevet`
      : `${list} highlighted`;
}

/** "grå linjer: övriga kommuner": what the unlabelled grey lines are. */
export function greyLines(others: string, locale: Locale): string {
  const grey = locale === "sv" ? "grå linjer" : locale === "nb" ? "grå linjer" : "grey lines";
  return `${grey}: ${others.toLowerCase()}`;
}

/** "X-axel: År" (sv), "X-akse: År" (nb), "X axis: Year" (en): an axis's accessible text. */
export function axisDescription(channel: "x" | "y", title: string | null, locale: Locale): string {
  const axis = locale === "sv" ? "axel" : locale === "nb" ? "akse" : " axis";
  return `${channel.toUpperCase()}${locale === "en" ? axis : `-${axis}`}${title ? `: ${title}` : ""}`;
}

/** "Teckenförklaring: Komponent" (sv), "Tegnforklaring: Komponent" (nb), "Legend: Component" (en). */
export function legendDescription(title: string | null, locale: Locale): string {
  const legend = locale === "sv" ? "Teckenförklaring" : locale === "nb" ? "Tegnforklaring" : "Legend";
  return title ? `${legend}: ${title}` : legend;
}
