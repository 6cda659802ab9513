import { findRegion } from "./registry.ts";

/**
 * Sweden's NUTS 3 regions (NUTS 2016 and 2021) and the län each one is: the same areas under two codes. Checked
 * in the tests against SCB's population per län and Eurostat's per NUTS 3 region.
 */
export const SE_NUTS3_LAN: Readonly<Record<string, string>> = {
  SE110: "01",
  SE121: "03",
  SE122: "04",
  SE123: "05",
  SE124: "18",
  SE125: "19",
  SE211: "06",
  SE212: "07",
  SE213: "08",
  SE214: "09",
  SE221: "10",
  SE224: "12",
  SE231: "13",
  SE232: "14",
  SE311: "17",
  SE312: "20",
  SE313: "21",
  SE321: "22",
  SE322: "23",
  SE331: "24",
  SE332: "25",
};

/**
 * The name of a Swedish NUTS 3 region or of the country ("SE"), from the län it is; undefined for other codes.
 *
 * @example
 * nutsName("SE312") // "Dalarnas län"
 */
export function nutsName(code: string): string | undefined {
  if (code === "SE") return "Sverige";
  const lan = SE_NUTS3_LAN[code];
  return lan === undefined ? undefined : findRegion(lan, { country: "SE" })?.name;
}
