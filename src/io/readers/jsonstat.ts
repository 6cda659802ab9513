import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { canonicalDimension } from "../dimensions.ts";
import { normalise, TidyBuilder } from "../tidy.ts";
import { parseCell } from "../values.ts";
import { nameDimensions, stripCode } from "./labels.ts";

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

/** Largest number of cells a JSON-stat dataset may declare (the product of `size`): bounds the work on a bad file. */
export const MAX_CELLS = 50_000_000;

function bad(
  code: "PARSE" | "FILE_TRUNCATED" | "FORMAT_UNKNOWN",
  path: string,
  message: string,
  file: string | undefined,
  hint?: string,
): OmvarldError {
  return new OmvarldError(code, `JSON-stat ${path}: ${message}`, { file }, hint);
}

/** A short, visible rendering of a JSON value for an error message. */
function shown(v: unknown): string {
  const text = v === undefined ? "nothing" : (JSON.stringify(v) ?? String(v));
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The first entry of a list that repeats an earlier one: its position and the earlier one's; null when none does. */
function firstRepeat(list: readonly string[]): { at: number; first: number } | null {
  const seen = new Map<string, number>();
  for (let k = 0; k < list.length; k++) {
    const first = seen.get(list[k]!);
    if (first !== undefined) return { at: k, first };
    seen.set(list[k]!, k);
  }
  return null;
}

/** The categories of a dimension in index order; `path` names it in errors. */
function categories(category: Category, size: number, path: string, file: string | undefined): string[] {
  const index = category.index as unknown;
  if (Array.isArray(index)) {
    if (!index.every((c) => typeof c === "string"))
      throw bad("PARSE", `${path}.category.index`, "expected a list of category codes (strings)", file);
    const twice = firstRepeat(index as string[]);
    if (twice)
      throw bad(
        "PARSE",
        `${path}.category.index[${twice.at}]`,
        `category ${shown(index[twice.at])} is listed twice (also at ${twice.first})`,
        file,
      );
    return index as string[];
  }
  if (index !== undefined) {
    if (!isObject(index))
      throw bad(
        "PARSE",
        `${path}.category.index`,
        `expected a list or an object of positions, found ${shown(index)}`,
        file,
      );
    const codes = new Array<string | undefined>(size);
    for (const [code, at] of Object.entries(index)) {
      if (typeof at !== "number" || !Number.isInteger(at) || at < 0 || at >= size || codes[at] !== undefined) {
        throw bad(
          "PARSE",
          `${path}.category.index.${code}`,
          `expected a distinct position 0..${size - 1}, found ${shown(at)}`,
          file,
        );
      }
      codes[at] = code;
    }
    // `map` passes over the holes of a sparse array, so look for them by position
    for (let k = 0; k < size; k++)
      if (codes[k] === undefined)
        throw bad(
          "PARSE",
          `${path}.category.index`,
          `no category has position ${k}: ${Object.keys(index).length} categories for a size of ${size}`,
          file,
          "the categories and the size disagree; is the file complete?",
        );
    return codes as string[];
  }
  if (category.label !== undefined && !isObject(category.label))
    throw bad("PARSE", `${path}.category.label`, "expected an object of labels", file);
  return Object.keys(category.label ?? {});
}

/** A dimension's `role` object: lists of dimension ids under `time`, `geo` and `metric`; `path` names it in errors. */
function checkRoles(role: unknown, path: string, file: string | undefined): Roles {
  if (role === undefined || role === null) return {};
  if (!isObject(role))
    throw bad("PARSE", path, `expected an object of lists of dimension ids, found ${shown(role)}`, file);
  for (const key of ["time", "geo", "metric"] as const) {
    const list = role[key];
    if (list !== undefined && (!Array.isArray(list) || !list.every((x) => typeof x === "string")))
      throw bad("PARSE", `${path}.${key}`, `expected a list of dimension ids, found ${shown(list)}`, file);
  }
  return role as Roles;
}

/** A category's labels by code (a number is taken as its text); `path` names them in errors. */
function categoryLabels(label: unknown, path: string, file: string | undefined): Record<string, string> {
  if (label === undefined) return {};
  if (!isObject(label)) throw bad("PARSE", path, `expected an object of labels by code, found ${shown(label)}`, file);
  const out: Record<string, string> = {};
  for (const [code, text] of Object.entries(label)) {
    if (typeof text !== "string" && typeof text !== "number")
      throw bad("PARSE", `${path}.${code}`, `expected a label (text), found ${shown(text)}`, file);
    out[code] = String(text);
  }
  return out;
}

/**
 * Reads JSON-stat 1.0 (`{"dataset": {...}}`, SCB API v1) and 2.0 (`"class": "dataset"`, PxWebApi 2, SSB, Eurostat).
 * `value` may be an array or a sparse object keyed by flat index (Eurostat); `status` may be a string, an array or
 * an object; values are laid out row-major over `id`. Each value keeps its own status flag (`e`, `p`, `b`, `:`),
 * present or not; a missing value without a flag gets `..`. Numbers written as strings (`"123"`) are read; text
 * that is not a number, an over-long number, a `value` of the wrong length or shape, a `size` that disagrees
 * with the categories, a dimension described but left out of `id`, an id or a category listed twice, labels and
 * roles of the wrong shape, and a region or time code that cannot be read are errors naming the JSON path (e.g.
 * `dataset.value[17]`, `dimension.Tid.category`). Region codes that kept their leading zero (SSB's price regions
 * `001` to `011`) or that pad to no region load as they are (see `repairLostZeros`).
 * Every dimension keeps its codes and labels: `sex` "1" and `sex_name` "män", as `region` and `region_name`.
 */
export function readJsonStat(json: unknown, options: { file?: string | undefined } = {}): Table {
  const file = options.file;
  if (!isObject(json))
    throw bad(
      "FORMAT_UNKNOWN",
      "$",
      `expected an object, found ${shown(Array.isArray(json) ? "[...]" : json)}`,
      file,
      'expected "class": "dataset" or {"dataset": {...}}',
    );
  const root = json;
  let ds: Dataset;
  let at = "";
  if (root.class === "dataset" || ("dimension" in root && "value" in root) || ("dimension" in root && "id" in root))
    ds = root as unknown as Dataset;
  else {
    const key = Object.keys(root).find((k) => isObject(root[k]) && "dimension" in (root[k] as object));
    if (key === undefined)
      throw bad(
        "FORMAT_UNKNOWN",
        "$",
        "no dataset (an object with a dimension) found",
        file,
        'expected "class": "dataset" or {"dataset": {...}}',
      );
    ds = root[key] as Dataset;
    at = `${key}.`;
  }
  if (!isObject(ds.dimension))
    throw bad("PARSE", `${at}dimension`, `expected an object of dimensions, found ${shown(ds.dimension)}`, file);
  const ids = (ds.id ?? ds.dimension.id) as unknown;
  const sizes = (ds.size ?? ds.dimension.size) as unknown;
  const idPath = ds.id ? `${at}id` : `${at}dimension.id`;
  const sizePath = ds.size ? `${at}size` : `${at}dimension.size`;
  if (!Array.isArray(ids) || !ids.every((x) => typeof x === "string"))
    throw bad("PARSE", idPath, `expected a list of dimension ids, found ${shown(ids)}`, file);
  const repeated = firstRepeat(ids as string[]);
  if (repeated)
    throw bad(
      "PARSE",
      `${idPath}[${repeated.at}]`,
      `dimension ${shown(ids[repeated.at])} is listed twice (also at ${repeated.first})`,
      file,
    );
  // a dimension described but not in id (id and size both one short) would be dropped without a word
  const unlisted = Object.keys(ds.dimension).find(
    (key) => !ids.includes(key) && isObject(ds.dimension[key]) && "category" in ds.dimension[key],
  );
  if (unlisted !== undefined)
    throw bad(
      "PARSE",
      `${at}dimension.${unlisted}`,
      `dimension "${unlisted}" is described but not listed in ${idPath} (${shown(ids)})`,
      file,
      "id, size and dimension disagree; is the file complete?",
    );
  if (
    !Array.isArray(sizes) ||
    sizes.length !== ids.length ||
    !sizes.every((x) => typeof x === "number" && Number.isInteger(x) && x >= 0)
  ) {
    throw bad("PARSE", sizePath, `expected ${ids.length} whole numbers (one per id), found ${shown(sizes)}`, file);
  }
  const roles = checkRoles(ds.role ?? ds.dimension.role, ds.role ? `${at}role` : `${at}dimension.role`, file);
  const taken = new Set<string>();
  const dims = (ids as string[]).map((id, k) => {
    const d = ds.dimension[id] as Dimension | undefined;
    const path = `${at}dimension.${id}`;
    if (!isObject(d)) throw bad("PARSE", path, `dimension "${id}" is listed in id but not described`, file);
    if (!isObject(d.category))
      throw bad("PARSE", `${path}.category`, `expected an object, found ${shown(d.category)}`, file);
    const codes = categories(d.category, sizes[k] as number, path, file);
    if (codes.length !== sizes[k]) {
      throw bad(
        "PARSE",
        `${path}.category`,
        `${codes.length} categories, but ${sizePath}[${k}] says ${sizes[k]}`,
        file,
      );
    }
    let name = canonicalDimension(id);
    if (name === id) name = canonicalDimension(d.label ?? id);
    if (roles.time?.includes(id)) name = "year";
    if (roles.geo?.includes(id)) name = "region";
    if (roles.metric?.includes(id)) name = "contents";
    // two dimensions with one canonical name ("Region" and "region") keep apart: the later one by its id
    if (taken.has(name)) name = taken.has(id) ? `${id}_${k + 1}` : id;
    taken.add(name);
    const labels = categoryLabels(d.category.label, `${path}.category.label`, file);
    return { id, name, codes, labels, units: d.category.unit };
  });
  const total = (sizes as number[]).reduce((p, s) => p * s, 1);
  if (total > MAX_CELLS)
    throw bad(
      "PARSE",
      sizePath,
      `declares ${total} cells, more than the ${MAX_CELLS} this reader takes`,
      file,
      "select fewer categories in the query",
    );
  const value = ds.value as unknown;
  const valuePath = `${at}value`;
  if (value === undefined || value === null) {
    throw bad(
      "PARSE",
      valuePath,
      "is missing",
      file,
      "a JSON-stat dataset needs its values; was the metadata saved instead of the data?",
    );
  }
  const dense = Array.isArray(value);
  if (!dense && !isObject(value))
    throw bad("PARSE", valuePath, `expected a list or an object of values, found ${shown(value)}`, file);
  if (dense && value.length !== total) {
    throw bad(
      value.length < total ? "FILE_TRUNCATED" : "PARSE",
      valuePath,
      `has ${value.length} entries, expected ${total} (${(sizes as number[]).join(" × ")})`,
      file,
      "the values and the dimensions disagree; is the file complete?",
    );
  }
  if (!dense) {
    for (const key of Object.keys(value)) {
      const i = Number(key);
      if (!/^\d+$/.test(key) || i >= total)
        throw bad("PARSE", `${valuePath}.${key}`, `expected a position 0..${total - 1}`, file);
    }
  }
  const status = ds.status as unknown;
  const statusPath = `${at}status`;
  if (
    status !== undefined &&
    status !== null &&
    typeof status !== "string" &&
    !Array.isArray(status) &&
    !isObject(status)
  ) {
    throw bad("PARSE", statusPath, `expected a string, a list or an object, found ${shown(status)}`, file);
  }
  if (Array.isArray(status) && status.length !== 1 && status.length !== total) {
    throw bad(
      status.length < total ? "FILE_TRUNCATED" : "PARSE",
      statusPath,
      `has ${status.length} entries, expected ${total} (or 1)`,
      file,
    );
  }
  const statusAt = (i: number): string | null => {
    let s: unknown;
    if (status === undefined || status === null) return null;
    if (typeof status === "string") s = status;
    else if (Array.isArray(status)) s = status.length === 1 ? status[0] : status[i];
    else s = (status as Record<string, unknown>)[String(i)];
    if (s === undefined || s === null || s === "") return null;
    if (typeof s !== "string")
      throw bad("PARSE", `${statusPath}[${i}]`, `expected a status string, found ${shown(s)}`, file);
    return s;
  };
  const valueAt = (i: number): number | null => {
    const v = dense ? (value as unknown[])[i] : (value as Record<string, unknown>)[String(i)];
    if (v === undefined || v === null) return null;
    if (typeof v === "number") {
      if (!Number.isFinite(v))
        throw bad("PARSE", `${valuePath}[${i}]`, "is a number too large to represent", file, "the value is corrupt");
      return v;
    }
    if (typeof v === "string") {
      const cell = parseCell(v);
      if (cell.status === null && cell.value !== null && Number.isFinite(cell.value)) return cell.value;
      if (cell.value === null && cell.status !== null && cell.status !== "invalid") return null;
    }
    throw bad("PARSE", `${valuePath}[${i}]`, `expected a number or null, found ${shown(v)}`, file);
  };
  const builder = new TidyBuilder(dims.map((d) => d.name));
  const labels = new Array<string>(dims.length);
  const counters = new Array<number>(dims.length).fill(0);
  for (let i = 0; i < total; i++) {
    for (let k = 0; k < dims.length; k++) labels[k] = dims[k]!.codes[counters[k]!]!;
    const v = valueAt(i);
    const raw = dense ? (value as unknown[])[i] : (value as Record<string, unknown>)[String(i)];
    const symbol = typeof raw === "string" && v === null ? raw.trim() : null;
    builder.push(labels, v, statusAt(i) ?? symbol ?? (v === null ? ".." : null));
    for (let k = dims.length - 1; k >= 0; k--) {
      if (++counters[k]! < (sizes as number[])[k]!) break;
      counters[k] = 0;
    }
  }
  const region = dims.find((d) => d.name === "region");
  const regionNames = region
    ? new Map(region.codes.map((c) => [c.replace(/^[KF]-/, ""), stripCode(region.labels[c] ?? c, c)]))
    : undefined;
  const placeOf = (column: string) => {
    const d = dims.find((x) => x.name === column);
    return d ? { path: `JSON-stat ${at}dimension.${d.id}.category` } : undefined;
  };
  let table = normalise(builder.finish(), { file, regionNames, placeOf });
  table = nameDimensions(table, new Map(dims.map((d) => [d.name, new Map(Object.entries(d.labels))])));
  const metric = dims.find((d) => d.name === "contents");
  const unit =
    metric?.units && isObject(metric.units)
      ? (Object.values(metric.units)[0] as { base?: unknown } | undefined)?.base
      : undefined;
  return table.withProvenance({
    format: ds.id ? "json-stat2" : "json-stat",
    ...(typeof ds.source === "string" ? { source: ds.source } : {}),
    ...(typeof ds.label === "string" ? { title: ds.label } : {}),
    ...(typeof ds.updated === "string" ? { updated: ds.updated } : {}),
    ...(typeof ds.extension?.px?.tableid === "string" ? { tableId: ds.extension.px.tableid } : {}),
    ...(typeof unit === "string" ? { unit } : {}),
    ...(Array.isArray(ds.note) && ds.note.length ? { footnotes: ds.note.map(String) } : {}),
  });
}
