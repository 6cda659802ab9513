// Generates src/regions/data/se-scb-codes.ts (--check: compares instead of writing) from SCB's kommun code key
// (knkodnyckel.xls) as per-year lists for 1996, 1997 and 1998, saved in data/scb-codes/ (see its README).
// Run: node scripts/build-scb-codes.mjs [--check] [--dir other/folder (checks the lists there, writes nothing)]
//
// The lists carry no old → new link. Kommuner of consecutive years are paired by name, within the county mergers of
// the year (MERGERS): a kommun keeps its code unless its län was merged, and then it must reappear under the same
// name, under a new code, in a län that took the merged one in. The script refuses to write if any kommun of a year is
// left without a partner in the next, if a name is found twice, or if a code or a län changes otherwise.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

/**
 * The county mergers, by the year they took effect (1 January): the län that ended → the län its kommuner went to.
 * Skåne län 1997 (Kristianstads län 11 and Malmöhus län 12 → 12); Västra Götalands län 1998 (Göteborgs och Bohus
 * län 14, Älvsborgs län 15 and Skaraborgs län 16 → 14, and Skaraborgs Habo and Mullsjö → Jönköpings län 06).
 */
const MERGERS = {
  1997: { 11: ["12"] },
  1998: { 15: ["14"], 16: ["06", "14"] },
};
const YEARS = [1996, 1997, 1998];
const FILE = (year) => `adamaltmejd-registry-research-toolkit__regmeta__input_data__classifications__lkf${year}.csv`;
const HEADER = "vardekod,vardebenamning";

const args = process.argv.slice(2);
const check = args.includes("--check");
const dirArg = args.indexOf("--dir");
const custom = dirArg >= 0;
const dir = custom
  ? new URL(`file://${args[dirArg + 1].replace(/\/?$/, "/")}`)
  : new URL("../data/scb-codes/", import.meta.url);

function fail(message) {
  console.error(`build-scb-codes: ${message}`);
  process.exit(1);
}

// the copies must be the files the README names (their sums), unless another folder is checked on purpose
const sumsFile = new URL("SHA256SUMS", dir);
if (!custom || existsSync(sumsFile)) {
  for (const line of readFileSync(sumsFile, "utf8").trim().split("\n")) {
    const [sum, name] = line.split(/\s+\*?/);
    const actual = createHash("sha256")
      .update(readFileSync(new URL(name, dir)))
      .digest("hex");
    if (actual !== sum) fail(`${name}: SHA-256 ${actual}, SHA256SUMS says ${sum}`);
  }
}

/** One year's list: län and kommuner by code, each kommun's code by name. */
function readList(year) {
  const name = FILE(year);
  const bytes = readFileSync(new URL(name, dir));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) fail(`${name}: starts with a BOM`);
  const lines = new TextDecoder("utf-8", { fatal: true }).decode(bytes).split("\n");
  if (lines.at(-1) === "") lines.pop();
  if (lines[0] !== HEADER) fail(`${name}:1: header ${JSON.stringify(lines[0])}, expected ${HEADER}`);
  const lan = new Map();
  const kommuner = new Map();
  const byName = new Map();
  lines.slice(1).forEach((line, k) => {
    const at = `${name}:${k + 2}`;
    const m = /^(\d{2}|\d{4}),([^,"\r]+)$/.exec(line);
    if (!m) fail(`${at}: ${JSON.stringify(line)} is no "code,name" row with a 2- or 4-digit code`);
    const [, code, label] = m;
    const target = code.length === 2 ? lan : kommuner;
    if (target.has(code)) fail(`${at}: code ${code} twice`);
    target.set(code, label);
    if (code.length === 4) {
      if (!lan.has(code.slice(0, 2))) fail(`${at}: kommun ${code} ${label} before (or without) its län row`);
      if (byName.has(label))
        fail(`${at}: the name ${label} twice (${byName.get(label)}, ${code}): pairing by name needs unique names`);
      byName.set(label, code);
    }
  });
  return { year, lan, kommuner, byName };
}

const lists = YEARS.map(readList);
const lanOf = (code) => code.slice(0, 2);

const links = []; // [year, old, new]
const lanLinks = new Set(); // "year|old|new"
for (let k = 0; k + 1 < lists.length; k++) {
  const [before, after] = [lists[k], lists[k + 1]];
  const year = after.year;
  const mergers = MERGERS[year] ?? {};
  const ended = [...before.lan.keys()].filter((c) => !after.lan.has(c));
  const begun = [...after.lan.keys()].filter((c) => !before.lan.has(c));
  if (begun.length) fail(`${year}: län ${begun.join(", ")} begin, which no merger in MERGERS explains`);
  if (ended.sort().join() !== Object.keys(mergers).sort().join())
    fail(`${year}: län ${ended.join(", ") || "none"} end, MERGERS says ${Object.keys(mergers).join(", ") || "none"}`);
  const receivers = new Set(Object.values(mergers).flat());
  const paired = new Set();
  for (const [code, name] of before.kommuner) {
    const lan = lanOf(code);
    if (after.kommuner.has(code)) {
      if (after.kommuner.get(code) !== name)
        fail(`${year}: ${code} is ${name} in ${before.year} and ${after.kommuner.get(code)} in ${year}`);
      if (mergers[lan]) fail(`${year}: ${code} ${name} keeps its code though its län ${lan} ended`);
      paired.add(code);
      if (receivers.has(lan)) lanLinks.add(`${year}|${lan}|${lan}`);
      continue;
    }
    const targets = mergers[lan];
    if (!targets)
      fail(`${year}: ${code} ${name} (län ${lan}, which continues) has no code in ${year}: no merger explains it`);
    const partner = after.byName.get(name);
    if (partner === undefined)
      fail(`${year}: ${code} ${name} (${before.lan.get(lan)}) is unpaired: no kommun of that name in ${year}`);
    if (before.kommuner.has(partner))
      fail(`${year}: ${code} ${name} would pair with ${partner}, a code already held in ${before.year}`);
    if (!targets.includes(lanOf(partner)))
      fail(`${year}: ${code} ${name} pairs with ${partner}, in län ${lanOf(partner)}, not in ${targets.join(" or ")}`);
    if (paired.has(partner)) fail(`${year}: ${partner} ${name} is paired twice`);
    paired.add(partner);
    links.push([year, code, partner]);
    lanLinks.add(`${year}|${lan}|${lanOf(partner)}`);
  }
  const unpaired = [...after.kommuner.keys()].filter((c) => !paired.has(c));
  if (unpaired.length)
    fail(
      `${year}: ${unpaired.map((c) => `${c} ${after.kommuner.get(c)}`).join(", ")} unpaired: no kommun of ${before.year} goes there`,
    );
  // every merged län's kommuner reached every län MERGERS names, and no other
  for (const [lan, targets] of Object.entries(mergers)) {
    const reached = [...lanLinks].filter((l) => l.startsWith(`${year}|${lan}|`)).map((l) => l.split("|")[2]);
    if (reached.sort().join() !== [...targets].sort().join())
      fail(`${year}: the kommuner of län ${lan} went to ${reached.join(", ")}, MERGERS says ${targets.join(", ")}`);
  }
}

// former kommun codes (name and last year) and former län codes and names
const first = new Map(lists[0].kommuner);
const formerKommuner = links.map(([year, code]) => [code, first.get(code) ?? lists[1].kommuner.get(code), year - 1]);
const formerLan = [];
for (let k = 0; k + 1 < lists.length; k++) {
  for (const [code, name] of lists[k].lan) {
    if (lists[k + 1].lan.get(code) !== name) formerLan.push([code, name, lists[k].year]);
  }
}
formerLan.sort((a, b) => a[0].localeCompare(b[0]) || a[2] - b[2]);
const sortedLanLinks = [...lanLinks]
  .map((l) => l.split("|"))
  .map(([y, o, n]) => [Number(y), o, n])
  .sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]) || a[2].localeCompare(b[2]));

