/**
 * A tiny evaluator for the formula shapes the annex writes: numbers, cell references (with a quoted sheet name and
 * "$"), ranges inside SUM(), + − * /, unary minus and parentheses. It reads a workbook through `cell`, evaluating
 * referenced formulas in turn, and refuses an empty cell (Excel would read 0: a silently wrong number).
 */
export interface Ref {
  sheet: string;
  column: number;
  row: number;
}

export type CellLookup = (sheet: string, column: number, row: number) => number | string | null | { formula: string };

const TOKEN =
  /\s*(?:('(?:[^']|'')+'!|[A-Za-z_][\w.]*!)?(\$?[A-Z]{1,3}\$?\d+)|(\d+(?:\.\d+)?(?:E[+-]?\d+)?)|(SUM)\(|([-+*/():,]))/y;

function columnNumber(letters: string): number {
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

function parseRef(sheetPart: string | undefined, address: string, current: string): Ref {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address)!;
  const sheet = sheetPart
    ? sheetPart
        .slice(0, -1)
        .replace(/^'(.*)'$/, "$1")
        .replaceAll("''", "'")
    : current;
  return { sheet, column: columnNumber(m[1]!), row: Number(m[2]) };
}

type Token = { kind: "ref"; ref: Ref } | { kind: "num"; value: number } | { kind: "sum" } | { kind: "op"; op: string };

function tokenize(formula: string, sheet: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < formula.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(formula);
    if (!m || m.index !== at) throw new Error(`cannot read formula ${formula} at ${at}`);
    if (m[2]) out.push({ kind: "ref", ref: parseRef(m[1], m[2], sheet) });
    else if (m[3]) out.push({ kind: "num", value: Number(m[3]) });
    else if (m[4]) out.push({ kind: "sum" });
    else out.push({ kind: "op", op: m[5]! });
  }
  return out;
}

/** The cells and ranges a formula reads, as [from, to] pairs (a single cell has from = to). */
export function references(formula: string, sheet: string): [Ref, Ref][] {
  const tokens = tokenize(formula, sheet);
  const out: [Ref, Ref][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== "ref") continue;
    const next = tokens[i + 1];
    if (next?.kind === "op" && next.op === ":" && tokens[i + 2]?.kind === "ref") {
      const to = (tokens[i + 2] as { ref: Ref }).ref;
      out.push([t.ref, { ...to, sheet: t.ref.sheet }]);
      i += 2;
    } else out.push([t.ref, t.ref]);
  }
  return out;
}

/** Evaluates a formula written on `sheet`. */
export function evaluate(formula: string, sheet: string, cell: CellLookup): number {
  const tokens = tokenize(formula, sheet);
  const value = (ref: Ref, seen: Set<string>): number => {
    const key = `${ref.sheet}!${ref.column}:${ref.row}`;
    if (seen.has(key)) throw new Error(`circular reference at ${key}`);
    const v = cell(ref.sheet, ref.column, ref.row);
    if (v === null || v === undefined) throw new Error(`empty cell ${key}`);
    if (typeof v === "string") throw new Error(`text in ${key}: ${v}`);
    if (typeof v === "number") return v;
    return run(v.formula, ref.sheet, new Set([...seen, key]));
  };
  const run = (f: string, s: string, seen: Set<string>): number =>
    evaluateTokens(tokenize(f, s), (ref) => value(ref, seen));
  return evaluateTokens(tokens, (ref) => value(ref, new Set()));
}

function evaluateTokens(tokens: Token[], value: (ref: Ref) => number): number {
  let i = 0;
  const peek = () => tokens[i];
  const isOp = (op: string) => peek()?.kind === "op" && (peek() as { op: string }).op === op;
  const expect = (op: string) => {
    if (!isOp(op)) throw new Error(`expected ${op}`);
    i++;
  };
  const range = (): number => {
    const t = tokens[i++]!;
    if (t.kind !== "ref") throw new Error("expected a reference in SUM");
    if (!isOp(":")) return value(t.ref);
    i++;
    const to = tokens[i++]!;
    if (to.kind !== "ref") throw new Error("expected the end of a range");
    let s = 0;
    for (let c = Math.min(t.ref.column, to.ref.column); c <= Math.max(t.ref.column, to.ref.column); c++) {
      for (let r = Math.min(t.ref.row, to.ref.row); r <= Math.max(t.ref.row, to.ref.row); r++)
        s += value({ sheet: t.ref.sheet, column: c, row: r });
    }
    return s;
  };
  const factor = (): number => {
    const t = tokens[i++];
    if (!t) throw new Error("unexpected end of formula");
    if (t.kind === "num") return t.value;
    if (t.kind === "ref") return value(t.ref);
    if (t.kind === "sum") {
      let s = range();
      while (isOp(",")) {
        i++;
        s += range();
      }
      expect(")");
      return s;
    }
    if (t.op === "-") return -factor();
    if (t.op === "(") {
      const v = expr();
      expect(")");
      return v;
    }
    throw new Error(`unexpected ${t.op}`);
  };
  const term = (): number => {
    let v = factor();
    while (isOp("*") || isOp("/")) {
      const op = (tokens[i++] as { op: string }).op;
      const w = factor();
      v = op === "*" ? v * w : v / w;
    }
    return v;
  };
  const expr = (): number => {
    let v = term();
    while (isOp("+") || isOp("-")) {
      const op = (tokens[i++] as { op: string }).op;
      const w = term();
      v = op === "+" ? v + w : v - w;
    }
    return v;
  };
  const v = expr();
  if (i !== tokens.length) throw new Error("trailing tokens in formula");
  return v;
}
