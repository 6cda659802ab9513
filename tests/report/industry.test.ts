import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { read } from "../../src/node.ts";
import { industrySection } from "../../src/report/industry.ts";
import { Table } from "../../src/table/table.ts";

const emp = read(fileURLToPath(new URL("../../data/reat/G.regions.emp.csv", import.meta.url))).filter({
  industry: (i) => i !== "Insgesamt" && i !== "Verarbeitendes Gewerbe (C)",
});

describe("the report's industry section", () => {
  test("Bayern 2008-2014: the sentence carries the shift-share of the README, the table one row per industry", () => {
    const s = industrySection(emp, "Bayern", "Bayern", "en", {
      from: 2008,
      to: 2014,
      national: "Insgesamt",
      value: "emp",
    })!;
    expect(s.id).toBe("industry");
    expect(s.sentence).toContain("+547,323");
    expect(s.sentence).toContain("+447,530");
    expect(s.sentence).toContain("-38,578");
    expect(s.sentence).toContain("+138,371");
    expect(s.table!.rows).toHaveLength(10);
    expect(s.charts).toHaveLength(2);
    // the changes in the table add up to the region's change
    const change = s.table!.rows.reduce((sum, r) => sum + Number(r[3]!.replace(/[+,]/g, "").replace("−", "-")), 0);
    expect(change).toBe(547_323);
  });

  test("Swedish words; null without two years or without the region", () => {
    const sv = industrySection(emp, "Berlin", "Berlin", "sv", { national: "Insgesamt", value: "emp" })!;
    expect(sv.heading).toBe("Näringsliv: sysselsättning per bransch");
    expect(sv.sentence).toMatch(/^Sysselsättningen i Berlin förändrades med/);
    expect(industrySection(emp, "Atlantis", "Atlantis", "sv", { national: "Insgesamt", value: "emp" })).toBeNull();
    expect(
      industrySection(Table.fromRows([{ region: "a", industry: "x", year: 2020, value: 1 }]), "a", "A", "sv"),
    ).toBeNull();
  });
});
