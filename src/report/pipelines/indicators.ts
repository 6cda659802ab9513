import type { Locale } from "../../charts/locale.ts";
import { OmvarldError } from "../../errors.ts";
import { betaConvergence, sigmaConvergence } from "../../indicators/inequality/convergence.ts";
import { inequality } from "../../indicators/inequality/inequality.ts";
import { shiftShare } from "../../indicators/shiftshare/shiftshare.ts";
import { locationQuotients, specialisation } from "../../indicators/specialisation/specialisation.ts";
import { measureOf } from "../../indicators/util/panel.ts";
import type { Table } from "../../table/table.ts";
import { formatNumber } from "../../charts/locale.ts";
import { localeOr } from "../../charts/words/locales.ts";

/** The indicators `indicatorRows` computes (the kinds of `omvarld indicators`). */
export const INDICATOR_KINDS = ["shift-share", "lq", "specialisation", "inequality", "convergence"] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/**
 * The kind checked against `INDICATOR_KINDS`: an error naming them otherwise.
 *
 * @example
 * indicatorKind("lq") // "lq"
 */
export function indicatorKind(kind: string): IndicatorKind {
  if ((INDICATOR_KINDS as readonly string[]).includes(kind)) return kind as IndicatorKind;
  throw new OmvarldError("ARGUMENT", `no indicator kind "${kind}"`, {}, `the kinds: ${INDICATOR_KINDS.join(", ")}`);
}

/** Options of `indicatorRows` and `indicatorsText`; the file's dimension filters are read options (`where`). */
export interface IndicatorsOptions {
  kind: string;
  /** The period (default: the first and the last year of the table). */
  from?: number;
  to?: number;
  /** The year of lq and specialisation (default: the last year). */
  year?: number;
  /** The region code of the nation in the table (default: the nation is the sum of the regions). */
  national?: string;
  /** The measure, where the table has several. */
  value?: string;
  /** Industry labels of totals to leave out. */
  total?: readonly string[];
}

type Row = Record<string, unknown>;

/** The indicator's result: rows, or for convergence σ by year and β over the period. */
export type IndicatorResult =
  | { kind: Exclude<IndicatorKind, "convergence">; rows: Row[] }
  | { kind: "convergence"; rows: Row[]; beta: Row | null; from?: number; to?: number };

/**
 * The indicator table of a table: shift-share (from, to), location quotients or specialisation (a year),
 * inequality by year, or σ- and β-convergence. The industry dimension is the column "industry", or the table's
 * only other text dimension besides region and year.
 *
 * @example
 * const { rows } = indicatorRows(read("data/reat/G.regions.emp.csv"), { kind: "shift-share", national: "Insgesamt", total: ["Insgesamt"] });
 */
