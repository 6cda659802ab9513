import { describe, expect, test } from "vitest";
import { isAllAges } from "../../src/io/ages.ts";
import { isBothSexes, sexOf } from "../../src/io/sex.ts";

describe("one list of total labels for sex and age", () => {
  test("both sexes: Eurostat, SCB and SSB spellings; a sex is never a total", () => {
    const totals = [
      "T",
      "total",
      "Total",
      "TOTAL",
      "totalt",
      "Totalt",
      "both sexes",
      "Both sexes",
      "begge kjønn",
      "Begge kjønn",
      "totalt båda könen",
      "0",
    ];
    expect(totals.filter((l) => !isBothSexes(l))).toEqual([]);
    expect(["F", "M", "kvinnor", "män", "Kvinner", "Menn", "1", "2"].filter(isBothSexes)).toEqual([]);
    expect(totals.map(sexOf).every((s) => s === null)).toBe(true);
  });

  test("all ages: Eurostat's TOTAL and T, SCB's and SSB's words; an age band is never a total", () => {
    expect(
      ["T", "TOTAL", "total", "Total", "totalt", "Totalt", "totalt ålder", "All ages", "Alle aldre"].filter(
        (l) => !isAllAges(l),
      ),
    ).toEqual([]);
    expect(["0", "65+", "Y_LT5", "100+", "65-79 år"].filter(isAllAges)).toEqual([]);
  });
});
