import { OmvarldError } from "../../errors.ts";
import { nearestHint } from "./nearest.ts";

/** A variable of a PxWeb table as the clients see it: codes in the table's order, their labels and its roles. */
export interface Variable {
  code: string;
  label: string;
  values: string[];
  labels: Record<string, string>;
  /** May be left out of a query (the API then sums over it or uses its elimination value). */
  elimination: boolean;
  time: boolean;
  /** The contents variable (JSON-stat's "metric" role, SCB's ContentsCode): what is measured. */
  contents?: boolean;
  /** Code lists (PxWebApi 2): `vs_…` value sets and `agg_…` aggregations. */
  codelists: { id: string; label: string; type: string }[];
}

/**
 * What to fetch of one variable: codes and expressions separated by commas, or a list of them.
 * `*` all; `01*`, `????` wildcards (`?` one character); `top(5)` the last 5 (the latest periods), `bottom(5)`;
 * `from(2015)`, `to(2020)`, `range(2015,2020)` (in the table's order); a value's label works as its code.
 * With a code list (`{ codelist: "vs_RegionKommun07", codes: "*" }`) the codes are those of the list.
 */
export type VariableSelection = string | readonly string[] | { codes?: string | readonly string[]; codelist?: string };

/** A selection per variable code, e.g. `{ Region: "2021", Alder: "*", Tid: "top(3)" }`. */
export type Selection = Readonly<Record<string, VariableSelection>>;

