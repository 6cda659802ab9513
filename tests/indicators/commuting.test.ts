import { describe, expect, test } from "vitest";
import {
  commutingFromFlows,
  commutingFromMatrix,
  commutingFromStocks,
  internalIntegration,
  neighbourWeights,
} from "../../src/indicators/commuting/indicators.ts";
import { laRegions, laRegionTables } from "../../src/indicators/commuting/la.ts";
import { OdMatrix } from "../../src/indicators/commuting/od.ts";
import { asCommutingFlows, asCommutingStocks } from "../../src/io/commuting.ts";
import { readBytes } from "../../src/io/read.ts";
import { Table } from "../../src/table/table.ts";
import { one } from "../helpers.ts";

describe("commuting stocks (docs/methods.md §5.1)", () => {
  // SSB 11616, 2023, 15-74 years (docs/methods.md §11.3): bosatt / inn / ut / arbeidssted, as SSB's long CSV would have them
  const published: [string, number, number, number, number][] = [
    ["3001 Halden", 14_262, 3_054, 4_193, 13_123],
    ["3002 Moss", 24_988, 8_125, 11_332, 21_781],
    ["3003 Sarpsborg", 27_654, 13_054, 11_309, 29_399],
    ["3004 Fredrikstad", 40_063, 10_572, 15_625, 35_010],
    ["3005 Drammen", 52_093, 18_141, 23_086, 47_148],
    ["3006 Kongsberg", 14_518, 5_341, 3_477, 16_382],
    ["3007 Ringerike", 15_523, 4_066, 5_001, 14_588],
    ["3011 Hvaler", 2_181, 451, 1_317, 1_315],
  ];
  const labels = [
    "Sysselsatte personer etter bosted",
    "Innpendlere",
    "Utpendlere",
    "Sysselsatte personer etter arbeidssted",
  ];
  const csv = [
    '"region";"år";"statistikkvariabel";"11616: Sysselsatte, pendling"',
    ...published.flatMap(([region, ...values]) => values.map((v, k) => `"${region}";"2023";"${labels[k]}";${v}`)),
  ].join("\n");

  test("the published 2023 figures satisfy jobs = employed residents + in − out", () => {
    const stocks = commutingFromStocks(asCommutingStocks(readBytes(csv)));
    expect(stocks.numRows).toBe(8);
    expect(stocks.distinct("identity_gap")).toEqual([0]);
    expect(one(stocks, { region: "3001" }, "jobs")).toBe(13_123);
    expect(one(stocks, { region: "3011" }, "net_commuting")).toBe(451 - 1317);
    expect(one(stocks, { region: "3011" }, "out_share")).toBeCloseTo(1317 / 2181, 14);
    expect(one(stocks, { region: "3006" }, "job_balance")).toBeCloseTo(16_382 / 14_518, 14);
    expect(one(stocks, { region: "3006" }, "self_containment_demand")).toBeCloseTo((16_382 - 5_341) / 16_382, 14);
  });

  test("a rounded table leaves a gap, which is reported, not hidden", () => {
    const t = Table.fromRows([
      { region: "X", year: 2023, employed_residents: 100, in_commuters: 3, out_commuters: 0, jobs: 101 },
    ]);
    const r = commutingFromStocks(t).toRows()[0]!;
    expect(r.identity_gap).toBe(-2);
    expect(r.note).toMatch(/rounding or suppressed cells/);
  });
});

/**
 * A: centre; B → A (30 %); C → B; D → C, three links from A, so that B becomes a centre; E ↔ F, a cycle;
 * G splits evenly between A and H.
 */
const flows: [string, string, number][] = [
  ["A", "A", 950],
  ["A", "B", 50],
  ["B", "B", 600],
  ["B", "A", 300],
  ["B", "C", 100],
  ["C", "C", 500],
  ["C", "B", 400],
  ["C", "A", 100],
  ["D", "D", 500],
  ["D", "C", 450],
  ["D", "A", 50],
  ["E", "E", 500],
  ["E", "F", 500],
  ["F", "F", 300],
  ["F", "E", 400],
  ["G", "G", 600],
  ["G", "A", 200],
  ["G", "H", 200],
  ["H", "H", 1000],
];

