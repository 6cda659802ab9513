import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { toTable } from "../util/panel.ts";
import { finite } from "../util/stats.ts";

/**
 * When the population stock is counted. SCB: 31 December of the year ("end"); SSB: 1 January ("start").
 * The flows of year t (births, deaths, migration during t) run from the start to the end stock of t:
 * - "start": start = P(t), end = P(t + 1);
 * - "end":   start = P(t − 1), end = P(t).
 */
export type StockDate = "start" | "end";

export interface ComponentsOptions {
  /** When `population` is counted; default from the provenance: SCB → "end", SSB → "start". */
  populationAt?: StockDate;
}

/** SCB counts on 31 December, SSB on 1 January; anything else must be said. */
export function stockDateOf(table: Table, given?: StockDate): StockDate {
  if (given) return given;
  const source = (table.provenance.source ?? "").toLowerCase();
  if (source.includes("scb") || source.includes("statistics sweden")) return "end";
  if (source.includes("ssb") || source.includes("statistisk sentralbyrå") || source.includes("statistics norway"))
    return "start";
  throw new OmvarldError(
    "ARGUMENT",
    "cannot tell whether the population is counted at the start or the end of the year",
    { file: table.provenance.file },
    'pass { populationAt: "end" } for SCB (31 December) or { populationAt: "start" } for SSB (1 January)',
  );
}

const get = (table: Table, name: string, i: number): number | null =>
  table.has(name) ? (table.get(name, i) as number | null) : null;

/**
 * Components of population change per region and year (docs/methods.md §1.1):
 *
 *     ΔP = P_end − P_start,  NI = B − D,  NMd = IM − OM,  NMi = IMM − EMI,  NM = NMd + NMi,
 *     ADJ = ΔP − (NI + NM)   (the residual the agencies' tables leave; never forced to 0),
 *     rate per 1000 = 1000·X / P̄ with P̄ = (P_start + P_end)/2,   share of start = 100·X / P_start.
 *
 * Input: a PopulationChange table (`asPopulationChange`): region, year, population, births, deaths and
 * in_migration/out_migration (domestic) with immigration/emigration, or in/out-migration that include moves abroad
 * (SSB 06913), or net_migration. Where domestic and international moves cannot be told apart, NMd and NMi are
 * null and `note` says so.
 */
export function componentsOfChange(table: Table, options: ComponentsOptions = {}): Table {
  const at = stockDateOf(table, options.populationAt);
  const stock = new Map<string, number | null>();
  for (let i = 0; i < table.numRows; i++)
    stock.set(`${table.get("region", i)}|${table.get("year", i)}`, get(table, "population", i));
  const separate = table.has("immigration") && table.has("emigration");
  const rows: Record<string, string | number | null>[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const region = table.get("region", i) as string;
    const year = table.get("year", i) as number;
    const key = (y: number) => `${region}|${y}`;
    const start = at === "start" ? (stock.get(key(year)) ?? null) : (stock.get(key(year - 1)) ?? null);
    const end = at === "start" ? (stock.get(key(year + 1)) ?? null) : (stock.get(key(year)) ?? null);
    const births = get(table, "births", i);
    const deaths = get(table, "deaths", i);
    const im = get(table, "in_migration", i);
    const om = get(table, "out_migration", i);
    const domestic = separate && im !== null && om !== null ? im - om : null;
    const international = separate ? sub(get(table, "immigration", i), get(table, "emigration", i)) : null;
    const net = separate ? add(domestic, international) : (get(table, "net_migration", i) ?? sub(im, om));
    const natural = sub(births, deaths);
    const delta = sub(end, start);
    const mean = start !== null && end !== null ? (start + end) / 2 : null;
    const notes: string[] = [];
    if (start === null) notes.push(`no population at the start of ${year}`);
    if (end === null) notes.push(`no population at the end of ${year}`);
    if (!separate)
      notes.push(
        "in- and out-migration include moves abroad: domestic and international net migration are not separated",
      );
    rows.push({
      region,
      ...(table.has("region_name") ? { region_name: table.get("region_name", i) as string | null } : {}),
      year,
      start_population: start,
      end_population: end,
      mean_population: mean,
      change: delta,
      births,
      deaths,
      natural_increase: natural,
      net_domestic_migration: domestic,
      net_international_migration: international,
      net_migration: net,
      adjustment: delta === null || natural === null || net === null ? null : delta - natural - net,
      births_per_1000: per1000(births, mean),
      deaths_per_1000: per1000(deaths, mean),
      natural_increase_per_1000: per1000(natural, mean),
      net_migration_per_1000: per1000(net, mean),
      natural_increase_pct: pctOf(natural, start),
      net_migration_pct: pctOf(net, start),
      change_pct: pctOf(delta, start),
      note: notes.length ? notes.join("; ") : null,
    });
  }
  return toTable(rows, ["region", "region_name"], table.provenance);
}

function sub(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}
function add(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a + b;
}
function per1000(x: number | null, mean: number | null): number | null {
  return x === null || mean === null || mean <= 0 ? null : finite((1000 * x) / mean);
}
function pctOf(x: number | null, start: number | null): number | null {
  return x === null || start === null || start <= 0 ? null : finite((100 * x) / start);
}

/**
 * Relative net migration (TF "relativ nettoflytting", docs/methods.md §1.1):
 *
 *     RNM(r,t) = 100·NM(r,t)/P_start(r,t) − 100·NMi(N,t)/P_start(N,t)
 *
 * the region's net migration in percent of its start population, minus the nation's net immigration in percent
 * of the nation's (the same term for every region in a year; national net domestic migration is 0).
 * `national` is the region code of the nation in the same components table (e.g. "0" for Norway, "00" for
 * Sweden) or the national term per year in percent.
 */
export function relativeNetMigration(components: Table, national: string | Readonly<Record<number, number>>): Table {
  const term = new Map<number, number | null>();
  if (typeof national === "string") {
    const nation = components.filter({ region: national });
    if (nation.numRows === 0)
      throw new OmvarldError(
        "ARGUMENT",
        `no rows for the nation "${national}" in the components table`,
        {},
        "pass the national net immigration per year instead",
      );
    for (let i = 0; i < nation.numRows; i++) {
      const international = nation.get("net_international_migration", i) as number | null;
      const net = international ?? (nation.get("net_migration", i) as number | null);
      term.set(nation.get("year", i) as number, pctOf(net, nation.get("start_population", i) as number | null));
    }
  } else for (const [year, pct] of Object.entries(national)) term.set(Number(year), pct);
  const rows: Record<string, string | number | null>[] = [];
  for (let i = 0; i < components.numRows; i++) {
    const region = components.get("region", i) as string;
    if (typeof national === "string" && region === national) continue;
    const year = components.get("year", i) as number;
    const own = components.get("net_migration_pct", i) as number | null;
    const nationTerm = term.get(year) ?? null;
    rows.push({
      region,
      year,
      net_migration_pct: own,
      national_immigration_pct: nationTerm,
      relative_net_migration: own === null || nationTerm === null ? null : own - nationTerm,
      note:
        own === null
          ? "no net migration or start population"
          : nationTerm === null
            ? `no national net immigration for ${year}`
            : null,
    });
  }
  return toTable(rows, ["region"], components.provenance);
}