/** Splits `"0114,range(2015,2020)"` on the commas outside parentheses. */
export function splitExpressions(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if (c === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

/** The codes and expressions of a selection, and the code list if any. */
export function selectionParts(spec: VariableSelection): { expressions: string[]; codelist: string | undefined } {
  if (typeof spec === "string") return { expressions: splitExpressions(spec), codelist: undefined };
  if (Array.isArray(spec))
    return {
      expressions: (spec as readonly string[]).flatMap((s) => (/[(,]/.test(s) ? splitExpressions(s) : [s])),
      codelist: undefined,
    };
  const { codes, codelist } = spec as { codes?: string | readonly string[]; codelist?: string };
  return { expressions: codes === undefined ? ["*"] : selectionParts(codes).expressions, codelist };
}

/**
 * Resolves a variable's selection into codes, in the table's order, without repeats.
 *
 * @example
 * resolveCodes({ code: "Tid", values: ["2022", "2023", "2024"], ... }, ["top(2)"]); // ["2023", "2024"]
 */
export function resolveCodes(
  variable: Pick<Variable, "code" | "label" | "values" | "labels">,
  expressions: readonly string[],
  where = "",
): string[] {
  const values = variable.values;
  const chosen = new Set<number>();
  const position = new Map(values.map((v, i) => [v, i]));
  const byLabel = new Map(Object.entries(variable.labels).map(([code, label]) => [label.toLowerCase(), code]));
  const indexOf = (code: string): number => {
    const direct = position.get(code) ?? position.get(byLabel.get(code.toLowerCase()) ?? "\u0000");
    if (direct === undefined) {
      throw new OmvarldError(
        "ARGUMENT",
        `unknown code "${code}" for ${variable.code} (${variable.label})${where}`,
        {},
        nearestHint(code, values, "codes"),
      );
    }
    return direct;
  };
  for (const raw of expressions) {
    const expression = raw.trim();
    const call = /^(top|bottom|from|to|range)\((.*)\)$/i.exec(expression);
    if (call) {
      const name = call[1]!.toLowerCase();
      const args = call[2]!.split(",").map((a) => a.trim());
      const count = (a: string | undefined) => {
        if (!a || !/^\d+$/.test(a))
          throw new OmvarldError(
            "ARGUMENT",
            `${name}() expects a whole number, got "${a ?? ""}" for ${variable.code}${where}`,
          );
        return Number(a);
      };
      let from = 0;
      let to = values.length - 1;
      if (name === "top") {
        const offset = args[1] === undefined ? 0 : count(args[1]);
        to = values.length - 1 - offset;
        from = to - count(args[0]) + 1;
      } else if (name === "bottom") {
        from = args[1] === undefined ? 0 : count(args[1]);
        to = from + count(args[0]) - 1;
      } else if (name === "from") from = indexOf(args[0]!);
      else if (name === "to") to = indexOf(args[0]!);
      else {
        if (args.length !== 2)
          throw new OmvarldError(
            "ARGUMENT",
            `range() expects two codes, got "${expression}" for ${variable.code}${where}`,
            {},
            "range(2015,2020)",
          );
        from = indexOf(args[0]!);
        to = indexOf(args[1]!);
      }
      for (let i = Math.max(0, from); i <= Math.min(values.length - 1, to); i++) chosen.add(i);
    } else if (/[*?]/.test(expression)) {
      const pattern = new RegExp(
        `^${expression
          .replace(/[.+^${}()|[\]\\]/g, "\\$&")
          .replace(/\*/g, ".*")
          .replace(/\?/g, ".")}$`,
      );
      const matched = values.map((v, i) => (pattern.test(v) ? i : -1)).filter((i) => i >= 0);
      if (matched.length === 0) {
        throw new OmvarldError(
          "ARGUMENT",
          `"${expression}" matches no code of ${variable.code} (${variable.label})${where}`,
          {},
          nearestHint(expression.replace(/[*?]/g, ""), values, "codes"),
        );
      }
      for (const i of matched) chosen.add(i);
    } else chosen.add(indexOf(expression));
  }
  return [...chosen].sort((a, b) => a - b).map((i) => values[i]!);
}

/**
 * How many values of each variable go into one call so that a call holds at most `maxCells` cells: the variable
 * with the most values is cut first, into pieces as large as the limit allows.
 *
 * @example
 * chunkSizes([312, 102, 2], 150_000); // [312, 102, 2]: 63 648 cells fit in one call
 * chunkSizes([312, 102, 2], 10_000);  // [49, 102, 2]: ⌈312/49⌉ = 7 calls of at most 9 996 cells
 */
export function chunkSizes(counts: readonly number[], maxCells: number): number[] {
  const sizes = [...counts];
  const product = () => sizes.reduce((p, s) => p * s, 1);
  while (product() > maxCells) {
    let d = 0;
    for (let k = 1; k < sizes.length; k++) if (sizes[k]! > sizes[d]!) d = k;
    const others = product() / sizes[d]!;
    sizes[d] = others <= maxCells ? Math.max(1, Math.floor(maxCells / others)) : 1;
  }
  return sizes;
}

/**
 * The calls of a split selection: per call, the codes of each variable; variables vary in row-major order (the
 * last fastest), so the parts joined in this order give the table in the order of a single call.
 */
export function splitSelection(codes: readonly (readonly string[])[], maxCells: number): string[][][] {
  const sizes = chunkSizes(
    codes.map((c) => c.length),
    maxCells,
  );
  const chunks = codes.map((c, k) => {
    const pieces: string[][] = [];
    for (let i = 0; i < c.length; i += sizes[k]!) pieces.push(c.slice(i, i + sizes[k]!));
    return pieces.length ? pieces : [[]];
  });
  let calls: string[][][] = [[]];
  for (const pieces of chunks) calls = calls.flatMap((call) => pieces.map((piece) => [...call, piece]));
  return calls;
}

/**
 * The table's variables with the selection for each, checked: a name the table does not have is an error listing
 * the nearest, and a variable that cannot be left out (no elimination) but has no selection is an error naming it,
 * except the contents variable, which is then its first content as in PxWeb's own default selection (TAB638:
 * ContentsCode BE0101N1, Folkmängd). Variables left out that may be eliminated are not listed.
 *
 * @example
 * chosenVariables("TAB638", metadata.variables, { Region: "2021", Tid: "top(1)" })
 * // [{ variable: Region, spec: "2021" }, { variable: ContentsCode, spec: "BE0101N1" }, { variable: Tid, spec: "top(1)" }]
 */
export function chosenVariables<
  V extends { code: string; elimination?: boolean; time?: boolean; contents?: boolean; values?: readonly string[] },
>(table: string, variables: readonly V[], selection: Selection): { variable: V; spec: VariableSelection }[] {
  const known = variables.map((v) => v.code);
  for (const name of Object.keys(selection)) {
    if (!known.includes(name))
      throw new OmvarldError(
        "ARGUMENT",
        `${table} has no variable "${name}"`,
        {},
        `${nearestHint(name, known, "variables")} (all: ${known.join(", ")})`,
      );
  }
  const byDefault = (v: V): string | undefined => (v.contents && !v.elimination ? v.values?.[0] : undefined);
  const missing = variables.filter((v) => selection[v.code] === undefined && !v.elimination && !byDefault(v));
  if (missing.length) {
    throw new OmvarldError(
      "ARGUMENT",
      `${table} needs a selection for ${missing.map((m) => m.code).join(", ")}`,
      {},
      `e.g. ${missing.map((m) => `${m.code}=${m.time ? "top(1)" : "*"}`).join(", ")}`,
    );
  }
  return variables.flatMap((variable) => {
    const spec = selection[variable.code] ?? byDefault(variable);
    return spec === undefined ? [] : [{ variable, spec }];
  });
}
