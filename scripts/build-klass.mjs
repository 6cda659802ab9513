// Generates src/regions/data/no-klass.ts (--check: compares instead of writing) from SSB's classification service KLASS (classification 131,
// "Standard for kommuneinndeling"), saved in data/klass/ (see its README). Run: node scripts/build-klass.mjs
//
// Every kommuneinndeling version from 2002 on gives the kommuner valid from its 1 January until the next version; the
// change table gives every code change (old code → new code on a date). The script checks that the two agree: every
// code that disappears between two versions is an old code of a change in between, every code that appears is a new
// code, and a code that continues through a change that gives it territory is listed as a change to itself.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";

const dir = new URL("../data/klass/", import.meta.url);
const prefix = "opisthokonta-kommuneendringer__data-raw__";
const read = (name) => JSON.parse(readFileSync(new URL(prefix + name, dir), "utf8"));

// Fylke names (SSB, classification 104 "Standard for fylkesinndeling"); a fylke's validity comes from the kommune
// codes: the fylke of a kommune is its first two digits.
const FYLKER = {
  "01": "Østfold",
  "02": "Akershus",
  "03": "Oslo",
  "04": "Hedmark",
  "05": "Oppland",
  "06": "Buskerud",
  "07": "Vestfold",
  "08": "Telemark",
  "09": "Aust-Agder",
  10: "Vest-Agder",
  11: "Rogaland",
  12: "Hordaland",
  14: "Sogn og Fjordane",
  15: "Møre og Romsdal",
  16: "Sør-Trøndelag",
  17: "Nord-Trøndelag",
  18: "Nordland",
  19: "Troms",
  20: "Finnmark",
  30: "Viken",
  31: "Østfold",
  32: "Akershus",
  33: "Buskerud",
  34: "Innlandet",
  38: "Vestfold og Telemark",
  39: "Vestfold",
  40: "Telemark",
  42: "Agder",
  46: "Vestland",
  50: "Trøndelag",
  54: "Troms og Finnmark",
  55: "Troms",
  56: "Finnmark",
};
/** Codes of KLASS items that are no kommune. */
const NOT_KOMMUNE = new Set(["9999"]); // "Uoppgitt" (unknown)

function fail(message) {
  console.error(`build-klass: ${message}`);
  process.exit(1);
}

const classification = read("131.json");
const files = readdirSync(dir)
  .filter((f) => /Kommuneinndeling_\d{4}\.json$/.test(f))
  .sort();
const versions = files.map((f) => {
  const v = JSON.parse(readFileSync(new URL(f, dir), "utf8"));
  const year = Number(v.validFrom.slice(0, 4));
  if (v.validFrom !== `${year}-01-01`) fail(`${f}: validFrom ${v.validFrom} is not 1 January`);
  const meta = classification.versions.find((m) => m.validFrom === v.validFrom);
  if (!meta) fail(`${f}: no version valid from ${v.validFrom} in 131.json`);
  const items = v.classificationItems.filter((i) => !NOT_KOMMUNE.has(i.code));
  for (const i of items)
    if (!/^\d{4}$/.test(i.code) || i.level !== "1") fail(`${f}: unexpected item ${i.code} ${i.name}`);
  return { year, validTo: meta.validTo ? Number(meta.validTo.slice(0, 4)) : null, items, file: f };
});
versions.sort((a, b) => a.year - b.year);
for (let k = 0; k + 1 < versions.length; k++) {
  if (versions[k].validTo !== versions[k + 1].year)
    fail(`version ${versions[k].year} ends ${versions[k].validTo}, next starts ${versions[k + 1].year}`);
}
if (versions.at(-1).validTo !== null) fail(`the last version ${versions.at(-1).year} has an end`);
const first = versions[0].year;

// Spells: one row per code and name, from the first to the last year of the versions that hold them
const spells = [];
const open = new Map(); // code → spell
for (const [k, v] of versions.entries()) {
  const last = k + 1 < versions.length ? versions[k + 1].year - 1 : 0;
  const seen = new Set();
  for (const { code, name } of v.items) {
    seen.add(code);
    const spell = open.get(code);
    if (spell && spell.name === name) spell.to = last;
    else {
      if (spell) open.delete(code);
      const s = { code, name, from: v.year === first ? 0 : v.year, to: last };
      spells.push(s);
      open.set(code, s);
    }
  }
  for (const code of [...open.keys()]) if (!seen.has(code)) open.delete(code);
}

// Fylker from the kommune prefixes per version
const fylker = [];
const openFylke = new Map();
for (const [k, v] of versions.entries()) {
  const last = k + 1 < versions.length ? versions[k + 1].year - 1 : 0;
  const codes = new Set(v.items.map((i) => i.code.slice(0, 2)));
  for (const code of [...codes].sort()) {
    if (!FYLKER[code]) fail(`no name for fylke ${code} (version ${v.year})`);
    const spell = openFylke.get(code);
    if (spell) spell.to = last;
    else {
      const s = { code, name: FYLKER[code], from: v.year === first ? 0 : v.year, to: last };
      fylker.push(s);
      openFylke.set(code, s);
    }
  }
  for (const code of [...openFylke.keys()]) if (!codes.has(code)) openFylke.delete(code);
}

