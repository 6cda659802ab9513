import { splitRows } from "./tokenize.ts";

export interface Dialect {
  delimiter: string;
  /** The table title from a "med rubrik" / "med overskrift" export, if any. */
  title: string | null;
  /** Offset in the text where the header row starts. */
  headerOffset: number;
}

const CANDIDATES = [",", ";", "\t"];

/** The first `n` lines of `text`, cut at a line end (any of CRLF, LF, CR). */
function headLines(text: string, n: number): string {
  let count = 0;
  for (let i = 0; i < text.length && i < 1 << 20; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      if (++count === n) return text.slice(0, i + 1);
    }
  }
  return text.slice(0, 1 << 20);
}

/** Offset of the start of line `k` (0-based), honouring CRLF, LF and CR line ends. */
function lineOffset(text: string, k: number): number {
  let line = 0;
  for (let i = 0; i < text.length; i++) {
    if (line === k) return i;
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return text.length;
}

/**
 * Finds the delimiter (the candidate that splits the most lines into the same number of cells, more than one) and
 * a title line: PxWeb 1 writes `"title"` then an empty line; PxWebApi 2 writes `"title"` with no empty line.
 */
export function sniffDialect(text: string): Dialect {
  const head = headLines(text, 60);
  let best = { delimiter: ",", score: -1 };
  for (const delimiter of CANDIDATES) {
    const rows = splitRows(head, delimiter).filter((r) => r.cells.some((c) => c !== ""));
    const counts = new Map<number, number>();
    for (const r of rows.slice(1)) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
    let mode = 0;
    let modeCount = 0;
    for (const [k, v] of counts) {
      if (v > modeCount || (v === modeCount && k > mode)) {
        mode = k;
        modeCount = v;
      }
    }
    const score = mode > 1 ? modeCount * 1000 + mode : 0;
    if (score > best.score) best = { delimiter, score };
  }
  const rows = splitRows(head, best.delimiter, 3);
  const first = rows[0];
  const second = rows[1];
  let skip = 0;
  let title: string | null = null;
  if (
    first &&
    first.cells.length === 1 &&
    first.quoted[0] &&
    second &&
    (second.cells.length > 1 || second.cells[0] === "")
  ) {
    title = first.cells[0]!;
    skip = second.cells.length === 1 && second.cells[0] === "" ? 2 : 1;
  }
  let headerOffset = lineOffset(text, skip);
  // skip blank lines before the header
  while (headerOffset < text.length && (text[headerOffset] === "\n" || text[headerOffset] === "\r")) headerOffset++;
  return { delimiter: best.delimiter, title, headerOffset };
}