describe("origin-destination matrix (docs/methods.md §5.2)", () => {
  const od = OdMatrix.fromFlows(flows);

  test("stocks and indicators by hand", () => {
    const c = commutingFromMatrix(od);
    // B: E = 1000, OUT = 400; W = 50 + 600 + 400 = 1050, IN = 450
    expect(c.filter({ region: "B" }).toRows()[0]).toMatchObject({
      employed_residents: 1000,
      out_commuters: 400,
      jobs: 1050,
      in_commuters: 450,
      net_commuting: 50,
      dominant_destination: "A",
      dominant_share: 0.3,
      identity_gap: 0,
    });
    expect(one(c, { region: "B" }, "self_containment_supply")).toBeCloseTo(0.6, 14);
    expect(one(c, { region: "H" }, "note")).toBe("nobody commutes out");
    expect(od.get("G", "H")).toBe(200);
    expect(od.get("H", "G")).toBe(0);
  });

  test("neighbour weights sum to each area's out-commuting share", () => {
    const w = neighbourWeights(od);
    const sum = (o: string) =>
      w
        .filter({ origin: o })
        .toRows()
        .reduce((s, r) => s + (r.weight as number), 0);
    expect(sum("B")).toBeCloseTo(0.4, 14);
    expect(sum("D")).toBeCloseTo(0.5, 14);
    expect(w.filter({ origin: "H" }).numRows).toBe(0);
  });

  test("internal integration of a group", () => {
    // among B and C: B→C 100, C→B 400, of E_B + E_C = 2000
    expect(internalIntegration(od, ["B", "C"])).toBeCloseTo(500 / 2000, 14);
  });

  test("repeated pairs are summed; a missing flow is an error", () => {
    expect(
      OdMatrix.fromFlows([
        ["A", "B", 1],
        ["A", "B", 2],
      ]).get("A", "B"),
    ).toBe(3);
    const t = Table.fromRows([{ origin: "A", destination: "B", value: null }], { types: { value: "number" } });
    expect(() => OdMatrix.fromTable(t)).toThrow(/A → B is missing/);
  });

  test("storage grows with the flows, not with the square of the areas", () => {
    const n = 50_000;
    const sparse = OdMatrix.fromFlows(Array.from({ length: n }, (_, k) => [`a${k}`, `a${(k * 7919) % n}`, 1] as const));
    const bytes = sparse.rowStart.byteLength + sparse.destination.byteLength + sparse.flow.byteLength;
    expect(sparse.size).toBe(n);
    expect(bytes).toBeLessThan(20 * n); // a dense matrix would need 8·n² = 20 GB
  });
});

describe("LA regions by SCB's rules (docs/methods.md §5.3)", () => {
  const la = laRegions(OdMatrix.fromFlows(flows));

  test("centres, two links, a cut chain, a cycle and an even split", () => {
    expect(la.centreOf.get("A")).toBe("A"); // out 5 %, largest single flow 5 %
    // D → C → B → A is three links: the area two links up from D (B) becomes a centre (docs/methods.md §5.3) ...
    expect(la.promoted.get("B")).toMatch(/chain of more than 2 links \(from D\)/);
    expect(la.centreOf.get("B")).toBe("B");
    // ... so C (out 50 %, largest flow to B) and D belong to B's region
    expect([la.centreOf.get("C"), la.links.get("C")]).toEqual(["B", 1]);
    expect([la.centreOf.get("D"), la.links.get("D")]).toEqual(["B", 2]);
    // E ↔ F: the member with more employed residents (E, 1000) is the centre
    expect(la.centreOf.get("F")).toBe("E");
    expect(la.promoted.get("E")).toMatch(/cycle/);
    // G sends 200 to A and 200 to H: the destination with more jobs wins (A: 1 550, H: 1 200)
    expect(la.centreOf.get("G")).toBe("A");
  });

  test("thresholds are parameters: with three links allowed, B, C and D all join A", () => {
    const three = laRegions(OdMatrix.fromFlows(flows), { maxLinks: 3 });
    expect(["B", "C", "D"].map((k) => three.centreOf.get(k))).toEqual(["A", "A", "A"]);
    expect(three.links.get("D")).toBe(3);
    const loose = laRegions(OdMatrix.fromFlows(flows), { maxOutShare: 0.45, maxSingleShare: 0.35 });
    expect(loose.centreOf.get("B")).toBe("B");
  });

  test("region tables: members and the share of commuting kept inside", () => {
    const { members, regions } = laRegionTables(OdMatrix.fromFlows(flows));
    expect(one(members, { area: "D" }, "la")).toBe("B");
    // LA A = A and G: kept A→A 950 + G→G 600 + G→A 200 of E 2 000
    expect(one(regions, { la: "A" }, "members")).toBe(2);
    expect(one(regions, { la: "A" }, "self_containment")).toBeCloseTo((950 + 600 + 200) / 2000, 14);
    // LA B = B, C, D: kept 600 + 100 + 500 + 400 + 500 + 450 of 3 000
    expect(one(regions, { la: "B" }, "self_containment")).toBeCloseTo(2550 / 3000, 14);
  });
});

describe("reading commuting tables", () => {
  test("a long SCB-style table of flows by bostadskommun and arbetsställekommun", () => {
    const csv =
      '"bostadskommun","arbetsställekommun","2022","2023"\n"0114 Upplands Väsby","0114 Upplands Väsby",12000,12100\n"0114 Upplands Väsby","0180 Stockholm",9000,9200\n"0180 Stockholm","0114 Upplands Väsby",2000,2100\n';
    const flows = asCommutingFlows(readBytes(csv));
    expect(flows.columnNames).toEqual(["origin", "destination", "year", "value"]);
    const c = commutingFromFlows(flows);
    expect(one(c, { region: "0114", year: 2023 }, "out_commuters")).toBe(9200);
    expect(one(c, { region: "0114", year: 2023 }, "in_commuters")).toBe(2100);
  });

  test("a wide matrix, one column per workplace", () => {
    const csv =
      '"region","0114 Upplands Väsby","0180 Stockholm"\n"0114 Upplands Väsby",12000,9000\n"0180 Stockholm",2000,500000\n';
    const flows = asCommutingFlows(readBytes(csv).withColumn("year", [2023, 2023]));
    const od = OdMatrix.fromTable(flows.drop("year"));
    expect(od.get("0114", "0180")).toBe(9000);
    expect(od.get("0180", "0114")).toBe(2000);
  });
});
