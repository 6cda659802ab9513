// Back-test of projectMunicipality on the agencies' own tables (run after `npm run build`):
//   node bench/backtest.mjs     prints the tables, writes bench/backtest-results.json,
//                               src/indicators/population/backtest-data.ts and the "Back-test" section of bench/RESULTS.md
// Sweden: population on 31 December 2014, rates from the events of 2011-2014 (the window the tables allow: the
// population starts on 31 December 2010), projected to 31 December 2019, all 290 kommuner. Norway: population on
// 1 January 2016, rates from 2011-2015, projected to 1 January 2021 and 2022, every kommune on 2020 codes that existed
// through the window (SSB's pseudo-regions 21-22, 23 and Rest left out). Both against two naive forecasts (no change,
// and the linear trend of the total over the last five observed years, age groups by their shares in the start
// year) and, for Norway, against SSB's own 2016 projection (table 11168, main alternative; bench/eval/).
import { readFileSync, writeFileSync } from "node:fs";
import { read } from "../dist/node.js";
import { prepareProjectionData, projectMunicipality, recast, Table } from "../dist/index.js";
import { serviceAgeGroups } from "../dist/indicators/population/municipal-projection.js";

const SCB = "data/scb/ikashnitsky-mun-non-surv__dat__scb-";
const SSB = "data/ssb/ikashnitsky-mun-non-surv__dat__no__no-";
const SSB_PROJECTION = "bench/eval/andrenro-project_source_files__folketall__framskrevet_2026.json";
/** Size classes by population at the start: SSB's in its evaluation of its kommune projections. */
const CLASSES = [
  [0, 2000],
  [2000, 5000],
  [5000, 10000],
  [10000, 20000],
  [20000, 50000],
  [50000, Infinity],
];
/** A class with fewer back-tested kommuner than this is merged with the next larger one. */
const MIN_CLASS = 5;
/** The country's service age groups (SE 20-64 / 65-79, NO 20-66 / 67-79) and their labels. */
const groupsOf = (country) => serviceAgeGroups(country);
const labelsOf = (country) => groupsOf(country).map(([lo, hi]) => (hi === Infinity ? `${lo}+` : `${lo}-${hi}`));

const timer = () => {
  const t0 = performance.now();
  return () => ((performance.now() - t0) / 1000).toFixed(1);
};
const total = (state) => state.reduce((a, b) => a + b, 0);
function groupSums(state, n, country) {
  return groupsOf(country).map(([lo, hi]) => {
    let s = 0;
    for (let x = lo; x <= Math.min(hi, n - 1); x++) s += state[x] + state[n + x];
    return s;
  });
}
const className = ([lo, hi]) =>
  hi === Infinity
    ? `${lo.toLocaleString("sv-SE")} +`
    : lo === 0
      ? `< ${hi.toLocaleString("sv-SE")}`
      : `${lo.toLocaleString("sv-SE")}-${(hi - 1).toLocaleString("sv-SE")}`;

/** OLS line through (years, values), evaluated at `at`. */
function trend(years, values, at) {
  const my = years.reduce((a, b) => a + b, 0) / years.length;
  const mv = values.reduce((a, b) => a + b, 0) / values.length;
  let sxy = 0;
  let sxx = 0;
  years.forEach((y, k) => {
    sxy += (y - my) * (values[k] - mv);
    sxx += (y - my) ** 2;
  });
  return mv + (sxx > 0 ? sxy / sxx : 0) * (at - my);
}

/** The kommuner whose population exists (is not missing) in every year from `from` to `to` (internal years). */
function existing(data, regions, from, to) {
  return regions.filter((r) => {
    const own = data.population.get(r);
    for (let y = from; y <= to; y++) if (!own?.has(y) || !(total(own.get(y)) > 0)) return false;
    return true;
  });
}

/**
 * Projects every kommun from `start` (internal 1 January year) and compares with the observed populations of the
 * `targets` (internal years). Returns one record per kommun and target.
 */
