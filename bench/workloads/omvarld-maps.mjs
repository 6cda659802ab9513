// Maps: loading the kommun boundaries (one file per vintage, imported on first use) and building + rendering six
// maps to SVG from the shipped SCB and SSB tables. Reports each boundary file's load, each map's build (`mapChart`
// or `flowMap`, boundaries for the table's year included) and SVG rendering, the SVGs' and boundary files' sizes,
// and, as the check, the kommuner each map draws and colours.
import { statSync } from "node:fs";
import {
  asCommutingFlows,
  flowMap,
  loadBoundaries,
  mapChart,
  read,
  readDatasets,
  recast,
  Table,
} from "../../dist/node.js";

const root = new URL("../../", import.meta.url).pathname;
const SCB = ["p1011", "p1213", "p1415", "p1617", "p1819"].map(
  (p) => `${root}data/scb/ikashnitsky-mun-non-surv__dat__scb-pop__${p}.xlsx`,
);
const SSB = ["p0810", "p2022"].map((p) => `${root}data/ssb/ikashnitsky-mun-non-surv__dat__no__no-${p}.csv`);
const FLOWS = `${root}data/ssb/folkehelseinstituttet-spread__inst__extdata__di_edge_list_2017.xlsx`;

/** Milliseconds taken by an (async) function, with its result. */
async function timed(make) {
  const start = performance.now();
  const result = await make();
  return [performance.now() - start, result];
}

/** Each kommun's total population by year (region, year, value), without SSB's pseudo-regions. */
function totals(paths) {
  const population = readDatasets(paths).population.table;
  const kommuner = population.has("region_kind")
    ? population.filter({ region_kind: (k) => k !== "pseudo" })
    : population;
  return kommuner.groupBy(["region", "year"]).sum("value");
}

/** Population change in percent, 100·(P_to/P_from − 1), per kommun, as rows of the year `to`. */
function change(table, from, to) {
  const at = (year) =>
    new Map(
      table
        .filter({ year })
        .toRows()
        .map((r) => [String(r.region), r.value]),
    );
  const [p0, p1] = [at(from), at(to)];
  const rows = [...p1].map(([region, v1]) => {
    const v0 = p0.get(region);
    return { region, year: to, change_pct: v0 > 0 && v1 !== null ? 100 * (v1 / v0 - 1) : null };
  });
  return Table.fromRows(rows, { provenance: table.provenance });
}

/**
 * The areas a map draws and the kommuner it colours (its Vega-Lite spec's first layer: kommuner, then undrawn areas),
 * and the names its text layers show (the focus kommun; a flow map's partners too).
 */
function drawn(chart) {
  const layers = chart.toJSON().layer;
  const areas = layers[0].data.values;
  const valued = areas.filter((a) => typeof a.value === "number").length;
  const names = layers.filter((l) => l.mark.type === "text").flatMap((l) => l.data.values.map((v) => v.name));
  return { areas: areas.length, valued, names };
}

const tData = performance.now();
const se = totals(SCB);
const no = totals(SSB);
const flows = asCommutingFlows(read(FLOWS));
const data = performance.now() - tData;

// boundary files: the first call per vintage imports the file; the later ones only build the features
const [bSE, se2019] = await timed(() => loadBoundaries("SE", 2019));
const [bNO2020, no2022] = await timed(() => loadBoundaries("NO", 2022));
const [bNO2024, no2024] = await timed(() => loadBoundaries("NO", 2024));
const [bNO2017] = await timed(() => loadBoundaries("NO", 2017));
const [bNO2022again] = await timed(() => loadBoundaries("NO", 2022));

// Norway on 2024 codes: no 2024-coded data ship, so SSB's 2020-coded totals of 2020 and 2022 are recast onto 2024
// codes (Ålesund, split in 2024 into Ålesund and Haram, cannot be without weights: both show as no data)
const no2024Codes = recast(no.filter({ year: [2020, 2022] }), { to: 2024, country: "NO", onSplit: "warn" });

const seChange = change(se, 2010, 2019);
const noChange = change(no, 2008, 2022);
const maps = {
  sweden: () => mapChart(seChange, { value: "change_pct", unit: " %", frame: "country", locale: "sv" }),
  norway: () => mapChart(noChange, { value: "change_pct", unit: " %", frame: "country", locale: "nb" }),
  norway2024: () =>
    mapChart(change(no2024Codes, 2020, 2022), {
      value: "change_pct",
      unit: " %",
      frame: "country",
      locale: "nb",
      boundaries: no2024,
    }),
  dalarna: () => mapChart(seChange, { value: "change_pct", unit: " %", focus: "2021", locale: "sv" }),
  innlandet: () => mapChart(noChange, { value: "change_pct", unit: " %", focus: "3421", locale: "nb" }),
  trysilFlows: () => flowMap(flows, { focus: "0428", year: 2017, locale: "nb" }),
};

// the first SVG loads vega and vega-lite: Dalarna's map once, cold, before the others are measured warm
const [cold] = await timed(async () => (await maps.dalarna()).toSVG());
const out = { data, seBoundaries: bSE, no2020Boundaries: bNO2020, no2024Boundaries: bNO2024 };
Object.assign(out, { no2017Boundaries: bNO2017, no2022Again: bNO2022again, cold });
const check = {
  se2019: se2019.kommuner.length,
  no2022: no2022.kommuner.length,
  no2024: no2024.kommuner.length,
};
for (const [id, make] of Object.entries(maps)) {
  const [build, chart] = await timed(make);
  const [render, svg] = await timed(() => chart.toSVG());
  out[`${id}Build`] = build;
  out[`${id}Svg`] = render;
  out[`${id}KB`] = Buffer.byteLength(svg) / 1024;
  check[id] = drawn(chart);
  if (id === "trysilFlows") check[id].flows = chart.toJSON().layer.at(-1).data.values.length;
}
for (const file of ["se-2007", "no-2020", "no-2024"])
  out[`file-${file}-KB`] = statSync(`${root}src/regions/data/boundaries-${file}.json`).size / 1024;

console.log(JSON.stringify({ maxRssMB: process.resourceUsage().maxRSS / 1024, ...out, check }));
