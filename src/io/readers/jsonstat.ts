import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { canonicalDimension } from "../dimensions.ts";
import { normalise, TidyBuilder } from "../tidy.ts";
import { labelDimensions } from "./labels.ts";

interface Category {
  index?: Record<string, number> | string[];
  label?: Record<string, string>;
  unit?: Record<string, { base?: string }>;
}
interface Dimension {
  label?: string;
  category: Category;
}
interface Dataset {
  id?: string[];
  size?: number[];
  dimension: Record<string, Dimension> & { id?: string[]; size?: number[]; role?: Roles };
  value: (number | null)[] | Record<string, number | null>;
  status?: string | (string | null)[] | Record<string, string>;
  role?: Roles;
  label?: string;
  source?: string;
  updated?: string;
  note?: string[];
  extension?: { px?: { tableid?: string; matrix?: string } };
}
interface Roles {
  time?: string[];
  geo?: string[];
  metric?: string[];
}

/** The categories of a dimension in index order. */
function categories(category: Category): string[] {
  const index = category.index;
  if (Array.isArray(index)) return index;
  if (index) return Object.entries(index).sort((a, b) => a[1] - b[1]).map(([k]) => k);
  return Object.keys(category.label ?? {});
}

/**
 * Reads JSON-stat 1.0 (`{"dataset": {...}}`, SCB API v1) and 2.0 (`"class": "dataset"`, PxWebApi 2, SSB, Eurostat).
 * `value` may be an array or a sparse object keyed by flat index (Eurostat); `status` may be a string, an array or
 * an object; values are laid out row-major over `id`.
 */
export function readJsonStat(json: unknown, options: { file?: string | undefined } = {}): Table {
  const file = options.file;
  const root = json as Record<string, unknown>;
  let ds: Dataset;
  if (root.class === "dataset" || ("dimension" in root && "value" in root)) ds = root as unknown as Dataset;
  else {
    const first = Object.values(root).find((v) => v && typeof v === "object" && "dimension" in (v as object));
    if (!first) throw new OmvarldError("FORMAT_UNKNOWN", "JSON without a JSON-stat dataset", { file }, 'expected "class": "dataset" or {"dataset": {...}}');
    ds = first as Dataset;
  }
  const ids = ds.id ?? ds.dimension.id;
  const sizes = ds.size ?? ds.dimension.size;
  if (!ids || !sizes) throw new OmvarldError("PARSE", "JSON-stat dataset without id/size", { file });
  const roles = ds.role ?? ds.dimension.role ?? {};
  const dims = ids.map((id, k) => {
    const d = ds.dimension[id] as Dimension | undefined;
    if (!d) throw new OmvarldError("PARSE", `JSON-stat dimension "${id}" is listed in id but not described`, { file });
    const codes = categories(d.category);
    if (codes.length !== sizes[k]) {
      throw new OmvarldError("PARSE", `dimension "${id}" has ${codes.length} categories, size says ${sizes[k]}`, { file });
    }
    let name = canonicalDimension(id);
    if (name === id) name = canonicalDimension(d.label ?? id);
    if (roles.time?.includes(id)) name = "year";
    if (roles.geo?.includes(id)) name = "region";
    if (roles.metric?.includes(id)) name = "contents";
    return { id, name, codes, labels: d.category.label ?? {}, units: d.category.unit };
  });
  const total = sizes.reduce((p, s) => p * s, 1);
  const value = ds.value;
  const dense = Array.isArray(value);
  if (dense && value.length !== total) {
    throw new OmvarldError(value.length < total ? "FILE_TRUNCATED" : "PARSE", `JSON-stat value has ${value.length} entries, expected ${total}`, { file });
  }
  const statusAt = (i: number): string | null => {
    const s = ds.status;
    if (s === undefined || s === null) return null;
    if (typeof s === "string") return s;
    if (Array.isArray(s)) return s.length === 1 ? s[0] ?? null : s[i] ?? null;
    return s[String(i)] ?? null;
  };
  const builder = new TidyBuilder(dims.map((d) => d.name));
  const labels = new Array<string>(dims.length);
  const counters = new Array<number>(dims.length).fill(0);
  for (let i = 0; i < total; i++) {
    for (let k = 0; k < dims.length; k++) labels[k] = dims[k]!.codes[counters[k]!]!;
    const v = dense ? value[i] : value[String(i)];
    builder.push(labels, typeof v === "number" ? v : null, statusAt(i) ?? (v === undefined || v === null ? ".." : null));
    for (let k = dims.length - 1; k >= 0; k--) {
      if (++counters[k]! < sizes[k]!) break;
      counters[k] = 0;
    }
  }
  const region = dims.find((d) => d.name === "region");
  const regionNames = region
    ? new Map(region.codes.map((c) => [c.replace(/^[KF]-/, ""), stripCode(region.labels[c] ?? c, c)]))
    : undefined;
  let table = normalise(builder.finish(), { file, regionNames });
  table = labelDimensions(table, new Map(dims.map((d) => [d.name, new Map(Object.entries(d.labels))])));
  const metric = dims.find((d) => d.name === "contents");
  const unit = metric?.units ? Object.values(metric.units)[0]?.base : undefined;
  return table.withProvenance({
    format: ds.id ? "json-stat2" : "json-stat",
    ...(ds.source ? { source: ds.source } : {}),
    ...(ds.label ? { title: ds.label } : {}),
    ...(ds.updated ? { updated: ds.updated } : {}),
    ...(ds.extension?.px?.tableid ? { tableId: ds.extension.px.tableid } : {}),
    ...(unit ? { unit } : {}),
    ...(ds.note?.length ? { footnotes: ds.note } : {}),
  });
}

/** "25 Norrbottens län" with code "25" → "Norrbottens län". */
function stripCode(label: string, code: string): string {
  const plain = code.replace(/^[KF]-/, "");
  return (label.startsWith(`${plain} `) ? label.slice(plain.length + 1) : label).trim();
}
