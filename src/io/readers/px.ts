import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { canonicalDimension } from "../dimensions.ts";
import { normalise, TidyBuilder } from "../tidy.ts";
import { parseCell } from "../values.ts";
import { nameDimensions, stripCode } from "./labels.ts";

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
function parseKeywords(
  text: string,
  file: string | undefined,
): { keywords: Keyword[]; dataOffset: number; dataLine: number } {
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
    if (i >= n)
      throw new OmvarldError(
        "FILE_TRUNCATED",
        "the PX file has no DATA= block",
        { file, line },
        "the file may be cut off",
      );
    const start = line;
    const eq = text.indexOf("=", i);
    if (eq < 0) throw new OmvarldError("PARSE", "expected KEYWORD=value;", { file, line });
    const head = text.slice(i, eq).trim();
    const m = /^([A-Z0-9-]+)(?:\[([^\]]+)\])?(?:\((.*)\))?$/s.exec(head);
    if (!m)
      throw new OmvarldError(
        "PARSE",
        `malformed PX keyword "${head.slice(0, 40)}"`,
        { file, line },
        'expected NAME, NAME[lang] or NAME("arg")',
      );
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
    if (i >= n)
      throw new OmvarldError("FILE_TRUNCATED", `keyword ${m[1]} is not terminated by ';'`, { file, line: start });
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
    keywords.find(
      (k) =>
        k.name === name && (k.language === null || k.language === wanted) && (arg === undefined || k.args[0] === arg),
    );
  const stub = get("STUB")?.values ?? [];
  const heading = get("HEADING")?.values ?? [];
  const variables = [...stub, ...heading];
  if (variables.length === 0)
    throw new OmvarldError("PARSE", "the PX file has neither STUB nor HEADING", { file }, "is this a PX file?");
  const contentsVariable = get("CONTVARIABLE")?.values[0];
  const timeVariable = keywords.find((k) => k.name === "TIMEVAL" && pick(k))?.args[0];
  const dims = variables.map((v) => {
    const values = get("VALUES", v);
    if (!values) throw new OmvarldError("PARSE", `no VALUES("${v}") for variable "${v}"`, { file });
    const valueList = values.values;
    const codeKeyword = get("CODES", v);
    if (codeKeyword && codeKeyword.values.length !== valueList.length) {
      // a code without its text (or a text without its code): the list that is short names the place
      const short = codeKeyword.values.length < valueList.length ? codeKeyword : values;
      throw new OmvarldError(
        "PARSE",
        `VALUES("${v}") has ${count(valueList.length, "entry", "entries")} but CODES("${v}") has ${codeKeyword.values.length}: each value needs its code`,
        { file, line: short.line },
        "the file was edited or cut inside its keywords; download it again",
      );
    }
    const codes = codeKeyword?.values ?? valueList;
    const code = get("VARIABLECODE", v)?.values[0];
    let name = canonicalDimension(code ?? v);
    if (name === (code ?? v).trim()) name = canonicalDimension(v);
    if (v === contentsVariable) name = "contents";
    if (v === timeVariable) name = "year";
    return { variable: v, name, codes, labels: valueList, line: (codeKeyword ?? values).line };
  });
  const warnings: string[] = [];
  const stubDims = dims.slice(0, stub.length);
  const headDims = dims.slice(stub.length);
  const keyed = stub.map((v) => get("KEYS", v)?.values[0]?.toUpperCase());
  const builder = new TidyBuilder(dims.map((d) => d.name));
  if (keyed.some((k) => k !== undefined)) {
    readKeyedData(text, dataOffset, dataLine, { stubDims, headDims, keyed, builder, warnings, file });
  } else {
    const cells = dataCells(text, dataOffset, dataLine, file);
    const expected = dims.reduce((p, d) => p * d.codes.length, 1);
    if (cells.values.length !== expected) {
      const short = cells.values.length < expected;
      throw new OmvarldError(
        short ? "FILE_TRUNCATED" : "PARSE",
        `the DATA block has ${cells.values.length} values, expected ${expected} (${dims.map((d) => d.codes.length).join(" × ")})${cells.closed ? "" : ", and no closing ';'"}`,
        { file, line: cells.lastLine },
        short ? "the file may be cut off" : "VALUES and DATA disagree",
      );
    }
    if (!cells.closed)
      warnings.push(
        "the DATA block has no closing ';' at the end of the file; its value count matches the table, so it was read",
      );
    const labels = new Array<string>(dims.length);
    const counters = new Array<number>(dims.length).fill(0);
    for (let c = 0; c < cells.values.length; c++) {
      for (let k = 0; k < dims.length; k++) labels[k] = dims[k]!.codes[counters[k]!]!;
      const cell = readValue(cells.values[c]!, file, cells.lineOf(c));
      builder.push(labels, cell.value, cell.status);
      for (let k = dims.length - 1; k >= 0; k--) {
        if (++counters[k]! < dims[k]!.codes.length) break;
        counters[k] = 0;
      }
    }
  }
  const region = dims.find((d) => d.name === "region");
  const regionNames = region ? new Map(region.codes.map((c, k) => [c, stripCode(region.labels[k]!, c)])) : undefined;
  const notes = keywords.filter((k) => /^NOTEX?$|^VALUENOTEX?$/.test(k.name) && pick(k)).map((k) => k.values.join(""));
  const unit = get("UNITS")?.values[0];
  // an error about a dimension's codes (a region code the registry does not know) points at its CODES or VALUES
  const placeOf = (column: string) => {
    const d = dims.find((x) => x.name === column);
    return d ? { line: d.line } : undefined;
  };
  let table = normalise(builder.finish(), { file, regionNames, placeOf });
  table = nameDimensions(table, new Map(dims.map((d) => [d.name, new Map(d.codes.map((c, k) => [c, d.labels[k]!]))])));
  if (warnings.length) table = table.withWarnings(...warnings);
  return table.withProvenance({
    format: "px",
    ...(get("SOURCE") ? { source: get("SOURCE")!.values[0]!.trim() } : {}),
    ...((get("TABLEID") ?? get("MATRIX")) ? { tableId: (get("TABLEID") ?? get("MATRIX"))!.values[0]! } : {}),
    ...(get("TITLE") ? { title: get("TITLE")!.values.join("") } : {}),
    ...(unit ? { unit } : {}),
    ...(notes.length ? { footnotes: notes } : {}),
  });
}

