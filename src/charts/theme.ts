import { LOCALES, type Locale } from "./locale.ts";
import type { Config } from "./spec.ts";

/** The focus region's colour in every chart (Okabe-Ito vermillion). */
export const FOCUS_COLOUR = "#D55E00";
/** Other regions and neutral marks. */
export const CONTEXT_COLOUR = "#8C8C8C";
/** Reference lines beside the focus region other than the country (its county first). */
export const REFERENCE_COLOURS: readonly string[] = ["#0072B2", "#009E73", "#CC79A7"];
/** The country's reference line: black in every chart. */
export const COUNTRY_COLOUR = "#000000";
/** The many other regions of an index chart: light enough to recede behind the labelled lines. */
export const FAINT_COLOUR = "#C8C8C8";
/** A colour-blind-safe categorical palette (Okabe-Ito), readable in print. */
export const PALETTE: readonly string[] = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#F0E442",
  "#D55E00",
  "#000000",
];

/** The shared Vega-Lite config: DejaVu Sans (the font PNG rendering ships), quiet axes, the palette, the locale. */
export function config(locale: Locale): Config {
  return {
    font: "DejaVu Sans",
    locale: LOCALES[locale],
    background: "white",
    view: { stroke: null },
    range: { category: [...PALETTE] },
    axis: {
      labelFontSize: 11,
      titleFontSize: 11,
      titleFontWeight: "normal",
      gridColor: "#e6e6e6",
      domainColor: "#888",
      tickColor: "#888",
    },
    legend: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: "normal", orient: "bottom" },
    title: { fontSize: 14, fontWeight: "bold", anchor: "start", subtitleFontSize: 11, subtitleColor: "#555" },
    line: { strokeWidth: 2 },
  };
}
