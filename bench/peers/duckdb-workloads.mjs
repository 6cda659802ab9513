// The bench's workloads in DuckDB (@duckdb/node-api), as SQL over an in-memory database.
// Usage: node bench/peers/duckdb-workloads.mjs WORKLOAD [ARGS]   (after `npm install` in bench/peers)
// Prints one line of JSON: peak memory, stage times (ms) and the checks that bench/run.mjs compares across tools.
import { DuckDBInstance } from "@duckdb/node-api";

const tmp = (file) => new URL(`../tmp/${file}`, import.meta.url).pathname;
const data = (file) => new URL(`../../data/${file}`, import.meta.url).pathname;
const [workload, ...args] = process.argv.slice(2);
const t = [performance.now()];
const lap = () => t.push(performance.now());
const out = (stages, check) => {
  const times = Object.fromEntries(stages.map((s, k) => [s, t[k + 1] - t[k]]));
  console.log(JSON.stringify({ maxRssMB: process.resourceUsage().maxRSS / 1024, ...times, check }));
};
const db = await (await DuckDBInstance.create(":memory:")).connect();
const rows = async (sql) => (await db.runAndReadAll(sql)).getRowObjectsJS();
const one = async (sql) => (await rows(sql))[0];
const num = (v) => (v === null ? null : Number(v));
const groupSql = (table) => `SELECT region, year, sum(value) AS value FROM ${table} GROUP BY region, year`;