/** The cells of a DATA block, their lines, and whether the block ends in ';'. */
interface DataCells {
  values: string[];
  closed: boolean;
  lastLine: number;
  lineOf: (cell: number) => number;
}

/** Splits the DATA block into cells: numbers and quoted symbols separated by white space, commas or tabs. */
function dataCells(text: string, offset: number, firstLine: number, file: string | undefined): DataCells {
  const values: string[] = [];
  const lineStarts: number[] = []; // index of the first cell on each new line
  const lineNumbers: number[] = [];
  const token = /"[^"\n]*"|[^\s,;"]+|;|"/g;
  token.lastIndex = offset;
  let line = firstLine;
  let scanned = offset;
  let closed = false;
  for (let m = token.exec(text); m !== null; m = token.exec(text)) {
    for (let i = text.indexOf("\n", scanned); i >= 0 && i < m.index; i = text.indexOf("\n", i + 1)) line++;
    scanned = m.index;
    if (m[0] === ";") {
      closed = true;
      const rest = text.slice(token.lastIndex).trim();
      if (rest !== "") {
        throw new OmvarldError(
          "PARSE",
          `text after the end of the DATA block: ${visible(rest)}`,
          { file, line },
          "the file may have been joined with another",
        );
      }
      break;
    }
    if (m[0] === '"')
      throw new OmvarldError(
        "PARSE",
        "a quoted DATA cell is not closed on its line",
        { file, line },
        "the file may be cut off",
      );
    if (lineNumbers.at(-1) !== line) {
      lineStarts.push(values.length);
      lineNumbers.push(line);
    }
    values.push(m[0]);
  }
  const lineOf = (cell: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= cell) lo = mid;
      else hi = mid - 1;
    }
    return lineNumbers[lo] ?? firstLine;
  };
  return { values, closed, lastLine: line, lineOf };
}

