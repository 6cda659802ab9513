// The bench's workloads in polars (nodejs-polars: the Rust engine of Python's polars, through Node-API).
// Usage: node bench/peers/polars-workloads.mjs WORKLOAD [ARGS]   (after `npm install` in bench/peers)
// Prints one line of JSON: peak memory, stage times (ms) and the checks that bench/run.mjs compares across tools.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import pl from "nodejs-polars";

const tmp = (file) => new URL(`../tmp/${file}`, import.meta.url).pathname;
const data = (file) => new URL(`../../data/${file}`, import.meta.url).pathname;
const [workload, ...args] = process.argv.slice(2);
const col = pl.col;
const t = [performance.now()];
const lap = () => t.push(performance.now());
const out = (stages, check) => {
  const times = Object.fromEntries(stages.map((s, k) => [s, t[k + 1] - t[k]]));
  console.log(JSON.stringify({ maxRssMB: process.resourceUsage().maxRSS / 1024, ...times, check }));
};
const sumOf = (df, name) => Number(df.getColumn(name).sum());

// the region-by-year totals, as every tool computes them
const byRegionYear = (df) => df.groupBy(["region", "year"]).agg(col("value").sum());

if (workload === "pop-long" || workload === "scale") {
  const file = workload === "scale" ? tmp(args[0]) : tmp("pop-long.csv");
  const pop = pl.readCSV(file, { dtypes: { region: pl.Utf8, sex: pl.Utf8 } });
  lap();
  const groups = byRegionYear(pop);
  lap();
  const wide = pop
    .filter(col("region").eq(pl.lit("0114")))
    .groupBy(["age", "year"])
    .agg(col("value").sum())
    .pivot("value", { index: "age", on: "year" })
    .sort("age");
  lap();
  out(["load", "group", "pivot"], {
    rows: pop.height,
    total: sumOf(groups, "value"),
    groups: groups.height,
    pivot: [wide.height, wide.width],
    cell: Number(wide.getColumn("1975").get(0)),
  });
} else if (workload === "pop-wide") {
  // polars reads UTF-8 only: Latin-1 is decoded first, as in Python's polars (`read_csv(..., encoding=...)` does the same)
  const text = new TextDecoder("latin1").decode(readFileSync(tmp("pop-wide.csv")));
  const wide = pl.readCSV(text, { dtypes: { region: pl.Utf8, ålder: pl.Utf8, kön: pl.Utf8 }, nullValues: [".."] });
  const years = wide.columns.slice(3);
  // the labels are split on the 58 000 wide rows, before the melt multiplies them by 50
  const pop = wide
    .withColumns(col("region").str.split(" ").lst.first().alias("region"))
    .unpivot(["region", "ålder", "kön"], years)
    .rename({ variable: "year" })
    .withColumns(col("year").cast(pl.Int32), col("value").cast(pl.Float64));
  lap();
  const groups = byRegionYear(pop);
  lap();
  out(["load", "group"], { rows: pop.height, total: sumOf(groups, "value"), groups: groups.height });
} else if (workload === "emp") {
  const emp = pl.readCSV(tmp("emp-long.csv"), { dtypes: { region: pl.Utf8, industry: pl.Utf8 } });
  lap();
  const groups = byRegionYear(emp);
  lap();
  out(["load", "group"], { rows: emp.height, total: sumOf(groups, "value"), groups: groups.height });
} else if (workload === "eurostat") {
  // Eurostat's TSV: "unit,sex,age,geo\time" then a tab-separated column per year; ":" is missing, a letter a flag
  const region = args[0];
  const text = gunzipSync(readFileSync(data("eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3.tsv"))).toString(
    "utf8",
  );
  let wide = pl.readCSV(text, { sep: "\t", inferSchemaLength: 0 });
  const key = wide.columns[0];
  const years = wide.columns.slice(1);
  wide = wide
    .withColumns(col(key).str.split(",").alias("k"))
    .select(
      col("k").lst.get(0).alias("unit"),
      col("k").lst.get(1).alias("sex"),
      col("k").lst.get(2).alias("age"),
      col("k").lst.get(3).alias("region"),
      ...years.map((y) => col(y)),
    );
  if (region) wide = wide.filter(col("region").eq(pl.lit(region)));
  const pop = wide
    .unpivot(["unit", "sex", "age", "region"], years)
    .withColumns(
      col("variable").str.strip().cast(pl.Int32).alias("year"),
      col("value").str.extract("^\\s*([0-9.]+)", 1).cast(pl.Float64).alias("value"),
    );
  lap();
  out(["load"], { rows: pop.height, total: sumOf(pop, "value"), missing: pop.getColumn("value").nullCount() });
} else if (workload === "indicators") {
  const emp = pl.readCSV(tmp("emp-long.csv"), { dtypes: { region: pl.Utf8, industry: pl.Utf8, value: pl.Float64 } });
  lap();
  // growth of each region's total, 2005 → 2024, in percent
  const totals = byRegionYear(emp);
  const growth = totals
    .filter(col("year").eq(2005))
    .select("region", col("value").alias("p0"))
    .join(totals.filter(col("year").eq(2024)).select("region", col("value").alias("p1")), { on: "region" })
    .withColumns(col("p1").div(col("p0")).minus(1).mul(100).alias("growth_pct"));
  lap();
  // shift-share (Dunn, Esteban-Marquillas), 2005 → 2024, the nation the sum of the regions
  const ends = emp
    .filter(col("year").eq(2005))
    .select("region", "industry", col("value").alias("e0"))
    .join(emp.filter(col("year").eq(2024)).select("region", "industry", col("value").alias("e1")), {
      on: ["region", "industry"],
    });
  const nation = ends.groupBy("industry").agg(col("e0").sum().alias("n0"), col("e1").sum().alias("n1"));
  const EN0 = sumOf(nation, "n0");
  const GN = sumOf(nation, "n1") / EN0 - 1;
  const shares = ends
    .join(nation, { on: "industry" })
    .withColumns(col("n1").div(col("n0")).minus(1).alias("Gi"), col("e0").sum().over("region").alias("Er0"))
    .withColumns(
      col("e0").mul(GN).alias("ns"),
      col("e0").mul(col("Gi").minus(GN)).alias("im"),
      col("e1")
        .minus(col("e0").mul(col("Gi").plus(1)))
        .alias("rs"),
      col("Er0")
        .mul(col("n0"))
        .div(EN0)
        .mul(col("e1").div(col("e0")).minus(1).minus(col("Gi")))
        .alias("ce"),
    )
    .groupBy("region")
    .agg(col("ns").sum(), col("im").sum(), col("rs").sum(), col("ce").sum());
  lap();
  // location quotients in 2024
  const last = emp.filter(col("year").eq(2024));
  const EN = sumOf(last, "value");
  const lq = last
    .withColumns(col("value").sum().over("region").alias("Er"), col("value").sum().over("industry").alias("eNi"))
    .withColumns(col("value").div(col("Er")).div(col("eNi").div(EN)).alias("lq"));
  lap();
  // specialisation in 2024: Krugman Σ|s_ri − s_Ni|, Hoover K/2, Herfindahl Σ s_ri²
  const spec = lq
    .withColumns(col("value").div(col("Er")).alias("s"), col("eNi").div(EN).alias("sN"))
    .groupBy("region")
    .agg(col("s").minus(col("sN")).abs().sum().alias("krugman"), col("s").pow(2).sum().alias("herfindahl"))
    .withColumns(col("krugman").div(2).alias("hoover"));
  lap();
  const abs = (df, name) => Number(df.select(col(name).abs().sum()).getColumn(name).get(0));
  out(["load", "growth", "shiftShare", "locationQuotients", "specialisation"], {
    growth: [growth.height, sumOf(growth, "growth_pct")],
    shiftShare: [shares.height, abs(shares, "im"), abs(shares, "rs"), abs(shares, "ce")],
    lq: [lq.height, sumOf(lq, "lq"), Number(lq.getColumn("lq").max())],
    specialisation: [spec.height, sumOf(spec, "krugman"), sumOf(spec, "herfindahl")],
  });
} else throw new Error(`unknown workload ${workload}`);
