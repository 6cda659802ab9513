import { z } from "zod";
import { OmvarldError } from "../errors.ts";
import type { Table } from "../table/table.ts";

// explicit schema types keep the public API's types fast to check (JSR's "no slow types")
type Code = z.ZodString;
type Year = z.ZodNumber;
type Count = z.ZodNullable<z.ZodNumber>;
type Maybe<T extends z.ZodType> = z.ZodOptional<T>;

const code: Code = z.string().min(1);
const year: Year = z.number().int().min(1800).max(2200);
const count: Count = z.number().nullable();

/** Population stock: one value per region × year (× age × sex where given). */
export const Population: z.ZodObject<{
  region: Code;
  year: Year;
  value: Count;
  age: Maybe<z.ZodString>;
  sex: Maybe<z.ZodString>;
}> = z.object({
  region: code,
  year,
  value: count,
  age: z.string().optional(),
  sex: z.string().optional(),
});
/** Components of population change per region × year. */
export const PopulationChange: z.ZodObject<{
  region: Code;
  year: Year;
  population: Maybe<Count>;
  births: Count;
  deaths: Count;
  in_migration: Maybe<Count>;
  out_migration: Maybe<Count>;
  immigration: Maybe<Count>;
  emigration: Maybe<Count>;
  net_migration: Maybe<Count>;
}> = z.object({
  region: code,
  year,
  population: count.optional(),
  births: count,
  deaths: count,
  in_migration: count.optional(),
  out_migration: count.optional(),
  immigration: count.optional(),
  emigration: count.optional(),
  net_migration: count.optional(),
});
/** Jobs or employed persons per region × year, optionally by industry and sector. */
export const Employment: z.ZodObject<{
  region: Code;
  year: Year;
  value: Count;
  industry: Maybe<z.ZodString>;
  sector: Maybe<z.ZodString>;
}> = z.object({
  region: code,
  year,
  value: count,
  industry: z.string().optional(),
  sector: z.string().optional(),
});
/** Commuting stocks per region × year (SSB 11616, SCB AM0207/AM0210). */
export const CommutingStocks: z.ZodObject<{
  region: Code;
  year: Year;
  employed_residents: Count;
  in_commuters: Count;
  out_commuters: Count;
  jobs: Maybe<Count>;
}> = z.object({
  region: code,
  year,
  employed_residents: count,
  in_commuters: count,
  out_commuters: count,
  jobs: count.optional(),
});
/** Origin-destination commuting flows. */
export const CommutingFlows: z.ZodObject<{ origin: Code; destination: Code; year: Year; value: Count }> = z.object({
  origin: code,
  destination: code,
  year,
  value: count,
});
/** Value added per region × year, optionally by industry. */
export const ValueAdded: z.ZodObject<{ region: Code; year: Year; value: Count; industry: Maybe<z.ZodString> }> =
  z.object({ region: code, year, value: count, industry: z.string().optional() });

export type Canonical =
  | typeof Population
  | typeof PopulationChange
  | typeof Employment
  | typeof CommutingStocks
  | typeof CommutingFlows
  | typeof ValueAdded;

/** Names agencies use for the components of change, mapped to canonical column names. */
export const COMPONENT_ALIASES: Readonly<Record<string, string>> = {
  folkemengde: "population",
  folkmängd: "population",
  population: "population",
  levendefødte: "births",
  födda: "births",
  "levande födda": "births",
  births: "births",
  døde: "deaths",
  döda: "deaths",
  deaths: "deaths",
  innflyttinger: "in_migration",
  inflyttade: "in_migration",
  "inrikes inflyttade": "in_migration",
  utflyttinger: "out_migration",
  utflyttade: "out_migration",
  "inrikes utflyttade": "out_migration",
  innvandring: "immigration",
  invandrade: "immigration",
  invandringar: "immigration",
  immigration: "immigration",
  utvandring: "emigration",
  utvandrade: "emigration",
  utvandringar: "emigration",
  emigration: "emigration",
  nettoinnflytting: "net_migration",
  flyttningsnetto: "net_migration",
};

/** Expected type of each field of a canonical schema, read from the zod shape. */
function fieldTypes(schema: Canonical): { name: string; type: "string" | "number"; optional: boolean }[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const optional = field.safeParse(undefined).success;
    const type = field.safeParse(0).success || field.safeParse(2000).success ? "number" : "string";
    return { name, type, optional };
  });
}

/**
 * Checks a table against a canonical schema: every required column present with the right type, and a sample of
 * rows valid (codes non-empty, years integers in range). Returns the table with only the schema's columns (plus
 * `region_name` and `status` where present). One error lists everything that is wrong.
 *
 * @example
 * const pop = asCanonical(read("befolkning.csv"), Population);
 */
export function asCanonical(table: Table, schema: Canonical, name: string = schemaName(schema)): Table {
  const problems: string[] = [];
  const fields = fieldTypes(schema);
  for (const f of fields) {
    if (!table.has(f.name)) {
      if (!f.optional)
        problems.push(`column "${f.name}" (${f.type === "number" ? "numbers" : "codes as text"}) is missing`);
      continue;
    }
    const actual = table.column(f.name).type;
    if (actual !== f.type)
      problems.push(
        `column "${f.name}" holds ${actual === "number" ? "numbers" : "text"}, expected ${f.type === "number" ? "numbers" : "text"}`,
      );
  }
  if (problems.length === 0) {
    const step = Math.max(1, Math.floor(table.numRows / 1000));
    const present = fields.filter((f) => table.has(f.name));
    for (let i = 0; i < table.numRows && problems.length < 3; i += step) {
      const row = Object.fromEntries(
        present.map((f) => [f.name, table.get(f.name, i) ?? (f.type === "number" ? null : undefined)]),
      );
      const result = schema.safeParse(row);
      if (!result.success) {
        const issue = result.error.issues[0]!;
        problems.push(
          `row ${i + 1}: ${issue.path.join(".")} = ${JSON.stringify(row[String(issue.path[0])])}: ${issue.message}`,
        );
      }
    }
  }
  if (problems.length > 0) {
    throw new OmvarldError(
      "SCHEMA",
      `not a ${name} table: ${problems.join("; ")}`,
      { file: table.provenance.file },
      `the table has columns ${table.columnNames.join(", ")}; rename them with table.rename({...})`,
    );
  }
  const keep = [...fields.map((f) => f.name), "region_name", "status"].filter((c) => table.has(c));
  return table.select(...keep);
}

function schemaName(schema: Canonical): string {
  const names = new Map<Canonical, string>([
    [Population, "Population"],
    [PopulationChange, "PopulationChange"],
    [Employment, "Employment"],
    [CommutingStocks, "CommutingStocks"],
    [CommutingFlows, "CommutingFlows"],
    [ValueAdded, "ValueAdded"],
  ]);
  return names.get(schema) ?? "canonical";
}

/**
 * Turns a long table with a `contents` dimension (SSB "statistikkvariabel", SCB "tabellinnehåll") into
 * PopulationChange: one column per component, named canonically (Levendefødte → births, Döda → deaths, ...).
 */
export function asPopulationChange(table: Table): Table {
  let wide = table;
  if (table.has("contents")) {
    const id = table.names("dimension").filter((d) => d !== "contents");
    wide = table.drop(...table.names("status")).pivotWider({ names: "contents", values: "value", id });
  }
  const rename: Record<string, string> = {};
  for (const c of wide.columnNames) {
    const alias = COMPONENT_ALIASES[c.trim().toLowerCase()];
    if (alias) rename[c] = alias;
  }
  return asCanonical(wide.rename(rename), PopulationChange);
}