/** A DATA cell as a value and status; text that is neither a number nor a symbol is an error. */
function readValue(
  token: string,
  file: string | undefined,
  line: number,
): { value: number | null; status: string | null } {
  const raw = token.startsWith('"') ? token.slice(1, -1) : token;
  const cell = parseCell(raw);
  if (cell.status === "invalid" || (cell.value !== null && !Number.isFinite(cell.value))) {
    throw new OmvarldError(
      "PARSE",
      cell.status === "invalid"
        ? `expected a number or a symbol such as ".." in DATA, found ${visible(raw)}`
        : `the number ${visible(raw)} is too large to represent`,
      { file, line },
      "the DATA block is damaged",
    );
  }
  return cell;
}

interface KeyedPlan {
  stubDims: { variable: string; codes: string[]; labels: string[] }[];
  headDims: { codes: string[] }[];
  keyed: (string | undefined)[];
  builder: TidyBuilder;
  warnings: string[];
  file: string | undefined;
}

/**
 * The DATA block of a PX file with KEYS: every line starts with the stub values in quotes (codes or value texts,
 * as `KEYS("var")=CODES|VALUES` says), comma separated, followed by the cells of the heading combinations.
 * Lines that hold only zeros may be left out (PX spec, "Files with KEYS"); they are filled in as 0.
 */
function readKeyedData(text: string, offset: number, firstLine: number, plan: KeyedPlan): void {
  const { stubDims, headDims, keyed, warnings, file } = plan;
  const missing = keyed.findIndex((k) => k !== "CODES" && k !== "VALUES");
  if (missing >= 0) {
    throw new OmvarldError(
      "PARSE",
      `KEYS are given for some stub variables but not for "${stubDims[missing]!.variable}" (or not as CODES or VALUES)`,
      { file },
      'every stub variable needs KEYS("var")=CODES or VALUES',
    );
  }
  const lookups = stubDims.map(
    (d, k) => new Map((keyed[k] === "CODES" ? d.codes : d.labels).map((key, j) => [key, j])),
  );
  const width = headDims.reduce((p, d) => p * d.codes.length, 1);
  const rows = new Map<number, KeyedLine>();
  const { lines, closed } = dataLines(text, offset);
  for (let l = 0; l < lines.length; l++) {
    const line = firstLine + l;
    const source = lines[l]!.trim();
    if (source === "") continue;
    const { index, keys, cells } = keyedLine(source, line, lookups, width, plan);
    if (rows.has(index))
      throw new OmvarldError(
        "PARSE",
        `the keys ${keys.map((k) => `"${k}"`).join(",")} occur twice (lines ${rows.get(index)!.line} and ${line})`,
        { file, line },
      );
    rows.set(index, { cells, line });
  }
  if (!closed)
    warnings.push("the DATA block has no closing ';' at the end of the file; every line is complete, so it was read");
  pushKeyedRows(rows, width, plan);
}

/** A line of a KEYS data block: its cells (as written) and its line number. */
type KeyedLine = { cells: string[]; line: number };

/** The lines of the DATA block from `offset`, and whether a `;` closes it (the text after it is left out). */
function dataLines(text: string, offset: number): { lines: string[]; closed: boolean } {
  let body = text.slice(offset);
  let closed = false;
  const semicolon = body.search(/;\s*$/);
  if (semicolon >= 0) {
    body = body.slice(0, semicolon);
    closed = true;
  }
  return { lines: body.split(/\r?\n|\r/), closed };
}