function backtest(data, regions, { start, targets, label, country }) {
  const GROUPS = labelsOf(country);
  const n = data.maxAge + 1;
  const shift = data.reference === "end" ? 1 : 0;
  const records = [];
  const clock = timer();
  const horizon = Math.max(...targets);
  const kept = existing(data, regions, start - 4, horizon);
  for (const region of kept) {
    const own = data.population.get(region);
    const p = projectMunicipality(data, {
      region,
      start: start - shift,
      horizon: horizon - shift,
      interval: false,
      ageGroups: groupsOf(country),
    });
    const startState = own.get(start);
    const base = total(startState);
    const history = [0, 1, 2, 3, 4].map((k) => start - 4 + k);
    const trendTotal = (target) =>
      trend(
        history,
        history.map((y) => total(own.get(y))),
        target,
      );
    const shares = groupSums(startState, n, country).map((g) => g / base);
    for (const target of targets) {
      const obs = own.get(target);
      const groups = p.groups.filter({ year: target - shift }).toRows();
      records.push({
        region,
        name: data.names.get(region) ?? region,
        target: target - shift,
        size: base,
        observed: total(obs),
        projected: p.total.filter({ year: target - shift }).get("population", 0),
        groupsObserved: groupSums(obs, n, country),
        groupsProjected: GROUPS.map((g) => groups.find((r) => r.age_group === g).population),
        noChange: base,
        groupsNoChange: groupSums(startState, n, country),
        trend: trendTotal(target),
        groupsTrend: shares.map((s) => s * trendTotal(target)),
      });
    }
  }
  const left = regions.filter((r) => !kept.includes(r)).map((r) => `${data.names.get(r) ?? r} (${r})`);
  console.error(
    `${label}: ${records.length} comparisons in ${clock()} s; left out (not in every year): ${left.join(", ") || "none"}`,
  );
  return records;
}

const ape = (f, o) => (o > 0 && f !== null && f !== undefined ? (100 * Math.abs(f - o)) / o : null);
const mean = (xs) => {
  const v = xs.filter((x) => x !== null);
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
};
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return null;
  const i = q * (sorted.length - 1);
  const lo = Math.floor(i);
  return sorted[lo] + (i - lo) * ((sorted[lo + 1] ?? sorted[lo]) - sorted[lo]);
}

/** The size classes for a set of records: SSB's, a class with fewer than MIN_CLASS kommuner merged into the next. */
function classesFor(records) {
  const out = [];
  let from = 0;
  CLASSES.forEach(([, hi], k) => {
    const count = records.filter((r) => r.size >= from && r.size < hi).length;
    const last = k === CLASSES.length - 1;
    if (count >= MIN_CLASS || last) {
      if (count < MIN_CLASS && out.length) out.at(-1)[1] = Infinity;
      else out.push([from, hi]);
      from = hi;
    }
  });
  return out;
}

/** MAPE of the total and of each age group, by size class and for all, for the model, the naive forecasts and the agency. */
function summarise(records, classes, country) {
  const GROUPS = labelsOf(country);
  return [...classes, [0, Infinity, "all"]].map(([lo, hi, all]) => {
    const rs = records.filter((r) => r.size >= lo && r.size < hi);
    const groupMape = (key) =>
      Object.fromEntries(GROUPS.map((g, k) => [g, mean(rs.map((r) => ape(r[key][k], r.groupsObserved[k])))]));
    const withAgency = rs.filter((r) => r.agency !== undefined && r.agency !== null);
    const signed = rs.map((r) => (100 * (r.observed - r.projected)) / r.projected);
    return {
      class: all ?? className([lo, hi]),
      from: lo,
      to: hi === Infinity ? null : hi,
      kommuner: rs.length,
      total: {
        model: mean(rs.map((r) => ape(r.projected, r.observed))),
        noChange: mean(rs.map((r) => ape(r.noChange, r.observed))),
        trend: mean(rs.map((r) => ape(r.trend, r.observed))),
        agency: withAgency.length ? mean(withAgency.map((r) => ape(r.agency, r.observed))) : null,
        /** The model on the kommuner the agency's projection covers, for a like-for-like comparison. */
        modelOnAgency: withAgency.length ? mean(withAgency.map((r) => ape(r.projected, r.observed))) : null,
        agencyKommuner: withAgency.length,
      },
      bias: mean(rs.map((r) => (r.observed > 0 ? (100 * (r.projected - r.observed)) / r.observed : null))),
      agencyBias: withAgency.length ? mean(withAgency.map((r) => (100 * (r.agency - r.observed)) / r.observed)) : null,
      /** The 80th percentile of |observed − projected| / projected (%): the half-width of an empirical 80 % interval. */
      error80: quantile(
        signed.map((e) => Math.abs(e)),
        0.8,
      ),
      p10: quantile(signed, 0.1),
      p90: quantile(signed, 0.9),
      groups: {
        model: groupMape("groupsProjected"),
        noChange: groupMape("groupsNoChange"),
        trend: groupMape("groupsTrend"),
      },
    };
  });
}

