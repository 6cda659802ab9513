import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { canonicalDimension } from "../dimensions.ts";
import { normalise, TidyBuilder } from "../tidy.ts";
import { parseCell } from "../values.ts";
import { labelDimensions } from "./labels.ts";

/** One keyword of a PX file: `NAME[lang]("arg1","arg2")=value;` */
interface Keyword {
  name: string;
  language: string | null;
  args: string[];
  /** The value as a list of strings (quoted parts joined where they continue on the next line). */
  values: string[];
  line: number;
}

/** Splits the keyword part of a PX file (everything before `DATA=`). Quoted strings may span lines. */
function parseKeywords(text: string, file: string | undefined): { keywords: Keyword[]; dataOffset: number; dataLine: number } {
  const keywords: Keyword[] = [];
  let i = 0;
  let line = 1;
  const n = text.length;
  const skipSpace = () => {
    while (i < n && /\s/.test(text[i]!)) {
      if (text[i] === "\n") line++;
      i++;
    }
  };
  for (;;) {
    skipSpace();
    if (i >= n) throw new OmvarldError("FILE_TRUNCATED", "the PX file has no DATA= block", { file, line }, "the file may be cut off");
    const start = line;
    const eq = text.indexOf("=", i);
    if (eq < 0) throw new OmvarldError("PARSE", "expected KEYWORD=value;", { file, line });
    const head = text.slice(i, eq).trim();
    const m = /^([A-Z0-9-]+)(?:\[([^\]]+)\])?(?:\((.*)\))?$/s.exec(head);
    if (!m) throw new OmvarldError("PARSE", `malformed PX keyword "${head.slice(0, 40)}"`, { file, line }, 'expected NAME, NAME[lang] or NAME("arg")');
    i = eq + 1;
    if (m[1] === "DATA") return { keywords, dataOffset: i, dataLine: line };
    // read the value up to the terminating ';' outside quotes
    const parts: string[] = [];
    let current = "";
    let inQuote = false;
    let continued = false;
    for (; i < n; i++) {
      const c = text[i]!;
      if (c === "\n") line++;
      if (inQuote) {
        if (c === '"') inQuote = false;
        else if (c !== "\n" && c !== "\r") current += c;
        continue;
      }
      if (c === '"') {
        inQuote = true;
        // a quoted string directly after another one on a new line continues it
        if (!continued) current = "";
        continued = false;
        continue;
      }
      if (c === ",") {
        parts.push(current);
        current = "";
        continued = false;
        continue;
      }
      if (c === ";") break;
      if (c === "\n") {
        continued = true;
        continue;
      }
      if (!/\s/.test(c)) current += c;
    }
    if (i >= n) throw new OmvarldError("FILE_TRUNCATED", `keyword ${m[1]} is not terminated by ';'`, { file, line: start });
    parts.push(current);
    i++;
    const args = m[3] ? [...m[3].matchAll(/"([^"]*)"/g)].map((a) => a[1]!) : [];
    keywords.push({ name: m[1]!, language: m[2] ?? null, args, values: parts, line: start });
  }
}

/**
 * Reads a PX file (SCB, SSB; PC-Axis). The DATA block is read in the order of STUB then HEADING variables;
 * dimension values use CODES where given (region codes stay codes) and VALUES as names. Symbols such as `".."`
 * in DATA become missing values with their symbol as status, and the file's own DATASYMBOL keywords are honoured.
 */