/**
 * One line of a KEYS data block (`"0114","1",12,15`): its keys, the row-major index of the stub combination they
 * name (looked up in `lookups`, one map per stub variable) and its `width` cells. A key not quoted or not known,
 * or a count of cells other than `width`, is an error naming the line.
 */
function keyedLine(
  source: string,
  line: number,
  lookups: Map<string, number>[],
  width: number,
  plan: KeyedPlan,
): { index: number; keys: string[]; cells: string[] } {
  const { stubDims, keyed, file } = plan;
  const keys: string[] = [];
  let at = 0;
  for (let k = 0; k < stubDims.length; k++) {
    const m = /^"([^"]*)"\s*,?\s*/.exec(source.slice(at));
    if (!m)
      throw new OmvarldError(
        "PARSE",
        `expected ${stubDims.length} quoted keys at the start of the line, found ${visible(source.slice(at))}`,
        { file, line, column: at + 1 },
        "a line of a KEYS file starts with its stub values in quotes",
      );
    keys.push(m[1]!);
    at += m[0].length;
  }
  let index = 0;
  keys.forEach((key, k) => {
    const j = lookups[k]!.get(key);
    if (j === undefined)
      throw new OmvarldError(
        "PARSE",
        `key ${visible(key)} is not among the ${keyed[k]} of "${stubDims[k]!.variable}"`,
        { file, line },
        "KEYS and CODES/VALUES disagree",
      );
    index = index * stubDims[k]!.codes.length + j;
  });
  const cells = source
    .slice(at)
    .split(/[\s,]+/)
    .filter((c) => c !== "");
  if (cells.length !== width) {
    throw new OmvarldError(
      cells.length < width ? "FILE_TRUNCATED" : "PARSE",
      `the line has ${cells.length} values, expected ${width}`,
      { file, line },
      cells.length < width ? "the file may be cut off" : "HEADING and DATA disagree",
    );
  }
  return { index, keys, cells };
}

/**
 * Pushes every stub combination's `width` cells into the plan's builder in row-major order, a combination without
 * a line as zeros (with a warning that counts them).
 */
function pushKeyedRows(rows: Map<number, KeyedLine>, width: number, plan: KeyedPlan): void {
  const { stubDims, headDims, builder, warnings, file } = plan;
  const stubTotal = stubDims.reduce((p, d) => p * d.codes.length, 1);
  const labels = new Array<string>(stubDims.length + headDims.length);
  let omitted = 0;
  for (let r = 0; r < stubTotal; r++) {
    placeCodes(r, stubDims, labels, 0);
    const row = rows.get(r);
    if (!row) omitted++;
    for (let c = 0; c < width; c++) {
      placeCodes(c, headDims, labels, stubDims.length);
      const cell = row ? readValue(row.cells[c]!, file, row.line) : { value: 0, status: null };
      builder.push(labels, cell.value, cell.status);
    }
  }
  if (omitted > 0)
    warnings.push(
      `${omitted} of ${stubTotal} lines are left out of the KEYS data block; as the PX format says, they are zeros`,
    );
}

/**
 * Writes the codes of row-major combination `index` of `dims` into `labels` from `from` on: with sizes [2, 3],
 * index 4 is codes [1, 1] (4 = 1 × 3 + 1).
 */
function placeCodes(index: number, dims: readonly { codes: string[] }[], labels: string[], from: number): void {
  let rest = index;
  for (let k = dims.length - 1; k >= 0; k--) {
    const n = dims[k]!.codes.length;
    labels[from + k] = dims[k]!.codes[rest % n]!;
    rest = Math.floor(rest / n);
  }
}

/** `1 entry`, `2 entries`. */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Text as an error shows it: escaped, at most 40 characters. */
function visible(text: string): string {
  const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}...` : text);
  return shown;
}
