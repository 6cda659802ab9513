import { z } from "zod";
import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { canonicalDimension } from "../dimensions.ts";
import { normalise, TidyBuilder } from "../tidy.ts";
import { parseCell } from "../values.ts";
import { nameDimensions, stripCode } from "./labels.ts";

/** The dimension ids a dataset's `role` puts under `time`, `geo` and `metric`. */
interface Roles {
  time?: string[] | undefined;
  geo?: string[] | undefined;
  metric?: string[] | undefined;
}

/** A dimension as read: its id, its column's name, its category codes in index order, their labels and units. */
interface Dim {
  id: string;
  name: string;
  codes: string[];
  labels: Record<string, string>;
  units: unknown;
}

/** Where a dataset's parts are in the JSON, for errors: `at` is "" (2.0) or the dataset's key and a dot (1.0). */
interface Paths {
  at: string;
  idPath: string;
  sizePath: string;
  file: string | undefined;
}

/** Largest number of cells a JSON-stat dataset may declare (the product of `size`): bounds the work on a bad file. */
export const MAX_CELLS = 50_000_000;

// the shapes of the parts of a dataset; values are checked one by one as they are read (see `cellReaders`)
/** A JSON object: not an array, not null. */
const JsonObject = z.record(z.string(), z.unknown());
/** A list of dimension (or category) ids: `["Region", "Tid"]`. */
const DimensionIds = z.array(z.string());
/** `count` category counts, whole and not negative: `[359, 1, 1]`. */
const Sizes = (count: number) => z.array(z.int().min(0)).length(count);
/** A `role` object: `{"time": ["Tid"], "geo": ["Region"]}`. */
const RoleLists = z.looseObject({
  time: DimensionIds.optional(),
  geo: DimensionIds.optional(),
  metric: DimensionIds.optional(),
});
/** A dimension: an object with a `category` object (and perhaps a `label`). */
const DimensionShape = z.looseObject({ label: z.unknown().optional(), category: z.looseObject({}) });
/** A category's labels by code, a number taken as its text: `{"K-3001": "Halden"}`. */
const Labels = z.record(z.string(), z.union([z.string(), z.number()]).transform(String));
/** A category's position in an index of `size` categories: 0..size - 1. */
const Position = (size: number) =>
  z
    .int()
    .min(0)
    .max(size - 1);
/**
 * A large JSON object whose entries are checked one by one as they are read (a sparse `value` or `status` keyed by
 * position): its entries are not walked here, as a schema of its entries would (1 M entries: a second).
 */
const LargeObject = z.custom<Record<string, unknown>>((v) => typeof v === "object" && v !== null && !Array.isArray(v));
/** A `status`: one string, a list or an object keyed by position; or none. */
const StatusShape = z.union([z.string(), z.instanceof(Array), LargeObject]).nullish();
/** The dataset's descriptive fields; one of another type is left out. */
const Described = z.object({
  source: z.string().optional().catch(undefined),
  label: z.string().optional().catch(undefined),
  updated: z.string().optional().catch(undefined),
  note: z.array(z.unknown()).optional().catch(undefined),
  extension: z
    .object({
      px: z
        .object({ tableid: z.string().optional().catch(undefined) })
        .optional()
        .catch(undefined),
    })
    .optional()
    .catch(undefined),
});

/**
 * `value` as `schema` reads it; anything else is the error `fail` makes from zod's first issue (whose `path` says
 * which part is wrong).
 */
function check<T>(schema: z.ZodType<T>, value: unknown, fail: (issue: z.core.$ZodIssue) => OmvarldError): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw fail(result.error.issues[0]!);
}

/** The error of a dataset's part at JSON `path`: `JSON-stat dataset.value: is missing`. */
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
function categories(category: Record<string, unknown>, size: number, path: string, file: string | undefined): string[] {
  const index = category.index;
  if (Array.isArray(index)) {
    const codes = check(DimensionIds, index, () =>
      bad("PARSE", `${path}.category.index`, "expected a list of category codes (strings)", file),
    );
    const twice = firstRepeat(codes);
    if (twice)
      throw bad(
        "PARSE",
        `${path}.category.index[${twice.at}]`,
        `category ${shown(codes[twice.at])} is listed twice (also at ${twice.first})`,
        file,
      );
    return codes;
  }
  if (index !== undefined) return positionedCodes(index, size, path, file);
  check(JsonObject.optional(), category.label, () =>
    bad("PARSE", `${path}.category.label`, "expected an object of labels", file),
  );
  return Object.keys(category.label ?? {});
}

