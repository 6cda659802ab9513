import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { normalise, TidyBuilder } from "../tidy.ts";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function bad(path: string, message: string, file: string | undefined): OmvarldError {
  return new OmvarldError(
    "PARSE",
    `Kolada ${path}: ${message}`,
    { file },
    "expected a Kolada API response: { values: [{ kpi, municipality, period, values: [{ gender, value }] }] }",
  );
}

function shown(v: unknown): string {
  const text = v === undefined ? "nothing" : (JSON.stringify(v) ?? String(v));
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/**
 * Reads a Kolada API response (v2/v3): `values[].values[]` by kpi, municipality, period and gender (T/K/M).
 * A missing value keeps its status, or `..`. Parts of the wrong shape and values that are not finite numbers are
 * errors naming the JSON path (e.g. `values[3].values[0].value`).
 */
export function readKolada(json: unknown, options: { file?: string | undefined } = {}): Table {
  const file = options.file;
  if (!isObject(json) || !Array.isArray(json.values))
    throw bad("values", isObject(json) && !("values" in json) ? "is missing" : "expected a list", file);
  const builder = new TidyBuilder(["kpi", "region", "year", "sex"]);
  json.values.forEach((row: unknown, r) => {
    if (!isObject(row) || !Array.isArray(row.values))
      throw bad(`values[${r}]`, `expected { kpi, municipality, period, values: [...] }, found ${shown(row)}`, file);
    for (const key of ["kpi", "municipality", "period"]) {
      const v = row[key];
      if (typeof v !== "string" && typeof v !== "number")
        throw bad(`values[${r}].${key}`, `expected a code, found ${shown(v)}`, file);
    }
    row.values.forEach((cell: unknown, c) => {
      const path = `values[${r}].values[${c}]`;
      if (!isObject(cell) || typeof cell.gender !== "string")
        throw bad(path, `expected { gender, value }, found ${shown(cell)}`, file);
      const value = cell.value;
      if (value !== null && value !== undefined && (typeof value !== "number" || !Number.isFinite(value)))
        throw bad(`${path}.value`, `expected a number or null, found ${shown(value)}`, file);
      const status = typeof cell.status === "string" && cell.status !== "" ? cell.status : null;
      const present = typeof value === "number";
      builder.push(
        [String(row.kpi), String(row.municipality), String(row.period), cell.gender],
        present ? value : null,
        present ? status : (status ?? ".."),
      );
    });
  });
  return normalise(builder.finish(), { file }).withProvenance({ format: "kolada", source: "Kolada" });
}
