import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { canonicalDimension } from "../dimensions.ts";
import { normalise, TidyBuilder } from "../tidy.ts";
import { parseCell } from "../values.ts";

interface Column {
  code: string;
  text: string;
  type: "t" | "d" | "c";
  comment?: string;
}
interface Meta {
  label?: string;
  source?: string;
  updated?: string;
  infofile?: string;
  tableid?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function shown(v: unknown): string {
  const text = v === undefined ? "nothing" : (JSON.stringify(v) ?? String(v));
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function bad(
  path: string,
  message: string,
  file: string | undefined,
  hint?: string,
  code: "PARSE" | "FILE_TRUNCATED" = "PARSE",
): OmvarldError {
  return new OmvarldError(code, `PxWeb json ${path}: ${message}`, { file }, hint);
}

/**
 * Reads the PxWeb API v1 "json" format: `columns` (time `t`, dimension `d`, contents `c`) and `data` rows whose
 * `values` are strings (`".."` where missing). Several contents columns become a `contents` dimension.
 * The table id comes from the table (`metadata[0].tableid`, else `options.tableId`, else the code of a single
 * contents column such as "BE0101N1"), never from `infofile`, which names the statistics product ("BE0101").
 * A missing `columns` or `data`, a row of the wrong length and a value that is not a number or a symbol are
 * errors naming the JSON path (e.g. `data[3].values[0]`).
 */
export function readPxWebJson(
  json: unknown,
  options: { file?: string | undefined; tableId?: string | undefined } = {},
): Table {
  const file = options.file;
  if (!isObject(json))
    throw bad(
      "$",
      `expected an object with columns and data, found ${shown(Array.isArray(json) ? "[...]" : json)}`,
      file,
    );
  const columns = json.columns as unknown;
  const data = json.data as unknown;
  if (!Array.isArray(columns))
    throw bad(
      "columns",
      columns === undefined ? "is missing" : `expected a list, found ${shown(columns)}`,
      file,
      "the response describes no columns; was it cut off?",
    );
  columns.forEach((c, k) => {
    if (
      !isObject(c) ||
      typeof c.code !== "string" ||
      typeof c.text !== "string" ||
      !["t", "d", "c"].includes(c.type as string)
    ) {
      throw bad(`columns[${k}]`, `expected { code, text, type: "t" | "d" | "c" }, found ${shown(c)}`, file);
    }
  });
  if (!Array.isArray(data))
    throw bad(
      "data",
      data === undefined ? "is missing" : `expected a list, found ${shown(data)}`,
      file,
      "the response holds no data; was it cut off?",
      data === undefined ? "FILE_TRUNCATED" : "PARSE",
    );
  const cols = columns as Column[];
  const keys = cols.filter((c) => c.type !== "c");
  const contents = cols.filter((c) => c.type === "c");
  if (contents.length === 0) throw bad("columns", 'no contents column (type "c")', file);
  const names = keys.map((c) =>
    c.type === "t"
      ? "year"
      : canonicalDimension(c.code) === c.code
        ? canonicalDimension(c.text)
        : canonicalDimension(c.code),
  );
  const withContents = contents.length > 1;
  const builder = new TidyBuilder(withContents ? [...names, "contents"] : names);
  data.forEach((row: unknown, r) => {
    if (!isObject(row) || !Array.isArray(row.key) || !Array.isArray(row.values))
      throw bad(`data[${r}]`, `expected { key: [...], values: [...] }, found ${shown(row)}`, file);
    if (row.key.length !== keys.length || row.values.length !== contents.length) {
      throw bad(
        `data[${r}]`,
        `has ${row.key.length} keys and ${row.values.length} values, expected ${keys.length} and ${contents.length}`,
        file,
      );
    }
    const key = row.key.map((k: unknown, j) => {
      if (typeof k !== "string" && typeof k !== "number")
        throw bad(`data[${r}].key[${j}]`, `expected a code, found ${shown(k)}`, file);
      return String(k);
    });
    row.values.forEach((raw: unknown, k) => {
      if (raw !== null && typeof raw !== "string" && typeof raw !== "number")
        throw bad(`data[${r}].values[${k}]`, `expected a number as text, found ${shown(raw)}`, file);
      const cell =
        raw === null
          ? { value: null, status: ".." }
          : typeof raw === "number"
            ? { value: raw, status: null }
            : parseCell(raw);
      if (cell.status === "invalid" || (cell.value !== null && !Number.isFinite(cell.value))) {
        throw bad(`data[${r}].values[${k}]`, `expected a number or a symbol such as "..", found ${shown(raw)}`, file);
      }
      builder.push(withContents ? [...key, contents[k]!.text] : key, cell.value, cell.status);
    });
  });
  const meta = (Array.isArray(json.metadata) && isObject(json.metadata[0]) ? json.metadata[0] : {}) as Meta;
  const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
  const tableId = str(meta.tableid) ?? options.tableId ?? (withContents ? undefined : contents[0]!.code);
  return normalise(builder.finish(), { file }).withProvenance({
    format: "pxweb-json",
    ...(str(meta.source) ? { source: meta.source } : {}),
    ...(str(meta.label) ? { title: meta.label } : {}),
    ...(str(meta.updated) ? { updated: meta.updated } : {}),
    ...(tableId ? { tableId } : {}),
    ...(!withContents ? { measure: contents[0]!.text } : {}),
    footnotes: contents.flatMap((c) =>
      typeof c.comment === "string" && c.comment.trim() ? [`${c.text}: ${c.comment.trim()}`] : [],
    ),
  });
}
