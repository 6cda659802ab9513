import { expect, test } from "vitest";
import { SKR_AGE_GROUPS } from "../../src/indicators/population/municipal-projection.ts";
import { SERVICE_GROUPS } from "../../src/report/annex/population.ts";

test("the annex's service groups are the labels of the projection's SKR groups, written once", () => {
  expect(SERVICE_GROUPS).toEqual(["0-5", "6-15", "16-19", "20-64", "65-79", "80+"]);
  expect(SKR_AGE_GROUPS.length).toBe(SERVICE_GROUPS.length);
});