/**
 * The plausible range of what migration does to kommuner of a size: in every five-year span of the data, the
 * observed total and age groups against what births and deaths alone would have made of the population five years
 * before (the projection from that year with net migration set to zero, `closed`), as a yearly change
 * (P/C)^{1/5} − 1 in %; the smallest and largest among the kommuner of each class (size at the span's start).
 */
function plausibleMigration(data, regions, classes, country) {
  const n = data.maxAge + 1;
  const shift = data.reference === "end" ? 1 : 0;
  const labels = labelsOf(country);
  const out = classes.map(([lo, hi]) => ({
    from: lo,
    to: hi === Infinity ? null : hi,
    spans: 0,
    total: [Infinity, -Infinity],
    groups: labels.map(() => [Infinity, -Infinity]),
  }));
  const extend = (range, r) => {
    if (!Number.isFinite(r)) return;
    range[0] = Math.min(range[0], r);
    range[1] = Math.max(range[1], r);
  };
  const rate = (observed, closed) => (observed > 0 && closed > 0 ? 100 * ((observed / closed) ** (1 / 5) - 1) : NaN);
  for (const region of regions) {
    const own = data.population.get(region);
    for (const [t, state] of own) {
      const later = own.get(t + 5);
      const base = total(state);
      if (!later || !(base > 0) || !(total(later) > 0)) continue;
      let closed;
      try {
        closed = projectMunicipality(data, {
          region,
          start: t - shift,
          horizon: t + 5 - shift,
          interval: false,
          ageGroups: groupsOf(country),
          multipliers: [{ component: "netMigration", from: -Infinity, to: Infinity, factor: 0 }],
        });
      } catch {
        continue; // no window of events before t
      }
      const c = out.find((k) => base >= k.from && (k.to === null || base < k.to));
      c.spans++;
      extend(c.total, rate(total(later), closed.total.filter({ year: t + 5 - shift }).get("population", 0)));
      const observed = groupSums(later, n, country);
      const groups = closed.groups.filter({ year: t + 5 - shift }).toRows();
      labels.forEach((g, k) =>
        extend(c.groups[k], rate(observed[k], groups.find((r) => r.age_group === g).population)),
      );
    }
  }
  return out;
}

/** SSB's 2016 projection (total population by kommune, 2016-2026) on 2020 codes; kommuner split since 2016 are left out. */
function agencyProjection() {
  const raw = JSON.parse(readFileSync(SSB_PROJECTION, "utf8"));
  // every year of the projection is on the codes of 2016: `year` is the division recast from, `target` the year projected
  const rows = raw.flatMap((k) =>
    Object.entries(k.years).map(([target, value]) => ({ region: k.kode, target: Number(target), year: 2016, value })),
  );
  const table = Table.fromRows(rows, { roles: { target: "dimension" } });
  const onCodes = recast(table, { to: 2020, country: "NO", reference: "start", onSplit: "warn" });
  // a kommune split in the reforms is kept under its old code (named in a warning): its parts cannot be compared
  const split = new Set(onCodes.warnings.flatMap((w) => /^region (\d{4}) was split/.exec(w)?.slice(1) ?? []));
  const byRegion = new Map();
  for (const r of onCodes.toRows()) {
    if (split.has(r.region)) continue;
    (byRegion.get(r.region) ?? byRegion.set(r.region, new Map()).get(r.region)).set(r.target, r.value);
  }
  return {
    byRegion,
    split: [...split],
    national: rows.filter((r) => r.target === 2021).reduce((s, r) => s + r.value, 0),
  };
}

