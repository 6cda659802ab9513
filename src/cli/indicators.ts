import { OmvarldError } from "../errors.ts";
import { betaConvergence, sigmaConvergence } from "../indicators/inequality/convergence.ts";
import { inequality } from "../indicators/inequality/inequality.ts";
import { shiftShare } from "../indicators/shiftshare/shiftshare.ts";
import { locationQuotients, specialisation } from "../indicators/specialisation/specialisation.ts";
import { measureOf } from "../indicators/util/panel.ts";
import { read } from "../io/node.ts";
import type { Table } from "../table/table.ts";

export const INDICATOR_KINDS = ["shift-share", "lq", "specialisation", "inequality", "convergence"] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const INDICATORS_HELP = `Usage: omvarld indicators FILE --kind KIND [--from YEAR] [--to YEAR] [--year YEAR] [--national CODE] [--value COLUMN] [--total LABEL] [--json | --csv]
Computes regional-economics indicators from a statistics file (any format omvarld reads) and prints them as a
table, as JSON or as CSV.
Kinds:
  shift-share     employment by region, industry and year: national share, industry mix, regional shift
                  (Dunn), competitive and allocation effects (Esteban-Marquillas), Gerfin's factors, --from to --to
  lq              employment by region and industry: location quotients (also additive, standardised, Flegg)
  specialisation  employment by region and industry: Krugman, Hoover, locational Gini, Herfindahl, diversity
  inequality      a value by region and year (e.g. income per head): Gini, Theil T and L, Atkinson (ε = 0.5),
                  coefficient of variation per year, with the number of regions and of missing values
  convergence     a value by region and year: σ-convergence per year and β-convergence from --from to --to
Options:
  --from, --to YEAR   the period (default: the first and the last year of the file)
  --year YEAR         the year of lq and specialisation (default: the last year)
  --national CODE     the region code of the nation in the file (default: the nation is the sum of the regions)
  --value COLUMN      the measure, where the file has several
  --total LABEL       industry labels of totals to leave out, comma-separated (e.g. an "all industries" row)
  --where K=V,...     keep only the rows where dimension K is V (e.g. --where contents=gdppc)
  --json              an array of objects (convergence: { sigma, beta })
  --csv               comma-separated values with a header row, "." as decimal mark, empty cells for missing
  --help              this text
The industry dimension is the column "industry", or the file's only other text dimension besides region and year.`;

export interface IndicatorsArgs {
  file: string;
  kind: string;
  from?: number;
  to?: number;
  year?: number;
  national?: string;
  value?: string;
  total?: readonly string[];
  /** Dimension filters, e.g. { contents: "gdppc" }. */
  where?: Readonly<Record<string, string>>;
  format: "text" | "json" | "csv";
}

/** `omvarld indicators FILE --kind …`: the indicator table of a file as text, JSON or CSV. */
export function indicators(args: IndicatorsArgs): string {
  if (!(INDICATOR_KINDS as readonly string[]).includes(args.kind)) {
    throw new OmvarldError("ARGUMENT", `--kind ${args.kind} is not one of ${INDICATOR_KINDS.join(", ")}`, {}, "omvarld indicators FILE --kind shift-share");
  }
  const kind = args.kind as IndicatorKind;
  let table = read(args.file, args.where ? { where: { ...args.where } } : {});
  const value = measureOf(table, args.value);
  const years = table.has("year") ? (table.distinct("year") as number[]).sort((a, b) => a - b) : [];
  const from = args.from ?? years[0];
  const to = args.to ?? years.at(-1);
  const national = args.national === undefined ? {} : { national: args.national };
  if (kind === "inequality" || kind === "convergence") {
    if (!table.has("year")) throw new OmvarldError("ARGUMENT", `${kind} needs a year column`, { file: args.file });
    const extra = varyingWithin(table);
    if (extra.length > 0) {
      throw new OmvarldError("ARGUMENT", `${kind} needs one value per region and year, but the file also varies by ${extra.join(", ")}`, { file: args.file }, `pick one with --where ${extra[0]}=${String(table.distinct(extra[0]!)[0])}`);
    }
    table = table.select("region", "year", value);
    if (kind === "inequality") return output(inequalityByYear(table, value), args.format);
    const sigma = sigmaConvergence(table, { value }).toRows();
    const beta = from !== undefined && to !== undefined && to > from ? betaConvergence(table, { from, to, value }) : null;
    const b = beta && { from, to, beta: beta.beta, standard_error: beta.standardError, p_value: beta.regression.pValues[1] ?? null, speed: beta.speed, half_life: beta.halfLife, r2: beta.r2, n: beta.n };
    if (args.format === "json") return JSON.stringify({ sigma, beta: b }, null, 2);
    if (args.format === "csv") return output(sigma, "csv");
    return `${output(sigma, "text")}\n\nβ-convergence ${from}-${to}: ${b ? Object.entries(b).map(([k, v]) => `${k} ${num(v as number | null)}`).join(", ") : "not estimable"}`;
  }
  table = withIndustry(table, args);
  if (kind === "shift-share") {
    if (from === undefined || to === undefined || to <= from) throw new OmvarldError("ARGUMENT", "shift-share needs two years", { file: args.file }, "pass --from and --to");
    return output(shiftShare(table, { from, to, value, ...national }).toRows(), args.format);
  }
  const year = args.year ?? (years.length > 0 ? years.at(-1) : undefined);
  const options = { value, ...national, ...(year === undefined ? {} : { year }) };
  return output((kind === "lq" ? locationQuotients(table, options) : specialisation(table, options)).toRows(), args.format);
}