export function indicatorRows(input: Table, options: IndicatorsOptions): IndicatorResult {
  const kind = indicatorKind(options.kind);
  const file = input.provenance.file;
  let table = input;
  const value = measureOf(table, options.value);
  const years = table.has("year") ? (table.distinct("year") as number[]).sort((a, b) => a - b) : [];
  const from = options.from ?? years[0];
  const to = options.to ?? years.at(-1);
  const national = options.national === undefined ? {} : { national: options.national };
  if (kind === "inequality" || kind === "convergence") {
    if (!table.has("year")) throw new OmvarldError("ARGUMENT", `${kind} needs a year column`, { file });
    const extra = varyingWithin(table);
    if (extra.length > 0) {
      throw new OmvarldError(
        "ARGUMENT",
        `${kind} needs one value per region and year, but the table also varies by ${extra.join(", ")}`,
        { file },
        `keep one ${extra[0]}, e.g. ${extra[0]}=${String(table.distinct(extra[0]!)[0])}`,
      );
    }
    table = table.select("region", "year", value);
    if (kind === "inequality") return { kind, rows: inequalityByYear(table, value) };
    const sigma = sigmaConvergence(table, { value }).toRows();
    const beta =
      from !== undefined && to !== undefined && to > from ? betaConvergence(table, { from, to, value }) : null;
    const b = beta && {
      from,
      to,
      beta: beta.beta,
      standard_error: beta.standardError,
      p_value: beta.regression.pValues[1] ?? null,
      speed: beta.speed,
      half_life: beta.halfLife,
      r2: beta.r2,
      n: beta.n,
    };
    return { kind, rows: sigma, beta: b, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
  }
  table = withIndustry(table, kind, options.total);
  if (kind === "shift-share") {
    if (from === undefined || to === undefined || to <= from)
      throw new OmvarldError(
        "ARGUMENT",
        "shift-share needs two years",
        { file },
        `a start year before the end year${years.length ? ` (the table's: ${years.join(", ")})` : ""}`,
      );
    return { kind, rows: shiftShare(table, { from, to, value, ...national }).toRows() };
  }
  const year = options.year ?? (years.length > 0 ? years.at(-1) : undefined);
  const settings = { value, ...national, ...(year === undefined ? {} : { year }) };
  return {
    kind,
    rows: (kind === "lq" ? locationQuotients(table, settings) : specialisation(table, settings)).toRows(),
  };
}

/**
 * What `omvarld indicators` prints: the indicator table as aligned text (numbers in the locale's format, default
 * Swedish), as JSON (an array of objects; convergence `{ sigma, beta }`) or as CSV ("." as decimal mark, empty
 * cells for missing).
 *
 * @example
 * console.log(indicatorsText(read("data/reat/G.regions.emp.csv"), { kind: "specialisation", format: "csv" }));
 */
export function indicatorsText(
  table: Table,
  options: IndicatorsOptions & { format?: "text" | "json" | "csv"; locale?: Locale },
): string {
  const result = indicatorRows(table, options);
  const format = options.format ?? "text";
  const locale = localeOr(options.locale);
  if (result.kind !== "convergence") return output(result.rows, format, locale);
  if (format === "json") return JSON.stringify({ sigma: result.rows, beta: result.beta }, null, 2);
  if (format === "csv") return output(result.rows, "csv", locale);
  const b = result.beta;
  const beta = b
    ? Object.entries(b)
        .map(([k, v]) => `${k} ${k === "from" || k === "to" ? String(v) : num(v as number | null, locale)}`)
        .join(", ")
    : "not estimable";
  return `${output(result.rows, "text", locale)}\n\nβ-convergence ${result.from}-${result.to}: ${beta}`;
}

/** Dimensions that take more than one value for the same region and year (attributes of a region do not). */
function varyingWithin(table: Table): string[] {
  const seen = new Map<string, number>();
  for (let i = 0; i < table.numRows; i++) {
    const key = `${table.get("region", i)}|${table.get("year", i)}`;
    if (seen.has(key)) {
      const j = seen.get(key)!;
      return table
        .names("dimension")
        .filter((d) => d !== "region" && d !== "year" && table.get(d, i) !== table.get(d, j));
    }
    seen.set(key, i);
  }
  return [];
}

/** The table with its industry dimension called "industry" and the total rows left out. */
function withIndustry(table: Table, kind: IndicatorKind, total: readonly string[] | undefined): Table {
  let t = table;
  if (!t.has("industry")) {
    const candidates = t
      .names("dimension")
      .filter((d) => d !== "region" && d !== "year" && t.column(d).type === "string");
    if (candidates.length !== 1) {
      throw new OmvarldError(
        "ARGUMENT",
        `${kind} needs employment by region and industry`,
        { file: t.provenance.file },
        `name the industry column "industry" (text dimensions: ${candidates.join(", ") || "none"})`,
      );
    }
    t = t.rename({ [candidates[0]!]: "industry" });
  }
  if (total && total.length > 0) t = t.filter({ industry: (v) => !total.includes(String(v)) });
  return t;
}

function inequalityByYear(table: Table, value: string): Record<string, string | number | null>[] {
  const years = (table.distinct("year") as number[]).sort((a, b) => a - b);
  return years.map((year) => {
    const values = table.filter({ year }).numbers(value);
    const s = inequality({ values: Array.from({ length: values.length }, (_, i) => values.get(i)) });
    return {
      year,
      regions: s.n,
      missing: s.missing,
      gini: s.gini,
      theil_t: s.theilT,
      theil_l: s.theilL,
      atkinson: s.atkinson,
      cv: s.coefficientOfVariation,
    };
  });
}

/** Columns printed as they are: years are not grouped ("2014", not "2 014"). */
const PLAIN = new Set(["year", "from", "to"]);

/**
 * A number for the terminal in the locale's format: integers in full (grouped: "447 530"), large values rounded,
 * others to six significant digits without trailing zeros ("0,328103").
 */
function num(v: number | null | undefined, locale: Locale): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  if (Number.isInteger(v) || Math.abs(v) >= 1e5) return formatNumber(Math.round(v), locale);
  const s = v.toPrecision(6);
  if (s.includes("e")) return locale === "en" ? s : s.replace(".", ",");
  const digits = s.includes(".") ? s.replace(/0+$/, "").split(".")[1]!.length : 0;
  return formatNumber(Number(s), locale, digits);
}

function output(rows: readonly Row[], format: "text" | "json" | "csv", locale: Locale): string {
  if (format === "json") return JSON.stringify(rows, null, 2);
  const columns = rows.length > 0 ? Object.keys(rows[0]!) : [];
  if (format === "csv") {
    const cell = (v: unknown) =>
      v === null || v === undefined
        ? ""
        : typeof v === "number"
          ? String(v)
          : /[",\n]/.test(String(v))
            ? `"${String(v).replaceAll('"', '""')}"`
            : String(v);
    return [columns.join(","), ...rows.map((r) => columns.map((c) => cell(r[c])).join(","))].join("\n");
  }
  const shown = (c: string, v: unknown) =>
    typeof v === "number"
      ? PLAIN.has(c)
        ? String(v)
        : num(v, locale)
      : v === null || v === undefined
        ? "–"
        : String(v);
  const text = rows.map((r) => columns.map((c) => shown(c, r[c])));
  const widths = columns.map((c, i) => Math.max(c.length, ...text.map((t) => t[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((s, i) => (typeof rows[0]?.[columns[i]!] === "number" ? s.padStart(widths[i]!) : s.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(columns), ...text.map(line)].join("\n");
}