if (workload === "pop-long" || workload === "scale") {
  const file = workload === "scale" ? tmp(args[0]) : tmp("pop-long.csv");
  await db.run(
    `CREATE TABLE pop AS SELECT * FROM read_csv('${file}', types = {'region': 'VARCHAR', 'sex': 'VARCHAR'})`,
  );
  lap();
  const groups = await rows(groupSql("pop"));
  lap();
  const wide = await rows(
    `PIVOT (SELECT age, year, value FROM pop WHERE region = '0114') ON year USING sum(value) GROUP BY age ORDER BY age`,
  );
  lap();
  const { n } = await one("SELECT count(*) AS n FROM pop");
  out(["load", "group", "pivot"], {
    rows: num(n),
    total: groups.reduce((s, g) => s + num(g.value), 0),
    groups: groups.length,
    pivot: [wide.length, Object.keys(wide[0]).length],
    cell: num(wide[0]["1975"]),
  });
} else if (workload === "pop-wide") {
  // the labels are split on the 58 000 wide rows, before the unpivot multiplies them by 50
  await db.run(`CREATE TABLE pop AS
    UNPIVOT (SELECT split_part(region, ' ', 1) AS region, * EXCLUDE (region)
             FROM read_csv('${tmp("pop-wide.csv")}', encoding = 'latin-1', header = true, nullstr = '..', types = {'region': 'VARCHAR', 'ålder': 'VARCHAR', 'kön': 'VARCHAR'}))
    ON COLUMNS(* EXCLUDE (region, "ålder", "kön")) INTO NAME year_text VALUE value`);
  await db.run(
    'CREATE TABLE pop2 AS SELECT region, "ålder", "kön", CAST(year_text AS INTEGER) AS year, CAST(value AS DOUBLE) AS value FROM pop',
  );
  lap();
  const groups = await rows(groupSql("pop2"));
  lap();
  const { n } = await one("SELECT count(*) AS n FROM pop2");
  out(["load", "group"], { rows: num(n), total: groups.reduce((s, g) => s + num(g.value), 0), groups: groups.length });
} else if (workload === "emp") {
  await db.run(
    `CREATE TABLE emp AS SELECT * FROM read_csv('${tmp("emp-long.csv")}', types = {'region': 'VARCHAR', 'industry': 'VARCHAR'})`,
  );
  lap();
  const groups = await rows(groupSql("emp"));
  lap();
  const { n } = await one("SELECT count(*) AS n FROM emp");
  out(["load", "group"], { rows: num(n), total: groups.reduce((s, g) => s + num(g.value), 0), groups: groups.length });
} else if (workload === "eurostat") {
  // Eurostat's TSV: "unit,sex,age,geo\time" then a tab-separated column per year; ":" is missing, a letter a flag
  const region = args[0];
  const file = data("eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3.tsv");
  await db.run(
    `CREATE TABLE wide AS SELECT * FROM read_csv('${file}', compression = 'gzip', delim = '\t', header = true, all_varchar = true)`,
  );
  const key = (await rows("DESCRIBE wide"))[0].column_name.replaceAll('"', '""');
  await db.run(`CREATE TABLE pop AS
    SELECT unit, sex, age, region, CAST(trim(year_text) AS INTEGER) AS year, TRY_CAST(regexp_extract(value, '^\\s*([0-9.]+)', 1) AS DOUBLE) AS value
    FROM (UNPIVOT (SELECT split_part("${key}", ',', 1) AS unit, split_part("${key}", ',', 2) AS sex, split_part("${key}", ',', 3) AS age,
                          split_part("${key}", ',', 4) AS region, * EXCLUDE ("${key}") FROM wide ${region ? `WHERE split_part("${key}", ',', 4) = '${region}'` : ""})
          ON COLUMNS(* EXCLUDE (unit, sex, age, region)) INTO NAME year_text VALUE value)`);
  lap();
  const c = await one("SELECT count(*) AS n, sum(value) AS total, count(*) - count(value) AS missing FROM pop");
  out(["load"], { rows: num(c.n), total: num(c.total), missing: num(c.missing) });
} else if (workload === "indicators") {
  await db.run(
    `CREATE TABLE emp AS SELECT * FROM read_csv('${tmp("emp-long.csv")}', types = {'region': 'VARCHAR', 'industry': 'VARCHAR', 'value': 'DOUBLE'})`,
  );
  lap();
  const growth = await one(`WITH t AS (${groupSql("emp")})
    SELECT count(*) AS n, sum(100 * (b.value / a.value - 1)) AS s FROM t a JOIN t b ON a.region = b.region AND a.year = 2005 AND b.year = 2024`);
  lap();
  const shift = await one(`
    WITH ends AS (SELECT a.region, a.industry, a.value AS e0, b.value AS e1 FROM emp a JOIN emp b
                  ON a.region = b.region AND a.industry = b.industry AND a.year = 2005 AND b.year = 2024),
         nation AS (SELECT industry, sum(e0) AS n0, sum(e1) AS n1 FROM ends GROUP BY industry),
         tot AS (SELECT sum(n0) AS EN0, sum(n1) / sum(n0) - 1 AS GN FROM nation),
         cells AS (SELECT ends.*, n1 / n0 - 1 AS Gi, n0, sum(e0) OVER (PARTITION BY region) AS Er0 FROM ends JOIN nation USING (industry)),
         shares AS (SELECT region, sum(e0 * (Gi - GN)) AS im, sum(e1 - e0 * (1 + Gi)) AS rs, sum(Er0 * n0 / EN0 * (e1 / e0 - 1 - Gi)) AS ce
                    FROM cells, tot GROUP BY region)
    SELECT count(*) AS n, sum(abs(im)) AS im, sum(abs(rs)) AS rs, sum(abs(ce)) AS ce FROM shares`);
  lap();
  await db.run(`CREATE TABLE lq AS
    WITH last AS (SELECT region, industry, value FROM emp WHERE year = 2024),
         w AS (SELECT *, sum(value) OVER (PARTITION BY region) AS Er, sum(value) OVER (PARTITION BY industry) AS eNi, sum(value) OVER () AS EN FROM last)
    SELECT *, (value / Er) / (eNi / EN) AS lq FROM w`);
  const lq = await one("SELECT count(*) AS n, sum(lq) AS s, max(lq) AS m FROM lq");
  lap();
  const spec =
    await one(`WITH s AS (SELECT region, sum(abs(value / Er - eNi / EN)) AS krugman, sum((value / Er) ^ 2) AS herfindahl FROM lq GROUP BY region)
    SELECT count(*) AS n, sum(krugman) AS k, sum(herfindahl) AS h FROM s`);
  lap();
  out(["load", "growth", "shiftShare", "locationQuotients", "specialisation"], {
    growth: [num(growth.n), num(growth.s)],
    shiftShare: [num(shift.n), num(shift.im), num(shift.rs), num(shift.ce)],
    lq: [num(lq.n), num(lq.s), num(lq.m)],
    specialisation: [num(spec.n), num(spec.k), num(spec.h)],
  });
} else throw new Error(`unknown workload ${workload}`);