const all = timer();
// Sweden
let clock = timer();
const sePopulation = await Promise.all(
  ["p1011", "p1213", "p1415", "p1617", "p1819"].map((f) => read(`${SCB}pop__${f}.xlsx`)),
);
const seDeaths = await read(`${SCB}deaths__d1019.xlsx`);
const se = prepareProjectionData({ population: sePopulation, reference: "end", deaths: seDeaths });
console.error(
  `Sweden: read and prepared in ${clock()} s (${se.regions.length} kommuner, deaths ${se.deathDetail}, births ${se.birthDetail})`,
);
const seRecords = backtest(se, se.regions, {
  start: 2015,
  targets: [2020],
  label: "Sweden 2014 → 2019",
  country: "SE",
});
const seClasses = classesFor(seRecords);
const seSummary = summarise(seRecords, seClasses, "SE");
const sePlausible = plausibleMigration(se, se.regions, seClasses, "SE");

// Norway
clock = timer();
const noPopulation = await Promise.all(
  ["p0810", "p1113", "p1416", "p1719", "p2022"].map((f) => read(`${SSB}${f}.csv`)),
);
const noBirths = await read(`${SSB}b7221.csv`);
const noDeaths = await Promise.all(["d0021-bag-jan-jun", "d0021-bag-jul-dec"].map((f) => read(`${SSB}${f}.csv`)));
const no = prepareProjectionData({ population: noPopulation, reference: "start", births: noBirths, deaths: noDeaths });
const noTotals = await read(`${SSB}d8621-total.csv`);
console.error(
  `Norway: read and prepared in ${clock()} s (${no.regions.length} regions, deaths ${no.deathDetail}, births ${no.birthDetail})`,
);
// 12983 (preliminary, by age group and month) against 08425 (final, by sex): the whole country, 2011-2015
const check = {};
for (const r of noTotals.toRows())
  if (r.year >= 2011 && r.year <= 2015 && /both/i.test(r.sex)) check[r.year] = (check[r.year] ?? 0) + r.Deaths;
const prelim = {};
for (const [, byYear] of no.deaths)
  for (const [year, bands] of byYear)
    if (year >= 2011 && year <= 2015) prelim[year] = (prelim[year] ?? 0) + bands.reduce((a, b) => a + b.value, 0);
const deathCheck = Object.keys(check).map((y) => ({
  year: Number(y),
  final08425: check[y],
  preliminary12983: prelim[y],
}));
const kommuner = no.regions.filter((r) => no.kinds.get(r) !== "pseudo");
const noRecords = backtest(no, kommuner, {
  start: 2016,
  targets: [2021, 2022],
  label: "Norway 2016 → 2021/2022",
  country: "NO",
});
const agency = agencyProjection();
for (const r of noRecords) r.agency = agency.byRegion.get(r.region)?.get(r.target) ?? null;
const noClasses = classesFor(noRecords.filter((r) => r.target === 2021));
const noSummary5 = summarise(
  noRecords.filter((r) => r.target === 2021),
  noClasses,
  "NO",
);
const noSummary6 = summarise(
  noRecords.filter((r) => r.target === 2022),
  noClasses,
  "NO",
);
const noPlausible = plausibleMigration(no, kommuner, noClasses, "NO");

const worst = (records, k = 5) =>
  [...records]
    .sort((a, b) => ape(b.projected, b.observed) - ape(a.projected, a.observed))
    .slice(0, k)
    .map((r) => ({
      region: r.region,
      name: r.name,
      target: r.target,
      observed: Math.round(r.observed),
      projected: Math.round(r.projected),
      ape: ape(r.projected, r.observed),
    }));
const results = {
  generated: new Date().toISOString().slice(0, 10),
  method: "projectMunicipality with its defaults (docs/methods.md §8.1), no interval",
  sweden: {
    start: "31 December 2014",
    window: "2011-2014",
    target: "31 December 2019",
    years: 5,
    summary: seSummary,
    plausible: sePlausible,
    worst: worst(seRecords),
  },
  norway: {
    start: "1 January 2016",
    window: "2011-2015",
    deaths: "SSB 12983 (preliminary, by age group 0-64, 65-79, 80+), spread by the Swedish 2015-2019 schedule",
    deathCheck,
    agency: { source: "SSB 11168 (2016, MMMM)", leftOut: agency.split, national2021: agency.national },
    target5: { target: "1 January 2021", years: 5, summary: noSummary5 },
    target6: { target: "1 January 2022", years: 6, summary: noSummary6 },
    plausible: noPlausible,
    worst: worst(noRecords.filter((r) => r.target === 2021)),
  },
};
writeFileSync("bench/backtest-results.json", JSON.stringify(results, null, 1) + "\n");