const selfLinks = YEARS.slice(1)
  .map((y) => [y, sortedLanLinks.filter(([ly, o, n]) => ly === y && o === n).map(([, o]) => o)])
  .map(([y, codes]) => `${codes.join(" and ")} in ${y}`)
  .join("; ");
const q = JSON.stringify;
const perYear = YEARS.slice(1).map((y) => `${y}: ${links.filter((l) => l[0] === y).length}`);
const out = `// Generated by scripts/build-scb-codes.mjs from SCB's kommun code key (knkodnyckel.xls) as per-year lists for ${YEARS.join(", ")} (data/scb-codes/, see its README). Do not edit by hand.

/** The lists read: [year, kommuner, län]. */
export const SE_CODE_LISTS: readonly (readonly [number, number, number])[] = ${q(lists.map((l) => [l.year, l.kommuner.size, l.lan.size]))};

/**
 * The renumbering of the county mergers: [year, old code, new code], in force on 1 January of the year; each pair is
 * one kommun under the same name in consecutive lists (${perYear.join(", ")}).
 */
export const SE_CODE_LINKS: readonly (readonly [number, string, string])[] = [
${links.map(([y, o, n]) => `  [${y}, ${q(o)}, ${q(n)}],`).join("\n")}
];

/** Kommun codes that ended in the renumbering: [code, name, last year]. */
export const SE_RENUMBERED_KOMMUNER: readonly (readonly [string, string, number])[] = [
${formerKommuner.map(([c, n, y]) => `  [${q(c)}, ${q(n)}, ${y}],`).join("\n")}
];

/** Län codes and names that ended (names from the lists' län rows): [code, name, last year]. */
export const SE_FORMER_LAN: readonly (readonly [string, string, number])[] = [
${formerLan.map(([c, n, y]) => `  [${q(c)}, ${q(n)}, ${y}],`).join("\n")}
];

/**
 * The county mergers as links between län: [year, old län, new län], from the län of each kommun's old and new code.
 * A län that continues and takes others in has a link to itself (${selfLinks}).
 */
export const SE_LAN_LINKS: readonly (readonly [number, string, string])[] = [
${sortedLanLinks.map(([y, o, n]) => `  [${y}, ${q(o)}, ${q(n)}],`).join("\n")}
];
`;
const summary =
  `lists ${lists.map((l) => `${l.year}:${l.kommuner.size}`).join(" ")}; ${links.length} kommun codes changed ` +
  `(${perYear.join(", ")}); ${formerLan.length} former län codes or names; ${sortedLanLinks.length} län links`;
const target = new URL("../src/regions/data/se-scb-codes.ts", import.meta.url);
if (custom) {
  // another folder: the lists are checked, nothing is written
} else if (check) {
  if (readFileSync(target, "utf8") !== out)
    fail("src/regions/data/se-scb-codes.ts differs from data/scb-codes; run node scripts/build-scb-codes.mjs");
} else writeFileSync(target, out);
console.log(summary);