// Changes: links old → new per year; a row whose old and new code are the same and that is the code's only row in
// its year is a change of name only, which is no code change.
const rows = read("changetables.json").codeChanges.map((c) => {
  const year = Number(c.changeOccurred.slice(0, 4));
  if (c.changeOccurred !== `${year}-01-01`)
    fail(`change ${c.oldCode} → ${c.newCode} on ${c.changeOccurred}, not 1 January`);
  return { year, from: c.oldCode.trim(), to: c.newCode.trim() };
});
const key = (r) => `${r.year}|${r.from}|${r.to}`;
if (new Set(rows.map(key)).size !== rows.length) fail("duplicate rows in the change table");
const touching = (year, code) => rows.filter((r) => r.year === year && (r.from === code || r.to === code));
const links = rows.filter((r) => r.from !== r.to || touching(r.year, r.from).length > 1);
links.sort((a, b) => a.year - b.year || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));

// Check the links against the versions
for (let k = 0; k + 1 < versions.length; k++) {
  const before = new Set(versions[k].items.map((i) => i.code));
  const after = new Set(versions[k + 1].items.map((i) => i.code));
  const between = links.filter((l) => versions[k].year < l.year && l.year <= versions[k + 1].year);
  for (const code of before) {
    if (!after.has(code) && !between.some((l) => l.from === code))
      fail(`${code} ends after ${versions[k].year} without a change`);
  }
  for (const code of after) {
    if (!before.has(code) && !between.some((l) => l.to === code))
      fail(`${code} starts in ${versions[k + 1].year} without a change`);
  }
  for (const l of between) {
    if (!before.has(l.from))
      fail(`change ${l.year} ${l.from} → ${l.to}: ${l.from} is not in version ${versions[k].year}`);
    if (!after.has(l.to))
      fail(`change ${l.year} ${l.from} → ${l.to}: ${l.to} is not in version ${versions[k + 1].year}`);
    // a code that continues and receives territory must be listed as a change to itself, or recasting backwards
    // would send all of it to the other source
    if (before.has(l.to) && after.has(l.to) && !between.some((m) => m.from === l.to && m.to === l.to)) {
      fail(`${l.to} continues through ${l.year} and gains from ${l.from}, but has no row ${l.to} → ${l.to}`);
    }
  }
}

const q = JSON.stringify;
const out = `// Generated by scripts/build-klass.mjs from SSB KLASS classification 131 (data/klass/, versions ${versions.map((v) => v.year).join(", ")} and the change table). Do not edit by hand.

/** KLASS kommuneinndeling versions: [first year, number of kommuner] ("9999 Uoppgitt" not counted). A version is valid until the next one begins. */
export const NO_KLASS_VERSIONS: readonly (readonly [number, number])[] = ${q(versions.map((v) => [v.year, v.items.length]))};

/**
 * Kommuner: [code, name, from, to], one row per code and name. \`from\` is the first year (1 January) of the code
 * under that name, 0 where it already held in ${first} (the earliest version here); \`to\` the last year, 0 if still valid.
 */
export const NO_KOMMUNER: readonly (readonly [string, string, number, number])[] = [
${spells.map((s) => `  [${q(s.code)}, ${q(s.name)}, ${s.from}, ${s.to}],`).join("\n")}
];

/** Fylker: [code, name, from, to] as for kommuner; the fylke of a kommune is its first two digits. */
export const NO_FYLKER: readonly (readonly [string, string, number, number])[] = [
${fylker.map((s) => `  [${q(s.code)}, ${q(s.name)}, ${s.from}, ${s.to}],`).join("\n")}
];

/**
 * Code changes since 1972: [year, old code, new code], in force on 1 January of the year. A split is several rows with
 * the same old code, a merger several rows with the same new code; a code that continues and gains or loses territory
 * has a row to itself. Changes of name only are left out.
 */
export const NO_CODE_LINKS: readonly (readonly [number, string, string])[] = [
${links.map((l) => `  [${l.year}, ${q(l.from)}, ${q(l.to)}],`).join("\n")}
];
`;
const target = new URL("../src/regions/data/no-klass.ts", import.meta.url);
if (process.argv.includes("--check")) {
  // the generated module must be what this script writes from data/klass
  if (readFileSync(target, "utf8") !== out)
    fail("src/regions/data/no-klass.ts differs from data/klass; run node scripts/build-klass.mjs");
} else writeFileSync(target, out);
console.log(
  `versions ${versions.map((v) => `${v.year}:${v.items.length}`).join(" ")}; ${spells.length} kommune rows, ` +
    `${fylker.length} fylke rows, ${links.length} change links (${rows.length - links.length} name changes left out)`,
);