/** Dimensions that take more than one value for the same region and year (attributes of a region do not). */
function varyingWithin(table: Table): string[] {
  const seen = new Map<string, number>();
  for (let i = 0; i < table.numRows; i++) {
    const key = `${table.get("region", i)}|${table.get("year", i)}`;
    if (seen.has(key)) {
      const j = seen.get(key)!;
      return table.names("dimension").filter((d) => d !== "region" && d !== "year" && table.get(d, i) !== table.get(d, j));
    }
    seen.set(key, i);
  }
  return [];
}

/** The table with its industry dimension called "industry" and the total rows left out. */
function withIndustry(table: Table, args: IndicatorsArgs): Table {
  let t = table;
  if (!t.has("industry")) {
    const candidates = t.names("dimension").filter((d) => d !== "region" && d !== "year" && t.column(d).type === "string");
    if (candidates.length !== 1) {
      throw new OmvarldError("ARGUMENT", `${args.kind} needs employment by region and industry`, { file: args.file }, `name the industry column "industry" (text dimensions: ${candidates.join(", ") || "none"})`);
    }
    t = t.rename({ [candidates[0]!]: "industry" });
  }
  if (args.total && args.total.length > 0) t = t.filter({ industry: (v) => !args.total!.includes(String(v)) });
  return t;
}

function inequalityByYear(table: Table, value: string): Record<string, string | number | null>[] {
  const years = (table.distinct("year") as number[]).sort((a, b) => a - b);
  return years.map((year) => {
    const values = table.filter({ year }).numbers(value);
    const s = inequality({ values: Array.from({ length: values.length }, (_, i) => values.get(i)) });
    return { year, regions: s.n, missing: s.missing, gini: s.gini, theil_t: s.theilT, theil_l: s.theilL, atkinson: s.atkinson, cv: s.coefficientOfVariation };
  });
}

/** A number for the terminal: integers as they are, large values rounded, others to six significant digits. */
function num(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  if (Number.isInteger(v) || Math.abs(v) >= 1e5) return String(Math.round(v));
  const s = v.toPrecision(6);
  return s.includes(".") && !s.includes("e") ? s.replace(/\.?0+$/, "") : s;
}

function output(rows: readonly Record<string, unknown>[], format: IndicatorsArgs["format"]): string {
  if (format === "json") return JSON.stringify(rows, null, 2);
  const columns = rows.length > 0 ? Object.keys(rows[0]!) : [];
  if (format === "csv") {
    const cell = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "number" ? String(v) : /[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
    return [columns.join(","), ...rows.map((r) => columns.map((c) => cell(r[c])).join(","))].join("\n");
  }
  const text = rows.map((r) => columns.map((c) => (typeof r[c] === "number" ? num(r[c] as number) : r[c] === null || r[c] === undefined ? "–" : String(r[c]))));
  const widths = columns.map((c, i) => Math.max(c.length, ...text.map((t) => t[i]!.length)));
  const line = (cells: string[]) => cells.map((s, i) => (typeof rows[0]?.[columns[i]!] === "number" ? s.padStart(widths[i]!) : s.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(columns), ...text.map(line)].join("\n");
}
