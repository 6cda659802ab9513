import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { indicatorsFile } from "../../src/report/pipelines/indicators-node.ts";

const data = (path: string) => fileURLToPath(new URL(`../../data/${path}`, import.meta.url));
const emp = data("reat/G.regions.emp.csv");
const options = { national: "Insgesamt", total: ["Insgesamt", "Verarbeitendes Gewerbe (C)"] };

describe("omvarld indicators (the library call the command makes)", () => {
  test("--kind shift-share --json: Bayern 2008-2014 as in the README", () => {
    const rows = JSON.parse(indicatorsFile(emp, { ...options, kind: "shift-share", format: "json" })) as Record<
      string,
      number | string
    >[];
    const by = rows.find((r) => r.region === "Bayern")!;
    expect(by.change).toBe(547_323);
    expect(Math.round(by.national_share as number)).toBe(447_530);
    expect(Math.round(by.regional_shift as number)).toBe(138_371);
    expect(rows).toHaveLength(16);
  });

  test("--kind specialisation --csv: header and Berlin's Krugman index for 2014 (the last year)", () => {
    const csv = indicatorsFile(emp, { ...options, kind: "specialisation", format: "csv" }).split("\n");
    expect(csv[0]).toBe("region,krugman,hoover,gini,herfindahl,herfindahl_normalised,equivalent_number,diversity,note");
    const berlin = csv.find((l) => l.startsWith("Berlin,"))!.split(",");
    expect(Number(berlin[1])).toBeCloseTo(0.328, 3);
  });

  test("text output keeps the digits of large numbers, in one locale: Bayern's national share 447 530", () => {
    const line = (locale: "sv" | "en") =>
      indicatorsFile(emp, { ...options, kind: "shift-share", format: "text", locale })
        .split("\n")
        .find((l) => l.startsWith("Bayern"))!;
    // columns are separated by two spaces or more; digits are grouped by a no-break space (sv) or a comma (en)
    expect(line("sv").split(/ {2,}/).slice(1, 5)).toEqual([
      "4\u00a0517\u00a0632",
      "5\u00a0064\u00a0955",
      "547\u00a0323",
      "447\u00a0530",
    ]);
    expect(line("en").split(/ {2,}/).slice(1, 5)).toEqual(["4,517,632", "5,064,955", "547,323", "447,530"]);
  });

  test("text output: decimals in the locale (Berlin's Krugman index 0,32759 in Swedish), years not grouped", () => {
    const krugman = (locale: "sv" | "nb" | "en") =>
      indicatorsFile(emp, { ...options, kind: "specialisation", format: "text", locale })
        .split("\n")
        .find((l) => l.startsWith("Berlin"))!
        .split(/ {2,}/)[1];
    // six significant digits of the CSV's full value 0.327590…
    const csv = Number(
      indicatorsFile(emp, { ...options, kind: "specialisation", format: "csv" })
        .split("\n")
        .find((l) => l.startsWith("Berlin,"))!
        .split(",")[1],
    );
    expect(csv.toPrecision(6)).toBe("0.327590");
    expect(krugman("sv")).toBe("0,32759");
    expect(krugman("nb")).toBe("0,32759");
    expect(krugman("en")).toBe("0.32759");
    const gdp = data("reat/G.counties.gdp.csv");
    const ineq = indicatorsFile(gdp, { where: { contents: "gdppc" }, kind: "inequality", format: "text" }).split("\n");
    // 402 counties, none missing, Gini 0,202607 (the README rounds it to 0.203)
    expect(ineq.find((l) => l.startsWith("2014"))).toMatch(/^2014 +402 +0 +0,202607 /);
  });

  test("--kind lq as text; --kind inequality and convergence on German counties' GDP per head", () => {
    const lq = indicatorsFile(emp, { ...options, kind: "lq", year: 2014, format: "text" });
    expect(lq.split("\n")[0]).toMatch(/^region\s+industry\s+employment\s+location_quotient/);
    const gdp = data("reat/G.counties.gdp.csv");
    expect(() => indicatorsFile(gdp, { kind: "inequality", format: "json" })).toThrow(/also varies by contents/);
    const ineq = JSON.parse(
      indicatorsFile(gdp, { where: { contents: "gdppc" }, kind: "inequality", format: "json" }),
    ) as Record<string, number>[];
    expect(ineq.find((r) => r.year === 2014)!.gini).toBeCloseTo(0.203, 3); // the README's Gini of 2014
    const conv = JSON.parse(
      indicatorsFile(gdp, { where: { contents: "gdppc" }, kind: "convergence", from: 2000, to: 2014, format: "json" }),
    );
    expect(conv.beta.beta).toBeCloseTo(-0.0071, 4);
    expect(conv.sigma.find((r: { year: number }) => r.year === 2014).sigma).toBeCloseTo(0.343, 3);
    const unknown = (() => {
      try {
        indicatorsFile(emp, { ...options, kind: "gravity", format: "text" });
      } catch (error) {
        return String(error);
      }
    })();
    expect(unknown).toBe(
      'no indicator kind "gravity" (hint: the kinds: shift-share, lq, specialisation, inequality, convergence)',
    );
  });
});