// the errors by size class and the plausible ranges, as a TS module for the report
const num = (x) => (x === null ? "null" : Number(x.toFixed(2)));
const classRows = (summary) =>
  summary
    .filter((s) => s.class !== "all")
    .map(
      (s) =>
        `      { from: ${s.from}, to: ${s.to ?? "null"}, kommuner: ${s.kommuner}, mape: ${num(s.total.model)}, noChange: ${num(s.total.noChange)}, trend: ${num(s.total.trend)}, agency: ${num(s.total.agency)}, bias: ${num(s.bias)}, error80: ${num(s.error80)} },`,
    )
    .join("\n");
const rangeRows = (plausible, country) =>
  plausible
    .map(
      (c) =>
        `      { from: ${c.from}, to: ${c.to ?? "null"}, total: [${num(c.total[0])}, ${num(c.total[1])}], groups: { ${labelsOf(
          country,
        )
          .map((g, k) => `"${g}": [${num(c.groups[k][0])}, ${num(c.groups[k][1])}]`)
          .join(", ")} } },`,
    )
    .join("\n");
writeFileSync(
  "src/indicators/population/backtest-data.ts",
  `// Written by bench/backtest.mjs from the back-test of ${results.generated}; do not edit by hand.
import type { BacktestData } from "./backtest-errors.ts";

/**
 * The back-test of \`projectMunicipality\` (bench/RESULTS.md, "Back-test"): Sweden, all 290 kommuner from 31 December
 * 2014 to 2019; Norway, every kommune from 1 January 2016 to 2021, beside SSB's own 2016 projection (\`agency\`).
 * \`plausible\`: the smallest and largest yearly change (%) that net migration made to the total and to each age group
 * of kommuner of each size over five years in the same tables (see \`PlausibleMigration\`).
 */
export const BACKTEST: BacktestData = {
  SE: {
    years: 5,
    start: "2014",
    agency: null,
    classes: [
${classRows(seSummary)}
    ],
    plausible: [
${rangeRows(sePlausible, "SE")}
    ],
  },
  NO: {
    years: 5,
    start: "2016",
    agency: "SSB",
    classes: [
${classRows(noSummary5)}
    ],
    plausible: [
${rangeRows(noPlausible, "NO")}
    ],
  },
};
`,
);

