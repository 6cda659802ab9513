import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { read } from "../../src/node.ts";
import { readDatasets } from "../../src/io/datasets-node.ts";
import {
  cacheEntry,
  clearTableCache,
  derivedEntry,
  storeCachedValue,
  codeFingerprint,
  loadCached,
  readerVersion,
  storeCached,
  tableCacheSize,
} from "../../src/io/table-cache-node.ts";
import { Table } from "../../src/table/table.ts";
import { fixture } from "../helpers.ts";
import { tableDigest } from "../helpers.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "omvarld-table-cache-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every real fixture the readers read, and two of SCB's workbooks shipped in data/. */
function files(folder = fixture("")): string[] {
  return readdirSync(folder).flatMap((f) => {
    const p = join(folder, f);
    return statSync(p).isDirectory() ? files(p) : /\.(csv|px|json|tsv|gz)$/.test(f) ? [p] : [];
  });
}
const WORKBOOKS = [
  join(root, "data/scb/ikashnitsky-mun-non-surv__dat__scb-pop__p1819.xlsx"),
  join(root, "data/scb/ikashnitsky-mun-non-surv__dat__scb-deaths__d1019.xlsx"),
];

describe("the parsed-table cache", () => {
  test("a cached read equals a fresh read: every real fixture and two workbooks", { timeout: 300_000 }, () => {
    const folder = join(dir, "all");
    const all = [...files(), ...WORKBOOKS];
    expect(all.length).toBeGreaterThanOrEqual(25);
    for (const file of all) {
      let fresh: Table;
      try {
        fresh = read(file);
      } catch {
        continue; // a fixture that is an error case is never cached
      }
      const first = read(file, { cache: { folder } });
      const second = read(file, { cache: { folder } });
      expect(tableDigest(first), file).toEqual(tableDigest(fresh));
      expect(tableDigest(second), file).toEqual(tableDigest(fresh));
    }
    const { files: entries } = tableCacheSize({ folder });
    expect(entries).toBeGreaterThanOrEqual(25);
  });

  test("a hit is read from the cache; a changed file is a miss", () => {
    const folder = join(dir, "hit");
    const path = join(dir, "befolkning.csv");
    cpSync(fixture("scb/anderssundell-stathelp__data__befolkning.csv"), path);
    const fresh = read(path, { cache: { folder } });
    // Vansbro 2017 in SCB's file
    expect(fresh.filter({ region: "2021" }).numbers("value").values[0]).toBe(6837);
    // the entry is replaced by another table under the same key: a hit returns it
    const entry = cacheEntry(path, path, {}, { folder })!;
    const doctored = fresh.withColumn("value", fresh.numbers("value").take(new Int32Array(fresh.numRows)), "measure");
    storeCached(entry, doctored);
    expect(tableDigest(read(path, { cache: { folder } }))).toEqual(tableDigest(doctored));
    // without the cache option the file is parsed
    expect(tableDigest(read(path))).toEqual(tableDigest(fresh));
    // one more row in the file: another key, parsed again
    appendFileSync(path, '"9999 Nyby",1234\r\n');
    const changed = read(path, { cache: { folder } });
    expect(changed.numRows).toBe(fresh.numRows + 1);
    expect(changed.filter({ region: "2021" }).numbers("value").values[0]).toBe(6837);
  });

  test("a changed reader is a miss: the key holds the readers' version, which hashes their code", () => {
    const folder = join(dir, "reader");
    const path = fixture("scb/anderssundell-stathelp__data__befolkning.csv");
    const table = read(path, { cache: { folder } });
    const now = cacheEntry(path, path, {}, { folder })!;
    expect(loadCached(now)?.numRows).toBe(table.numRows);
    const other = cacheEntry(path, path, {}, { folder }, "another reader")!;
    expect(other.key).not.toBe(now.key);
    expect(loadCached(other)).toBeUndefined();
    // the version follows the code: one byte changed in a reader changes it
    const copy = join(dir, "package");
    mkdirSync(join(copy, "src"), { recursive: true });
    cpSync(join(root, "package.json"), join(copy, "package.json"));
    for (const d of ["io", "table", "regions"]) cpSync(join(root, "src", d), join(copy, "src", d), { recursive: true });
    cpSync(join(root, "src/errors.ts"), join(copy, "src/errors.ts"));
    const before = codeFingerprint(join(copy, "src"));
    expect(before).toBe(readerVersion());
    const csv = join(copy, "src/io/readers/csv.ts");
    writeFileSync(csv, readFileSync(csv, "utf8").replace("const SAMPLE_ROWS = 2000;", "const SAMPLE_ROWS = 2001;"));
    expect(codeFingerprint(join(copy, "src"))).not.toBe(before);
    // so does the package's version
    writeFileSync(csv, readFileSync(csv, "utf8").replace("const SAMPLE_ROWS = 2001;", "const SAMPLE_ROWS = 2000;"));
    expect(codeFingerprint(join(copy, "src"))).toBe(before);
    const pkg = JSON.parse(readFileSync(join(copy, "package.json"), "utf8"));
    writeFileSync(join(copy, "package.json"), JSON.stringify({ ...pkg, version: "99.0.0" }));
    expect(codeFingerprint(join(copy, "src"))).not.toBe(before);
  });

  test("options that change the table are in the key; a where test given as a function is never cached", () => {
    const folder = join(dir, "options");
    const path = fixture("scb/anderssundell-stathelp__data__befolkning.csv");
    const all = read(path, { cache: { folder } });
    const some = read(path, { cache: { folder }, where: { region: ["2021", "0114"] } });
    expect(all.numRows).toBe(290);
    expect(some.numRows).toBe(2);
    expect(read(path, { cache: { folder }, where: { region: ["2021", "0114"] } }).numRows).toBe(2);
    expect(read(path, { cache: { folder } }).numRows).toBe(290);
    // the file name given is the provenance's: another name, another entry
    expect(read(path, { cache: { folder }, file: "befolkning.csv" }).provenance.file).toBe("befolkning.csv");
    expect(read(path, { cache: { folder } }).provenance.file).toBe(path);
    expect(cacheEntry(path, path, { where: { region: (c) => c === "2021" } }, { folder })).toBeUndefined();
  });

  test("a folder that cannot be written: the file is parsed, without an error", () => {
    const blocker = join(dir, "a-file");
    writeFileSync(blocker, "not a folder");
    const path = fixture("ssb/erleholgersen-elections-norway__folketall.csv");
    const table = read(path, { cache: { folder: join(blocker, "tables") } });
    expect(tableDigest(table)).toEqual(tableDigest(read(path)));
  });

  test("past the size limit the least recently used tables are removed; clearing empties the folder", () => {
    const folder = join(dir, "limit");
    const a = fixture("scb/anderssundell-stathelp__data__befolkning.csv");
    const b = fixture("scb/anderssundell-stathelp__data__countypop.csv");
    read(a, { cache: { folder } });
    const one = tableCacheSize({ folder }).bytes;
    read(b, { cache: { folder, maxBytes: one + 10 } });
    // a's table is older and the two do not fit: only b's is left
    expect(tableCacheSize({ folder }).files).toBe(1);
    expect(loadCached(cacheEntry(b, b, {}, { folder })!)?.numRows).toBe(21);
    expect(loadCached(cacheEntry(a, a, {}, { folder })!)).toBeUndefined();
    const cleared = clearTableCache({ folder });
    expect(cleared.files).toBe(1);
    expect(tableCacheSize({ folder }).files).toBe(0);
  });

  test(
    "datasets: read back whole equal to those assembled fresh; a changed file is a miss",
    { timeout: 300_000 },
    () => {
      const folder = join(dir, "datasets");
      // every table replaced by everything it holds
      const plain = (value: unknown): unknown =>
        value instanceof Table
          ? tableDigest(value)
          : Array.isArray(value)
            ? value.map(plain)
            : value && typeof value === "object"
              ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]))
              : value;
      for (const paths of [["data/scb"], ["data/ssb", "data/tf/no-regions-2003-2016.csv"]].map((p) =>
        p.map((x) => join(root, x)),
      )) {
        const fresh = plain(readDatasets(paths, { cache: false }));
        expect(plain(readDatasets(paths, { cache: { folder } }))).toEqual(fresh);
        expect(plain(readDatasets(paths, { cache: { folder } }))).toEqual(fresh);
      }
      // SCB's population 2010-2019 (five workbooks) and the deaths: as the report finds them
      const scb = readDatasets([join(root, "data/scb")], { cache: { folder } });
      expect(scb.population?.table.distinct("year")).toHaveLength(10);
      expect(scb.deaths).toHaveLength(1);
      // a doctored value under the datasets' entry is what a hit returns; one more row in a file is a miss
      const copy = join(dir, "scb-copy");
      mkdirSync(copy);
      for (const f of [
        "anderssundell-stathelp__data__befolkning.csv",
        "ikashnitsky-mun-non-surv__dat__scb-pop__p1819.xlsx",
      ])
        cpSync(join(root, "data/scb", f), join(copy, f));
      const files = readdirSync(copy)
        .sort()
        .map((f) => join(copy, f));
      const before = readDatasets([copy], { cache: { folder } });
      expect(before.unused.map((u) => u.why)).toEqual(["not a dataset the report uses"]);
      const entry = derivedEntry(
        "datasets",
        files.map((f) => cacheEntry(f, f, {}, { folder })!),
      );
      storeCachedValue(entry, { ...before, unused: [{ file: "x", why: "doctored" }] });
      expect(readDatasets([copy], { cache: { folder } }).unused).toEqual([{ file: "x", why: "doctored" }]);
      appendFileSync(files[0]!, '"9999 Nyby",1234\r\n');
      expect(readDatasets([copy], { cache: { folder } }).unused.map((u) => u.why)).toEqual([
        "not a dataset the report uses",
      ]);
    },
  );
});
