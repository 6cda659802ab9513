import { execFileSync } from "node:child_process";
import { geoArea, geoBounds } from "d3-geo";
import { describe, expect, test } from "vitest";
import { type AreaFeature, type Boundaries, loadBoundaries, loadBoundarySet } from "../../src/regions/boundaries.ts";
import { followCodes, followEach } from "../../src/regions/code-changes.ts";
import { findRegion, municipalities } from "../../src/regions/registry.ts";

const area = (f: { geometry: unknown } | undefined): number => geoArea(f as never);
const byCode = (b: Boundaries, code: string): AreaFeature | undefined => b.kommuner.find((k) => k.id === code);
/** The relative difference of two numbers. */
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe("codes followed through the changes", () => {
  test.each([
    ["NO", 2002, 2024],
    ["NO", 2024, 2002],
    ["NO", 2017, 2020],
    ["SE", 1996, 2019],
    ["SE", 2019, 1996],
  ] as const)("%s %i → %i: followEach gives each code what followCodes gives it alone", (country, from, to) => {
    const codes = municipalities(country, from).map((r) => r.code);
    const each = followEach(codes, country, from, to);
    for (const code of codes) expect(each.get(code), code).toEqual(followCodes([code], country, from, to).codes);
  });
});

describe("kommun boundaries", () => {
  test("the shipped files are what scripts/build-boundaries.mjs makes of data/boundaries", () => {
    const script = new URL("../../scripts/build-boundaries.mjs", import.meta.url).pathname;
    expect(() => execFileSync(process.execPath, [script, "--check"], { stdio: "pipe" })).not.toThrow();
  });

  test.each([
    ["SE", 2019, 290, 21],
    ["NO", 2022, 356, 11],
    ["NO", 2024, 357, 15],
  ] as const)(
    "%s %i: every kommun has its own area, named by the registry, in its county",
    async (country, year, n, counties) => {
      const b = await loadBoundaries(country, year);
      const expected = municipalities(country, year);
      expect(expected).toHaveLength(n);
      expect(b.kommuner).toHaveLength(n);
      expect(b.undrawn).toHaveLength(0);
      for (const r of expected) expect(byCode(b, r.code)?.properties.name, r.code).toBe(r.name);
      expect(b.counties.map((c) => c.id)).toHaveLength(counties);
      // every ring wound as the renderer reads it: a kommun is a small part of the globe, not all of it but the kommun
      for (const k of b.kommuner) expect(area(k), k.id).toBeLessThan(1e-3);
      // a county is the union of its kommuner: its area is their sum
      for (const c of b.counties) {
        const sum = b.kommuner.filter((k) => k.properties.county === c.id).reduce((s, k) => s + area(k), 0);
        expect(rel(area(c), sum), c.id).toBeLessThan(1e-6);
      }
      // each centroid lies within its kommun's bounds
      for (const k of b.kommuner) {
        const [[w, s], [e, north]] = geoBounds(k as never);
        const [lon, lat] = b.centroid(k.id)!;
        expect(lon >= w && lon <= e && lat >= s && lat <= north, `${k.id} centroid`).toBe(true);
      }
    },
  );

  test("Norway's 2020 file stores codes as numbers: Oslo is 0301, never 301", async () => {
    const b = await loadBoundaries("NO", 2021);
    expect(b.vintage).toBe(2020);
    expect(byCode(b, "0301")?.properties).toEqual({ code: "0301", name: "Oslo", county: "03" });
    expect(byCode(b, "301")).toBeUndefined();
  });

  test("a renumbered kommun keeps its area; kommuner merged later have none of their own, and say so", async () => {
    const set = await loadBoundarySet("NO");
    const then = set.at(2017);
    const now = set.at(2022);
    expect(then.vintage).toBe(2020);
    // Trysil 0428 became 3421 in 2020 without a change of border
    expect(byCode(then, "0428")?.properties).toEqual({ code: "0428", name: "Trysil", county: "04" });
    expect(area(byCode(then, "0428"))).toBeCloseTo(area(byCode(now, "3421")), 12);
    // Moss and Rygge merged into Moss (3002) in 2020: one area for both, named, not drawn as either
    const moss = then.undrawn.find((u) => u.properties.codes.includes("0104"))!;
    expect(moss.properties).toMatchObject({ codes: ["0104", "0136"], names: ["Moss", "Rygge"], why: "merged" });
    expect(area(moss)).toBeCloseTo(area(byCode(now, "3002")), 12);
    expect(byCode(then, "0104")).toBeUndefined();
    // every kommun of 2017 is drawn once, or held by undrawn areas (by several where it was split up as well:
    // Snillfjord, 1613, went to Hitra, Orkland and Heim), never both
    const drawn = then.kommuner.map((k) => k.id);
    const undrawn = new Set(then.undrawn.flatMap((u) => u.properties.codes));
    expect(new Set(drawn).size).toBe(drawn.length);
    expect(drawn.filter((c) => undrawn.has(c))).toEqual([]);
    expect(then.undrawn.filter((u) => u.properties.codes.includes("1613"))).toHaveLength(3);
    expect([...drawn, ...undrawn].sort()).toEqual(
      municipalities("NO", 2017)
        .map((r) => r.code)
        .sort(),
    );
    // a kommun merged later sits at the centre of the merged kommun
    expect(then.centroid("0136")).toEqual(then.centroid("0104"));
  });

  test("Sweden before 2007 is drawn on today's borders: a kommun split later is the union of its parts", async () => {
    const now = await loadBoundaries("SE", 2019);
    const y2000 = await loadBoundaries("SE", 2000);
    // Knivsta (0330) left Uppsala (0380) in 2003
    expect(y2000.kommuner).toHaveLength(289);
    expect(byCode(y2000, "0330")).toBeUndefined();
    expect(rel(area(byCode(y2000, "0380")), area(byCode(now, "0380")) + area(byCode(now, "0330")))).toBeLessThan(1e-6);
    // 1996: every kommun of the year, under its code of then (Heby 1917 in Västmanlands län, Kristianstad 1180)
    const y1996 = await loadBoundaries("SE", 1996);
    expect(y1996.kommuner).toHaveLength(municipalities("SE", 1996).length);
    expect(byCode(y1996, "1917")?.properties).toEqual({ code: "1917", name: "Heby", county: "19" });
    expect(area(byCode(y1996, "1917"))).toBeCloseTo(area(byCode(now, "0331")), 12);
    expect(byCode(y1996, "1180")?.properties.name).toBe(findRegion("1180", { country: "SE", year: 1996 })!.name);
    // Kristianstads län (11) of 1996 is one of the counties drawn
    expect(y1996.counties.find((c) => c.id === "11")?.properties.name).toBe("Kristianstads län");
  });

  test("the boundaries of Norway's data of 2024 split Ålesund and Haram", async () => {
    const b = await loadBoundaries("NO", 2024);
    expect(byCode(b, "1508")?.properties.name).toBe("Ålesund");
    expect(byCode(b, "1580")?.properties.name).toBe("Haram");
    // the two files are simplified apart (2020 "medium", 2024 "S"): the areas agree to within a percent
    const before = await loadBoundaries("NO", 2023);
    expect(rel(area(byCode(before, "1507")), area(byCode(b, "1508")) + area(byCode(b, "1580")))).toBeLessThan(0.01);
  });
});