/** The codes of an index given as positions (`{"0301": 0, "1103": 1}`): each a distinct position 0..size - 1. */
function positionedCodes(index: unknown, size: number, path: string, file: string | undefined): string[] {
  const positions = check(JsonObject, index, () =>
    bad("PARSE", `${path}.category.index`, `expected a list or an object of positions, found ${shown(index)}`, file),
  );
  const position = Position(size);
  const codes = new Array<string | undefined>(size);
  for (const [code, at] of Object.entries(positions)) {
    if (!position.safeParse(at).success || codes[at as number] !== undefined) {
      throw bad(
        "PARSE",
        `${path}.category.index.${code}`,
        `expected a distinct position 0..${size - 1}, found ${shown(at)}`,
        file,
      );
    }
    codes[at as number] = code;
  }
  // `map` passes over the holes of a sparse array, so look for them by position
  for (let k = 0; k < size; k++)
    if (codes[k] === undefined)
      throw bad(
        "PARSE",
        `${path}.category.index`,
        `no category has position ${k}: ${Object.keys(positions).length} categories for a size of ${size}`,
        file,
        "the categories and the size disagree; is the file complete?",
      );
  return codes as string[];
}

/** A dimension's `role` object: lists of dimension ids under `time`, `geo` and `metric`; `path` names it in errors. */
function checkRoles(role: unknown, path: string, file: string | undefined): Roles {
  if (role === undefined || role === null) return {};
  return check(RoleLists, role, (issue) => {
    if (issue.path.length === 0)
      return bad("PARSE", path, `expected an object of lists of dimension ids, found ${shown(role)}`, file);
    const key = String(issue.path[0]);
    const list = (role as Record<string, unknown>)[key];
    return bad("PARSE", `${path}.${key}`, `expected a list of dimension ids, found ${shown(list)}`, file);
  });
}

/** A category's labels by code (a number is taken as its text); `path` names them in errors. */
function categoryLabels(label: unknown, path: string, file: string | undefined): Record<string, string> {
  if (label === undefined) return {};
  return check(Labels, label, (issue) => {
    if (issue.path.length === 0)
      return bad("PARSE", path, `expected an object of labels by code, found ${shown(label)}`, file);
    const code = String(issue.path[0]);
    const text = (label as Record<string, unknown>)[code];
    return bad("PARSE", `${path}.${code}`, `expected a label (text), found ${shown(text)}`, file);
  });
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
  const { ds, at } = findDataset(json, file);
  const dimension = check(JsonObject, ds.dimension, () =>
    bad("PARSE", `${at}dimension`, `expected an object of dimensions, found ${shown(ds.dimension)}`, file),
  );
  const paths: Paths = {
    at,
    idPath: ds.id ? `${at}id` : `${at}dimension.id`,
    sizePath: ds.size ? `${at}size` : `${at}dimension.size`,
    file,
  };
  const ids = dimensionIds(ds.id ?? dimension.id, dimension, paths);
  const sizes = check(Sizes(ids.length), ds.size ?? dimension.size, () =>
    bad(
      "PARSE",
      paths.sizePath,
      `expected ${ids.length} whole numbers (one per id), found ${shown(ds.size ?? dimension.size)}`,
      file,
    ),
  );
  const roles = checkRoles(ds.role ?? dimension.role, ds.role ? `${at}role` : `${at}dimension.role`, file);
  const dims = describeDimensions(ids, sizes, dimension, roles, paths);
  const total = sizes.reduce((p, s) => p * s, 1);
  if (total > MAX_CELLS)
    throw bad(
      "PARSE",
      paths.sizePath,
      `declares ${total} cells, more than the ${MAX_CELLS} this reader takes`,
      file,
      "select fewer categories in the query",
    );
  const cells = cellReaders(ds, sizes, total, paths);
  const builder = new TidyBuilder(dims.map((d) => d.name));
  pushCells(builder, dims, sizes, total, cells);
  return finishTable(builder, dims, ds, paths);
}

/**
 * The dataset in a JSON-stat document and the path prefix of its parts: the document itself (2.0, `"class":
 * "dataset"`) or the object under a key that has a `dimension` (1.0, `{"dataset": {...}}` → "dataset.").
 */