const f1 = (x) => (x === null || x === undefined ? "–" : x.toFixed(1));
const f2 = (x) => (x === null || x === undefined ? "–" : x.toFixed(2));
function markdown(title, summary, country) {
  const GROUPS = labelsOf(country);
  const withAgency = country === "NO";
  const head = withAgency ? "total: model / SSB (same kommuner) | " : "total: model | ";
  const lines = [
    `**${title}**`,
    "",
    `| size (start year) | kommuner | ${head}no change | trend | bias${withAgency ? " (SSB)" : ""} | error80 | ` +
      GROUPS.map((g) => `${g}: model / no change / trend`).join(" | ") +
      " |",
    `|---|---:|---:|---:|---:|---:|---:|` + GROUPS.map(() => "---:").join("|") + "|",
  ];
  for (const s of summary) {
    const model = withAgency
      ? `${f2(s.total.model)} / ${f2(s.total.agency)} (${f2(s.total.modelOnAgency)}, ${s.total.agencyKommuner})`
      : f2(s.total.model);
    lines.push(
      `| ${s.class} | ${s.kommuner} | ${model} | ${f2(s.total.noChange)} | ${f2(s.total.trend)} | ${f1(s.bias)}${withAgency ? ` (${f1(s.agencyBias)})` : ""} | ${f1(s.error80)} | ` +
        GROUPS.map((g) => `${f1(s.groups.model[g])} / ${f1(s.groups.noChange[g])} / ${f1(s.groups.trend[g])}`).join(
          " | ",
        ) +
        " |",
    );
  }
  return lines.join("\n");
}
const section = `## Back-test

Written by \`node bench/backtest.mjs\` (after \`npm run build\`; ${results.generated}). \`projectMunicipality\`, with its
defaults (docs/methods.md §8.1), projects every kommun from the agencies' own tables and is compared with the
population later observed. Mean absolute percentage error (MAPE, %) of the total and of the age groups, by kommun
size at the start (SSB's classes; a class with fewer than ${MIN_CLASS} kommuner joins the next), against two naive
forecasts: no change, and the linear trend of the last five observed totals (age groups by their start-year shares).
For Norway, SSB's own 2016 projection (table 11168, main alternative MMMM; \`bench/eval/\`) recast onto 2020 codes, on
the kommuner it covers (those split in the reforms cannot be recast: ${agency.split.join(", ")}); in brackets the model
on the same kommuner. "Bias" is the mean signed error of the total ((projected − observed)/observed, %).
"error80" is the 80th percentile of the absolute error (%): the half-width of the report's 80 % interval
(\`empiricalInterval\`), which is centred on the projection and grows in proportion to the horizon.

${markdown(`Sweden: 31 December 2014 → 2019 (5 years), rates from the events of 2011-2014, ${seRecords.length} kommuner`, seSummary, "SE")}

${markdown(`Norway: 1 January 2016 → 2021 (5 years), rates from 2011-2015, ${noSummary5.at(-1).kommuner} kommuner`, noSummary5, "NO")}

${markdown(`Norway: 1 January 2016 → 2022 (6 years)`, noSummary6, "NO")}

SSB's 2016 projection put Norway at ${agency.national.toLocaleString("sv-SE")} on 1 January 2021 (registered: 5 391 369): it, too, carried
the high immigration of 2011-2015 forward. Norway's deaths are SSB 12983 (preliminary, by age group 0-64, 65-79, 80+
and month), spread over single ages within each group by Sweden's 2015-2019 death rates; against 08425 (final):
${deathCheck.map((d) => `${d.year} ${d.preliminary12983} vs ${d.final08425}`).join(", ")}.
Largest 5-year errors of the total: Sweden ${results.sweden.worst.map((w) => `${w.name} ${w.ape.toFixed(1)} %`).join(", ")}; Norway ${results.norway.worst.map((w) => `${w.name} ${w.ape.toFixed(1)} %`).join(", ")}.

Plausible migration (\`plausibleMigration\`, used by the report's guard \`implausibleFigures\`): in every five-year span
of the same tables, the population observed against what births and deaths alone would have made of it (the
projection from the span's start with net migration set to zero), as a yearly change (P/C)^{1/5} − 1 in %; the
smallest and largest among the kommuner of each size, total and age groups:

${["SE", "NO"]
  .map((country) => {
    const labels = labelsOf(country);
    const rows = (country === "SE" ? sePlausible : noPlausible).map(
      (c) =>
        `| ${className([c.from, c.to ?? Infinity])} | ${c.spans} | ${f1(c.total[0])} … ${f1(c.total[1])} | ${c.groups.map((g) => `${f1(g[0])} … ${f1(g[1])}`).join(" | ")} |`,
    );
    return [
      `**${country === "SE" ? "Sweden" : "Norway"}**`,
      "",
      `| size | spans | total | ${labels.join(" | ")} |`,
      `|---|---:|---:|${labels.map(() => "---:").join("|")}|`,
      ...rows,
    ].join("\n");
  })
  .join("\n\n")}
`;
const resultsMd = readFileSync("bench/RESULTS.md", "utf8");
const at = resultsMd.indexOf("## Back-test");
const next = at >= 0 ? resultsMd.indexOf("\n## ", at + 1) : -1;
writeFileSync(
  "bench/RESULTS.md",
  (at >= 0 ? resultsMd.slice(0, at) : resultsMd.trimEnd() + "\n\n") +
    section +
    (next >= 0 ? resultsMd.slice(next) : ""),
);
console.log(section);
console.error(`all in ${all()} s`);
