import { fileURLToPath } from "node:url";
import { asPopulationChange } from "../io/canonical.ts";
import { read } from "../io/node.ts";
import { findRegion } from "../regions/registry.ts";
import { recast } from "../regions/recast.ts";
import { formatNumber as f } from "./format.ts";

/** The folder of shipped data, next to `src/` and `dist/`. */
export const DATA_DIR: string = fileURLToPath(new URL("../../data/", import.meta.url));

/** `omvarld demo`: reads the real exports in data/ and prints what the library computes from them. */
export function demo(log: (line: string) => void = console.log): void {
  const se = read(`${DATA_DIR}scb/anderssundell-stathelp__data__befolkning.csv`);
  const total = se.groupBy([]).sum("value").get("value", 0) as number;
  log(`Sweden, population 31 December 2017 (SCB BE0101, ${se.provenance.encoding} PxWeb CSV)`);
  log(`  ${se.numRows} kommuner, ${f(total)} inhabitants`);
  const dalarna = se.filter({ region: (r) => String(r).startsWith("20") }).sort("-value");
  const dalarnaTotal = dalarna.groupBy([]).sum("value").get("value", 0) as number;
  log(`  ${findRegion("20", { country: "SE" })?.name}: ${dalarna.numRows} kommuner, ${f(dalarnaTotal)} inhabitants`);
  for (const row of dalarna.toRows()) {
    if (!["2021", "2061", "2082", "2080"].includes(String(row.region))) continue;
    const share = (100 * (row.value as number)) / dalarnaTotal;
    log(`    ${row.region} ${String(row.region_name).padEnd(14)} ${f(row.value as number).padStart(7)}  ${f(share, "sv", 1).padStart(5)} % of the county`);
  }

  const no = read(`${DATA_DIR}ssb/Lagostra-population-center__data__befolkning.csv`);
  const no2022 = read(`${DATA_DIR}ssb/purplebugs-elastic-data-tool__download-07459_20220914-092711.json`);
  // Hedmark (04), Oppland (05) and Østfold (01): their 2020 changes are renumberings and mergers, no splits
  const kommuner = no.filter({ region: (r) => /^0[145]\d\d$/.test(String(r)) }).select("region", "year", "value");
  const series = recast(kommuner, { to: 2020, country: "NO" })
    .join(no2022.select("region", "year", "value").rename({ value: "v2022", year: "y2022" }), { on: ["region"], how: "left" });
  log("");
  log("Norway, population 1 January, recast onto the 2020 kommune codes (SSB)");
  for (const code of ["3421", "3424", "3002"]) {
    const rows = series.filter({ region: code }).sort("year").toRows();
    const name = findRegion(code, { country: "NO", year: 2020 })?.name;
    const history = rows.map((r) => `${r.year}: ${f(r.value as number)}`).join(", ");
    log(`  ${code} ${String(name).padEnd(9)} ${history}, 2022: ${f(rows[0]?.v2022 as number)}`);
  }
  log("  (Trysil was 0428 and Rendalen 0432 until 2019; Moss 3002 sums 0104 Moss and 0136 Rygge)");

  const change = asPopulationChange(read(`${DATA_DIR}ssb/erleholgersen-elections-norway__folketall.csv`))
    .lag("population", { by: ["region"], n: -1, as: "population_next" });
  log("");
  log("Norway, components of change 2013 per fylke (SSB statbank, population on 1 January)");
  log("  fylke                births  deaths  in-mig.  out-mig.  growth  residual");
  for (const row of change.filter({ year: 2013, region: ["04", "05", "12", "20"] }).toRows()) {
    const b = row.births as number;
    const d = row.deaths as number;
    const im = row.in_migration as number;
    const om = row.out_migration as number;
    const growth = (row.population_next as number) - (row.population as number);
    const residual = growth - (b - d + im - om);
    log(`  ${row.region} ${String(row.region_name).padEnd(17)} ${f(b).padStart(6)} ${f(d).padStart(7)} ${f(im).padStart(8)} ${f(om).padStart(9)} ${f(growth).padStart(7)} ${f(residual).padStart(9)}`);
  }
  log("  residual = growth − (births − deaths + in − out): SSB's published tables do not close exactly");
}
