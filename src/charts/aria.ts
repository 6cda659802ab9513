import type { Locale } from "./locale.ts";
import type { Spec } from "./spec.ts";
import { axisDescription, legendDescription } from "./words/describe.ts";

const AXES = new Set(["x", "y"]);
const LEGENDS = new Set(["color", "fill", "stroke", "opacity", "size", "shape", "strokeDash"]);

/**
 * The spec with the accessible text of its axes and legends in the chart's language, so that a screen reader says
 * "Y-axel: Index" where Vega would say "Y-axis titled 'Index' for a linear scale …" (without a title: "Y-axel"). An
 * axis or legend that is hidden (null) or already has a description is left as it is.
 *
 * @example
 * localiseAria({ mark: "line", encoding: { y: { field: "v", title: "Index" } } }, "sv")
 * // encoding.y.axis.description === "Y-axel: Index"
 */
export function localiseAria(spec: Spec, locale: Locale): Spec {
  return walk(spec, locale) as Spec;
}

function walk(node: unknown, locale: Locale): unknown {
  if (Array.isArray(node)) return node.map((n) => walk(n, locale));
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "data" || key === "datasets" || key === "config") out[key] = value;
    else if (key === "encoding" && typeof value === "object" && value !== null) out[key] = encoding(value, locale);
    else out[key] = walk(value, locale);
  }
  return out;
}

/** Each channel's axis or legend with its description; see `localiseAria`. */
function encoding(channels: object, locale: Locale): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [channel, def] of Object.entries(channels)) {
    const guide = AXES.has(channel) ? "axis" : LEGENDS.has(channel) ? "legend" : null;
    const description = guide ? describe(channel, def as ChannelDef | null, guide, locale) : null;
    const current = guide ? (def as Record<string, unknown>)[guide] : undefined;
    out[channel] = description ? { ...(def as object), [guide!]: { ...(current ?? {}), description } } : def;
  }
  return out;
}

type ChannelDef = { field?: unknown; datum?: unknown; title?: unknown; axis?: unknown; legend?: unknown };

/**
 * The description of a channel's guide, or null to leave it: hidden (null), described already, not drawn from a
 * field or datum, or without a title where the guide is shared by layers (a title in one layer and none in another
 * would conflict); a datum's legend, or one whose title is hidden, gets the word alone.
 */
function describe(channel: string, def: ChannelDef | null, guide: "axis" | "legend", locale: Locale): string | null {
  const current = def?.[guide];
  if (!def || current === null || (current as { description?: unknown } | undefined)?.description) return null;
  const title = typeof def.title === "string" ? def.title : null;
  if (guide === "axis")
    return def.field !== undefined && title ? axisDescription(channel as "x" | "y", title, locale) : null;
  if (def.field !== undefined && title) return legendDescription(title, locale);
  // a legend whose title is hidden on purpose (null), or a datum's, is named by the word alone
  return def.datum !== undefined || def.title === null ? legendDescription(null, locale) : null;
}
