import { OmvarldError } from "../errors.ts";
import { attractivenessModel } from "../indicators/attractiveness/model.ts";
import { rankAttractiveness } from "../indicators/attractiveness/rank.ts";
import { asAttractivenessPanel } from "../io/attractiveness.ts";
import { read } from "../io/node.ts";
import type { Table } from "../table/table.ts";
import { formatNumber as f } from "../report/text.ts";

export interface AttractivenessArgs {
  file: string;
  level: string;
  from: number;
  to: number;
  minPopulation: number;
  json: boolean;
}

const RESIDENTIAL = ["growth", "natural_increase", "immigration", "constant", "own_jobs", "neighbour_jobs", "size", "integration", "attractiveness"];
const BUSINESS = ["growth", "national", "industry", "population", "attractiveness"];

/** The attractiveness analysis of a panel, by region: means over the period, components and ranks. */
export function analyse(panelTable: Table, args: Omit<AttractivenessArgs, "file" | "json">) {
  let panel = panelTable.has("level") && panelTable.has("code") ? asAttractivenessPanel(panelTable) : panelTable;
  if (panel.has("level")) {
    const levels = panel.distinct("level") as string[];
    if (!levels.includes(args.level)) throw new OmvarldError("ARGUMENT", `no regions of level "${args.level}"`, { file: panel.provenance.file }, `the levels are ${levels.join(", ")}`);
    if (levels.length > 1) panel = panel.filter({ level: args.level });
  }
  const { residential, business } = attractivenessModel(panel, { from: args.from, to: args.to });
  const ranking = rankAttractiveness(residential.decomposition, business.decomposition, { from: args.from, to: args.to, minPopulation: args.minPopulation });
  const means = (t: Table, columns: string[]) => {
    const m = t.groupBy(["region"]).mean(columns, { missing: "skip" });
    return new Map(m.toRows().map((r) => [r.region as string, r]));
  };
  const res = means(residential.decomposition, RESIDENTIAL);
  const bus = means(business.decomposition.rename({ population: "population_effect" }), BUSINESS.map((c) => (c === "population" ? "population_effect" : c)));
  const rows = ranking.toRows().map((r) => {
    const code = r.region as string;
    const pick = (m: Map<string, Record<string, unknown>>, cols: string[], rename: (c: string) => string = (c) => c) =>
      Object.fromEntries(cols.map((c) => [c, (m.get(code)?.[rename(c)] as number | null | undefined) ?? null]));
    return {
      code, name: r.region_name as string | null, population: r.population as number | null,
      residential: r.residential as number | null, business: r.business as number | null,
      rank: r.rank as number | null, rank_business: r.rank_business as number | null,
      residential_components: pick(res, RESIDENTIAL), business_components: pick(bus, BUSINESS, (c) => (c === "population" ? "population_effect" : c)),
      note: r.note as string | null,
    };
  });
  return { rows, residential, business, ranking };
}

/** `omvarld attractiveness FILE --level kommune --from 2007 --to 2016 [--json]`. */
export function attractiveness(args: AttractivenessArgs): string {
  const { rows, residential, business } = analyse(read(args.file), args);
  if (args.json) return JSON.stringify(rows, null, 2);
  const lines = [
    `Attractiveness of ${rows.length} regions (level ${args.level}), means over ${args.from}-${args.to}, percent a year`,
    `Residential: relative net migration on own job growth and size, one regression a year (R² ${f(Math.min(...residential.regressions.map((r) => r.fit.r2)), "en", 2)}-${f(Math.max(...residential.regressions.map((r) => r.fit.r2)), "en", 2)})`,
    ...[...residential.missing, ...business.missing].map((m) => `  left out: ${m}`),
    "",
    `${"rank".padStart(4)}  ${"code".padEnd(5)} ${"name".padEnd(24)} ${"population".padStart(10)}  ${"residential".padStart(11)}  ${"business".padStart(8)}  ${"growth".padStart(6)}  ${"jobs".padStart(6)}  ${"size".padStart(6)}`,
    ...rows.map((r) => {
      const c = r.residential_components;
      const n = (x: number | null | undefined, w: number) => (x === null || x === undefined ? "–" : f(x, "en", 2)).padStart(w);
      return `${String(r.rank ?? "–").padStart(4)}  ${r.code.padEnd(5)} ${String(r.name ?? "").slice(0, 24).padEnd(24)} ${f(r.population, "en").padStart(10)}  ${n(r.residential, 11)}  ${n(r.business, 8)}  ${n(c.growth, 6)}  ${n(c.own_jobs, 6)}  ${n(c.size, 6)}`;
    }),
  ];
  return lines.join("\n");
}
