import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { canonicalDimension } from "../dimensions.ts";
import { normalise, TidyBuilder } from "../tidy.ts";
import { parseCell } from "../values.ts";

interface PxWebJson {
  columns: { code: string; text: string; type: "t" | "d" | "c"; comment?: string }[];
  data: { key: string[]; values: string[] }[];
  metadata?: { label?: string; source?: string; updated?: string; infofile?: string }[];
}

/**
 * Reads the PxWeb API v1 "json" format: `columns` (time `t`, dimension `d`, contents `c`) and `data` rows whose
 * `values` are strings (`".."` where missing). Several contents columns become a `contents` dimension.
 */
export function readPxWebJson(json: unknown, options: { file?: string | undefined } = {}): Table {
  const file = options.file;
  const px = json as PxWebJson;
  const keys = px.columns.filter((c) => c.type !== "c");
  const contents = px.columns.filter((c) => c.type === "c");
  if (contents.length === 0) throw new OmvarldError("PARSE", "PxWeb json without a contents column (type \"c\")", { file });
  const names = keys.map((c) => (c.type === "t" ? "year" : canonicalDimension(c.code) === c.code ? canonicalDimension(c.text) : canonicalDimension(c.code)));
  const withContents = contents.length > 1;
  const builder = new TidyBuilder(withContents ? [...names, "contents"] : names);
  for (const row of px.data) {
    if (row.key.length !== keys.length || row.values.length !== contents.length) {
      throw new OmvarldError("PARSE", `a data row has ${row.key.length} keys and ${row.values.length} values, expected ${keys.length} and ${contents.length}`, { file });
    }
    row.values.forEach((raw, k) => {
      const cell = parseCell(raw);
      builder.push(withContents ? [...row.key, contents[k]!.text] : row.key, cell.value, cell.status);
    });
  }
  const meta = px.metadata?.[0];
  return normalise(builder.finish(), { file }).withProvenance({
    format: "pxweb-json",
    ...(meta?.source ? { source: meta.source } : {}),
    ...(meta?.label ? { title: meta.label } : {}),
    ...(meta?.updated ? { updated: meta.updated } : {}),
    ...(meta?.infofile ? { tableId: meta.infofile } : {}),
    ...(!withContents ? { measure: contents[0]!.text } : {}),
    footnotes: contents.flatMap((c) => (c.comment ? [`${c.text}: ${c.comment.trim()}`] : [])),
  });
}
