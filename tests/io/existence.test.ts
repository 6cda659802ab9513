import { describe, expect, it } from "vitest";
import { read } from "../../src/node.ts";

const SSB = "data/ssb/ikashnitsky-mun-non-surv__dat__no__no-";

describe("zeros for kommune codes before they existed are missing", () => {
  // SSB 07459 on 2020 codes: Narvik (1806), Hamarøy (1875), Heim, Hitra, Orkland (5055, 5056, 5059) were formed in
  // 2020 from kommuner that were split, so SSB could not recast 2008-2019 onto them: the file has 0 there
  const t = read(`${SSB}p0810.csv`);

  it("reads Narvik's 2008-2010 as missing, not as nobody, and says so", () => {
    const narvik = t.filter({ region: "1806" });
    expect(narvik.numRows).toBe(3 * 2 * 106);
    expect(narvik.toRows().every((r) => r.value === null)).toBe(true);
    const warning = t.warnings.find((w) => w.startsWith("zeros for 5 kommun codes"));
    expect(warning).toMatch(/1806 Narvik 2008-2010/);
  });

  it("keeps the figures SSB recast onto 2020 codes (Trysil 3421 in 2008) and the pseudo-regions' zeros", () => {
    const trysil = t.filter({ region: "3421", year: 2008 }).groupBy([]).sum("value").get("value", 0);
    expect(trysil).toBe(6741); // the 2008 column of the file's K-3421 lines, summed by hand
    // Svalbard (21-22) is no kommune of the registry: its zeros stay what the file says
    expect(
      t
        .filter({ region: "21-22", year: 2008 })
        .toRows()
        .every((r) => r.value === 0),
    ).toBe(true);
  });
});