export function readPx(text: string, options: { file?: string | undefined; language?: string } = {}): Table {
  const file = options.file;
  const { keywords, dataOffset, dataLine } = parseKeywords(text, file);
  const mainLanguage = keywords.find((k) => k.name === "LANGUAGE")?.values[0] ?? null;
  const wanted = options.language ?? mainLanguage;
  const pick = (k: Keyword) => k.language === null || k.language === wanted;
  const get = (name: string, arg?: string) =>
    keywords.find((k) => k.name === name && (k.language === null || k.language === wanted) && (arg === undefined || k.args[0] === arg));
  const stub = get("STUB")?.values ?? [];
  const heading = get("HEADING")?.values ?? [];
  const variables = [...stub, ...heading];
  if (variables.length === 0) throw new OmvarldError("PARSE", "the PX file has neither STUB nor HEADING", { file }, "is this a PX file?");
  const contentsVariable = get("CONTVARIABLE")?.values[0];
  const timeVariable = keywords.find((k) => k.name === "TIMEVAL" && pick(k))?.args[0];
  const dims = variables.map((v) => {
    const valueList = get("VALUES", v)?.values;
    if (!valueList) throw new OmvarldError("PARSE", `no VALUES("${v}") for variable "${v}"`, { file });
    const codes = get("CODES", v)?.values ?? valueList;
    const code = get("VARIABLECODE", v)?.values[0];
    let name = canonicalDimension(code ?? v);
    if (name === (code ?? v).trim()) name = canonicalDimension(v);
    if (v === contentsVariable) name = "contents";
    if (v === timeVariable) name = "year";
    return { variable: v, name, codes, labels: valueList };
  });
  const symbols = new Map<string, string>();
  for (const k of keywords) if (k.name.startsWith("DATASYMBOL") && k.values[0] !== undefined) symbols.set(k.values[0], k.name);
  // DATA: numbers and quoted symbols separated by white space (or commas/tabs), ended by ';'
  const tokens: string[] = text.slice(dataOffset).match(/"[^"]*"|[^\s,;"]+|;/g) ?? [];
  const end = tokens.indexOf(";");
  const cells = end >= 0 ? tokens.slice(0, end) : tokens;
  const expected = dims.reduce((p, d) => p * d.codes.length, 1);
  if (end < 0 || cells.length !== expected) {
    throw new OmvarldError(
      cells.length < expected ? "FILE_TRUNCATED" : "PARSE",
      `the DATA block has ${cells.length} values, expected ${expected} (${dims.map((d) => d.codes.length).join(" × ")})`,
      { file, line: dataLine },
      cells.length < expected ? "the file may be cut off" : "VALUES and DATA disagree",
    );
  }
  const builder = new TidyBuilder(dims.map((d) => d.name));
  const labels = new Array<string>(dims.length);
  const counters = new Array<number>(dims.length).fill(0);
  for (let c = 0; c < cells.length; c++) {
    for (let k = 0; k < dims.length; k++) labels[k] = dims[k]!.codes[counters[k]!]!;
    const raw = cells[c]!.replace(/^"|"$/g, "");
    const cell = parseCell(raw);
    builder.push(labels, cell.value, cell.status === "invalid" ? raw : cell.status);
    for (let k = dims.length - 1; k >= 0; k--) {
      if (++counters[k]! < dims[k]!.codes.length) break;
      counters[k] = 0;
    }
  }
  const region = dims.find((d) => d.name === "region");
  const regionNames = region ? new Map(region.codes.map((c, k) => [c, region.labels[k]!])) : undefined;
  const notes = keywords.filter((k) => /^NOTEX?$|^VALUENOTEX?$/.test(k.name) && pick(k)).map((k) => k.values.join(""));
  const unit = get("UNITS")?.values[0];
  let table = normalise(builder.finish(), { file, regionNames });
  table = labelDimensions(table, new Map(dims.map((d) => [d.name, new Map(d.codes.map((c, k) => [c, d.labels[k]!]))])));
  return table.withProvenance({
    format: "px",
    ...(get("SOURCE") ? { source: get("SOURCE")!.values[0]!.trim() } : {}),
    ...(get("TABLEID") ?? get("MATRIX") ? { tableId: (get("TABLEID") ?? get("MATRIX"))!.values[0]! } : {}),
    ...(get("TITLE") ? { title: get("TITLE")!.values.join("") } : {}),
    ...(unit ? { unit } : {}),
    ...(notes.length ? { footnotes: notes } : {}),
  });
}