function findDataset(json: unknown, file: string | undefined): { ds: Record<string, unknown>; at: string } {
  const hint = 'expected "class": "dataset" or {"dataset": {...}}';
  const root = check(JsonObject, json, () =>
    bad("FORMAT_UNKNOWN", "$", `expected an object, found ${shown(Array.isArray(json) ? "[...]" : json)}`, file, hint),
  );
  if (root.class === "dataset" || ("dimension" in root && "value" in root) || ("dimension" in root && "id" in root))
    return { ds: root, at: "" };
  const isDataset = (v: unknown) => JsonObject.safeParse(v).success && "dimension" in (v as object);
  const key = Object.keys(root).find((k) => isDataset(root[k]));
  if (key === undefined) throw bad("FORMAT_UNKNOWN", "$", "no dataset (an object with a dimension) found", file, hint);
  return { ds: root[key] as Record<string, unknown>, at: `${key}.` };
}

/**
 * The dataset's dimension ids: a list of text, none twice, and every dimension described with categories among
 * them (a dimension left out of `id` and `size` together would be dropped without a word).
 */
function dimensionIds(value: unknown, dimension: Record<string, unknown>, paths: Paths): string[] {
  const { at, idPath, file } = paths;
  const ids = check(DimensionIds, value, () =>
    bad("PARSE", idPath, `expected a list of dimension ids, found ${shown(value)}`, file),
  );
  const repeated = firstRepeat(ids);
  if (repeated)
    throw bad(
      "PARSE",
      `${idPath}[${repeated.at}]`,
      `dimension ${shown(ids[repeated.at])} is listed twice (also at ${repeated.first})`,
      file,
    );
  const unlisted = Object.keys(dimension).find(
    (key) =>
      !ids.includes(key) && JsonObject.safeParse(dimension[key]).success && "category" in (dimension[key] as object),
  );
  if (unlisted !== undefined)
    throw bad(
      "PARSE",
      `${at}dimension.${unlisted}`,
      `dimension "${unlisted}" is described but not listed in ${idPath} (${shown(ids)})`,
      file,
      "id, size and dimension disagree; is the file complete?",
    );
  return ids;
}

/**
 * Each dimension's column name, codes, labels and units. The name is the canonical one of its id or label, or
 * `year`, `region` or `contents` by its role; two dimensions with one name keep apart (the later by its id).
 */
function describeDimensions(
  ids: string[],
  sizes: number[],
  dimension: Record<string, unknown>,
  roles: Roles,
  paths: Paths,
): Dim[] {
  const { at, sizePath, file } = paths;
  const taken = new Set<string>();
  return ids.map((id, k) => {
    const path = `${at}dimension.${id}`;
    const d = check(DimensionShape, dimension[id], (issue) =>
      issue.path.length === 0
        ? bad("PARSE", path, `dimension "${id}" is listed in id but not described`, file)
        : bad(
            "PARSE",
            `${path}.category`,
            `expected an object, found ${shown((dimension[id] as Record<string, unknown>).category)}`,
            file,
          ),
    );
    const codes = categories(d.category, sizes[k]!, path, file);
    if (codes.length !== sizes[k])
      throw bad(
        "PARSE",
        `${path}.category`,
        `${codes.length} categories, but ${sizePath}[${k}] says ${sizes[k]}`,
        file,
      );
    let name = canonicalDimension(id);
    if (name === id) name = canonicalDimension((d.label ?? id) as string);
    if (roles.time?.includes(id)) name = "year";
    if (roles.geo?.includes(id)) name = "region";
    if (roles.metric?.includes(id)) name = "contents";
    // two dimensions with one canonical name ("Region" and "region") keep apart: the later one by its id
    if (taken.has(name)) name = taken.has(id) ? `${id}_${k + 1}` : id;
    taken.add(name);
    const labels = categoryLabels(d.category.label, `${path}.category.label`, file);
    return { id, name, codes, labels, units: d.category.unit };
  });
}

/** How to read cell `i` of the dataset (row-major over `id`): its value, its status flag and the value as written. */
interface CellReaders {
  valueAt: (i: number) => number | null;
  statusAt: (i: number) => string | null;
  rawAt: (i: number) => unknown;
}

/**
 * Checks the shapes of `value` (a list of `total` entries, or an object keyed by position) and `status` (a string,
 * a list of 1 or `total` entries, or an object), and returns the readers of one cell, which check its entries.
 */
