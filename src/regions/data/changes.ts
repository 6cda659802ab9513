/**
 * Code changes that matter for time series. `from` codes become `to` codes on 1 January of `year`:
 * one → one is a new code, many → one a merger, one → many a split (which needs weights to recast).
 *
 * Sweden: SCB kommunkoder. Norway 2020: the municipal reform (Prop. 96 S (2016-2017) and later decisions), checked
 * against SSB 07459: every 2019 kommune below lands in a 2020 kommune whose 2022 population is within a few percent
 * of the summed 2019 populations (tests/regions). Norway 2024: only the renumbering of the kommuner named in
 * METHODS §11.3 is listed; the rest of the 114 renumbered kommuner is not yet in the registry.
 */
export interface CodeChange {
  country: "SE" | "NO";
  year: number;
  from: readonly string[];
  to: readonly string[];
  note?: string;
}

const se: CodeChange[] = [
  { country: "SE", year: 1992, from: ["0480"], to: ["0480", "0461", "0488"], note: "Gnesta and Trosa split from Nyköping" },
  { country: "SE", year: 1999, from: ["0181"], to: ["0181", "0140"], note: "Nykvarn split from Södertälje" },
  { country: "SE", year: 2003, from: ["0380"], to: ["0380", "0330"], note: "Knivsta split from Uppsala" },
  { country: "SE", year: 2007, from: ["1917"], to: ["0331"], note: "Heby moved from Västmanlands to Uppsala län" },
];

// 2020: merged kommuner (absorbed codes → new code). Kommuner that only got a new number are derived by name
// in registry.ts from the 2019 and 2020 code lists.
const no2020Merges: [string[], string][] = [
  [["0121", "0221"], "3026"], [["0122", "0123", "0124", "0125", "0138"], "3014"], [["0104", "0136"], "3002"],
  [["0137"], "3018"], [["0213", "0217"], "3020"], [["0226", "0227", "0231"], "3030"], [["0236"], "3034"],
  [["0426"], "3419"], [["0441"], "3430"], [["0616"], "3040"], [["0602", "0625", "0711"], "3005"],
  [["0220", "0627", "0628"], "3025"], [["0715", "0713"], "3802"], [["0704", "0716"], "3803"],
  [["0821", "0822"], "3817"], [["1029", "1002", "1021"], "4205"], [["1001", "1017", "1018"], "4204"],
  [["1032", "1027"], "4225"], [["1102", "1129"], "1108"], [["1103", "1141", "1142"], "1103"],
  [["1227", "1228", "1231"], "4618"], [["1235", "1234"], "4621"], [["1241", "1243"], "4624"],
  [["1245", "1246", "1259"], "4626"], [["1256", "1260", "1263"], "4631"], [["1401", "1439"], "4602"],
  [["1418", "1419", "1420"], "4640"], [["1430", "1431", "1432", "1433"], "4647"], [["1441", "1443"], "4649"],
  [["1444", "1519"], "1577"], [["1504", "1523", "1529", "1534", "1546"], "1507"], [["1524", "1526"], "1578"],
  [["1502", "1543", "1545"], "1506"], [["1548", "1551"], "1579"], [["1571", "5011"], "5055"],
  [["5016", "5023", "5024"], "5059"], [["5015", "5017"], "5057"], [["5018", "5019"], "5058"],
  [["5001", "5030"], "5001"], [["5004", "5039"], "5006"], [["5005", "5040", "5048"], "5007"],
  [["5050", "5051"], "5060"], [["1849"], "1875"], [["1805", "1854"], "1806"], [["1903"], "5402"],
  [["1852", "1913"], "5412"], [["1927", "1928", "1929", "1931"], "5421"], [["2004", "2017"], "5406"],
];

const no: CodeChange[] = [
  ...no2020Merges.map(([from, to]): CodeChange => ({ country: "NO", year: 2020, from, to: [to] })),
  { country: "NO", year: 2020, from: ["5012"], to: ["5055", "5056", "5059"], note: "Snillfjord split between Heim, Hitra and Orkland" },
  { country: "NO", year: 2020, from: ["1850"], to: ["1875", "1806"], note: "Tysfjord split between Hamarøy and Narvik" },
  { country: "NO", year: 2024, from: ["3001"], to: ["3101"], note: "Halden, Viken → Østfold" },
  { country: "NO", year: 2024, from: ["3002"], to: ["3103"], note: "Moss, Viken → Østfold" },
  { country: "NO", year: 2024, from: ["3003"], to: ["3105"], note: "Sarpsborg, Viken → Østfold" },
  { country: "NO", year: 2024, from: ["3004"], to: ["3107"], note: "Fredrikstad, Viken → Østfold" },
  { country: "NO", year: 2024, from: ["3011"], to: ["3110"], note: "Hvaler, Viken → Østfold" },
  { country: "NO", year: 2024, from: ["3005"], to: ["3301"], note: "Drammen, Viken → Buskerud" },
  { country: "NO", year: 2024, from: ["3006"], to: ["3303"], note: "Kongsberg, Viken → Buskerud" },
  { country: "NO", year: 2024, from: ["3007"], to: ["3305"], note: "Ringerike, Viken → Buskerud" },
];

export const MANUAL_CHANGES: readonly CodeChange[] = [...se, ...no];
