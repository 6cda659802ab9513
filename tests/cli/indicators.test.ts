import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { indicators } from "../../src/cli/indicators.ts";

const data = (path: string) => fileURLToPath(new URL(`../../data/${path}`, import.meta.url));
const emp = { file: data("reat/G.regions.emp.csv"), national: "Insgesamt", total: ["Insgesamt", "Verarbeitendes Gewerbe (C)"] };

describe("omvarld indicators", () => {
  test("--kind shift-share --json: Bayern 2008-2014 as in the README", () => {
    const rows = JSON.parse(indicators({ ...emp, kind: "shift-share", format: "json" })) as Record<string, number | string>[];
    const by = rows.find((r) => r.region === "Bayern")!;
    expect(by.change).toBe(547_323);
    expect(Math.round(by.national_share as number)).toBe(447_530);
    expect(Math.round(by.regional_shift as number)).toBe(138_371);
    expect(rows).toHaveLength(16);
  });

  test("--kind specialisation --csv: header and Berlin's Krugman index for 2014 (the last year)", () => {
    const csv = indicators({ ...emp, kind: "specialisation", format: "csv" }).split("\n");
    expect(csv[0]).toBe("region,krugman,hoover,gini,herfindahl,herfindahl_normalised,equivalent_number,diversity,note");
    const berlin = csv.find((l) => l.startsWith("Berlin,"))!.split(",");
    expect(Number(berlin[1])).toBeCloseTo(0.328, 3);
  });

  test("text output keeps the digits of large numbers (Bayern's national share 447 530)", () => {
    const line = indicators({ ...emp, kind: "shift-share", format: "text" }).split("\n").find((l) => l.startsWith("Bayern"))!;
    expect(line.split(/\s+/).slice(1, 5)).toEqual(["4517632", "5064955", "547323", "447530"]);
  });

  test("--kind lq as text; --kind inequality and convergence on German counties' GDP per head", () => {
    const lq = indicators({ ...emp, kind: "lq", year: 2014, format: "text" });
    expect(lq.split("\n")[0]).toMatch(/^region\s+industry\s+employment\s+location_quotient/);
    const gdp = { file: data("reat/G.counties.gdp.csv") };
    expect(() => indicators({ ...gdp, kind: "inequality", format: "json" })).toThrow(/also varies by contents/);
    const ineq = JSON.parse(indicators({ ...gdp, where: { contents: "gdppc" }, kind: "inequality", format: "json" })) as Record<string, number>[];
    expect(ineq.find((r) => r.year === 2014)!.gini).toBeCloseTo(0.203, 3); // the README's Gini of 2014
    const conv = JSON.parse(indicators({ ...gdp, where: { contents: "gdppc" }, kind: "convergence", from: 2000, to: 2014, format: "json" }));
    expect(conv.beta.beta).toBeCloseTo(-0.0071, 4);
    expect(conv.sigma.find((r: { year: number }) => r.year === 2014).sigma).toBeCloseTo(0.343, 3);
    expect(() => indicators({ ...emp, kind: "gravity", format: "text" })).toThrow(/--kind gravity is not one of/);
  });
});