function cellReaders(ds: Record<string, unknown>, sizes: number[], total: number, paths: Paths): CellReaders {
  const { at, file } = paths;
  const value = ds.value;
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
  if (dense && value.length !== total) {
    throw bad(
      value.length < total ? "FILE_TRUNCATED" : "PARSE",
      valuePath,
      `has ${value.length} entries, expected ${total} (${sizes.join(" × ")})`,
      file,
      "the values and the dimensions disagree; is the file complete?",
    );
  }
  if (!dense) {
    check(LargeObject, value, () =>
      bad("PARSE", valuePath, `expected a list or an object of values, found ${shown(value)}`, file),
    );
    for (const key of Object.keys(value))
      if (!/^\d+$/.test(key) || Number(key) >= total)
        throw bad("PARSE", `${valuePath}.${key}`, `expected a position 0..${total - 1}`, file);
  }
  const rawAt = dense
    ? (i: number) => value[i] as unknown
    : (i: number) => (value as Record<string, unknown>)[String(i)];
  return {
    rawAt,
    valueAt: (i) => cellValue(rawAt(i), `${valuePath}[${i}]`, file),
    statusAt: statusReader(ds.status, total, `${at}status`, file),
  };
}

/** A value as written: a number, a number written as text (`"123"`), or missing (null or a symbol such as `".."`). */
function cellValue(v: unknown, path: string, file: string | undefined): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "number") {
    if (!Number.isFinite(v))
      throw bad("PARSE", path, "is a number too large to represent", file, "the value is corrupt");
    return v;
  }
  if (typeof v === "string") {
    const cell = parseCell(v);
    if (cell.status === null && cell.value !== null && Number.isFinite(cell.value)) return cell.value;
    if (cell.value === null && cell.status !== null && cell.status !== "invalid") return null;
  }
  throw bad("PARSE", path, `expected a number or null, found ${shown(v)}`, file);
}

/**
 * The reader of cell `i`'s status flag from `status`: one string for every cell, a list (of one, or one per cell)
 * or an object keyed by position; null where there is none or it is empty.
 */
function statusReader(
  status: unknown,
  total: number,
  statusPath: string,
  file: string | undefined,
): (i: number) => string | null {
  check(StatusShape, status, () =>
    bad("PARSE", statusPath, `expected a string, a list or an object, found ${shown(status)}`, file),
  );
  if (Array.isArray(status) && status.length !== 1 && status.length !== total) {
    throw bad(
      status.length < total ? "FILE_TRUNCATED" : "PARSE",
      statusPath,
      `has ${status.length} entries, expected ${total} (or 1)`,
      file,
    );
  }
  return (i) => {
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
}

/**
 * Pushes every cell into `builder` in row-major order over the dimensions (the last one varies fastest), each with
 * its status flag, else the symbol written in place of its value, else `..` where it is missing.
 */
function pushCells(builder: TidyBuilder, dims: Dim[], sizes: number[], total: number, cells: CellReaders): void {
  const labels = new Array<string>(dims.length);
  const counters = new Array<number>(dims.length).fill(0);
  for (let i = 0; i < total; i++) {
    for (let k = 0; k < dims.length; k++) labels[k] = dims[k]!.codes[counters[k]!]!;
    const v = cells.valueAt(i);
    const raw = cells.rawAt(i);
    const symbol = typeof raw === "string" && v === null ? raw.trim() : null;
    builder.push(labels, v, cells.statusAt(i) ?? symbol ?? (v === null ? ".." : null));
    for (let k = dims.length - 1; k >= 0; k--) {
      if (++counters[k]! < sizes[k]!) break;
      counters[k] = 0;
    }
  }
}

/**
 * The tidy table: region codes and names read (`K-3001` → `3001`, errors naming the dimension's path), each
 * dimension's labels as a `_name` column, and the provenance from the dataset's descriptive fields.
 */
function finishTable(builder: TidyBuilder, dims: Dim[], ds: Record<string, unknown>, paths: Paths): Table {
  const { at, file } = paths;
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
  const unit = unitOf(dims.find((d) => d.name === "contents"));
  const meta = Described.parse(ds);
  const tableId = meta.extension?.px?.tableid;
  return table.withProvenance({
    format: ds.id ? "json-stat2" : "json-stat",
    ...(meta.source !== undefined ? { source: meta.source } : {}),
    ...(meta.label !== undefined ? { title: meta.label } : {}),
    ...(meta.updated !== undefined ? { updated: meta.updated } : {}),
    ...(tableId !== undefined ? { tableId } : {}),
    ...(unit !== undefined ? { unit } : {}),
    ...(meta.note?.length ? { footnotes: meta.note.map(String) } : {}),
  });
}

/** The unit of the metric dimension: the `base` of its first category's unit (`{"unit": {"personer": {"base": …}}}`). */
function unitOf(metric: Dim | undefined): string | undefined {
  const units = JsonObject.safeParse(metric?.units);
  if (!units.success) return undefined;
  const base = (Object.values(units.data)[0] as { base?: unknown } | undefined)?.base;
  return typeof base === "string" ? base : undefined;
}
