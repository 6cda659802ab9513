// Generates the benchmark data sets into bench/tmp/ (never committed). Deterministic: the same bytes every run.
//   pop-long.csv       Sweden's population by kommun × year (1975-2024) × age (0-99) × sex: 2.9 M rows, tidy
//   pop-wide.csv       the same as SCB's wide PxWeb CSV ("0114 Upplands Väsby", one column per year), Latin-1
//   emp-long.csv       employment by NUTS3 region (1 500) × industry (88) × year (20): 2.64 M rows
//   od.csv             a commuting origin-destination matrix for 3 000 areas, sparse (≈ 25 destinations each)
//   pop-scale-F.csv    pop-long.csv at F = 0.5, 1, 2, 4 times its rows, for the scaling table (more rows: the same
//                      kommuner again 50, 100, 150 years later, so that no key repeats)
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from "node:fs";
import { municipalities } from "../dist/index.js";

const dir = new URL("./tmp/", import.meta.url);
mkdirSync(dir, { recursive: true });

// a small deterministic generator (mulberry32)
function rng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function write(name, chunks, encoding = "utf8") {
  const path = new URL(name, dir);
  writeFileSync(path, Buffer.from(chunks.join(""), encoding));
  return path;
}

const kommuner = municipalities("SE");
const years = Array.from({ length: 50 }, (_, k) => 1975 + k);

export function generatePopulation() {
  if (existsSync(new URL("pop-long.csv", dir)) && existsSync(new URL("pop-wide.csv", dir))) return;
  const random = rng(1);
  const long = ["region,year,age,sex,value\n"];
  const wide = [`"region","ålder","kön",${years.map((y) => `"${y}"`).join(",")}\r\n`];
  for (const k of kommuner) {
    const size = 3000 + Math.floor(random() * 120_000);
    for (let age = 0; age < 100; age++) {
      for (const sex of ["1", "2"]) {
        const base = (size / 100) * Math.exp(-age / 70);
        const values = years.map((_, t) => Math.max(0, Math.round(base * (1 + 0.004 * t) * (0.9 + 0.2 * random()))));
        years.forEach((y, t) => long.push(`${k.code},${y},${age},${sex},${values[t]}\n`));
        wide.push(`"${k.code} ${k.name}","${age} år","${sex === "1" ? "män" : "kvinnor"}",${values.join(",")}\r\n`);
      }
    }
  }
  write("pop-long.csv", long);
  write("pop-wide.csv", wide, "latin1");
}

export function generateEmployment() {
  if (existsSync(new URL("emp-long.csv", dir))) return;
  const random = rng(2);
  const out = ["region,industry,year,value\n"];
  const countries = ["DE", "FR", "IT", "ES", "PL", "RO", "NL", "BE", "SE", "AT", "CZ", "PT", "HU", "EL", "BG"];
  for (let r = 0; r < 1500; r++) {
    const region = `${countries[r % countries.length]}${(r + 100).toString(36).toUpperCase().padStart(3, "0")}`;
    const size = 20_000 + random() * 400_000;
    for (let i = 1; i <= 88; i++) {
      const industry = String(i).padStart(2, "0");
      let v = (size / 88) * (0.2 + 1.6 * random());
      for (let y = 2005; y < 2025; y++) {
        v *= 0.97 + 0.07 * random();
        out.push(`${region},${industry},${y},${Math.round(v)}\n`);
      }
    }
  }
  write("emp-long.csv", out);
}

export function generateOd() {
  if (existsSync(new URL("od.csv", dir))) return;
  const random = rng(3);
  const out = ["origin,destination,year,value\n"];
  const n = 3000;
  for (let o = 0; o < n; o++) {
    const origin = `A${String(o).padStart(4, "0")}`;
    out.push(`${origin},${origin},2023,${Math.round(2000 + random() * 20_000)}\n`);
    const seen = new Set([o]);
    for (let k = 0; k < 25; k++) {
      const d = (o + 1 + Math.floor(random() * random() * n)) % n;
      if (seen.has(d)) continue;
      seen.add(d);
      out.push(`${origin},A${String(d).padStart(4, "0")},2023,${Math.round(1 + random() * 800)}\n`);
    }
  }
  write("od.csv", out);
}

/** pop-long.csv at `factor` times its rows (0.5: the first half of the kommuner; 2, 4: later copies of the years). */
export function generateScaled(factor) {
  const name = `pop-scale-${factor}.csv`;
  const path = new URL(name, dir);
  if (existsSync(path)) return path;
  generatePopulation();
  const text = readFileSync(new URL("pop-long.csv", dir), "latin1");
  const header = text.indexOf("\n") + 1;
  const fd = openSync(path, "w");
  if (factor < 1) {
    const rows = Math.round((text.length - header) * factor);
    const end = text.indexOf("\n", header + rows) + 1;
    writeSync(fd, text.slice(0, end), null, "latin1");
  } else {
    writeSync(fd, text, null, "latin1");
    const body = text.slice(header);
    for (let copy = 1; copy < factor; copy++) {
      // the year is the second field: 1975-2024 → +50 years per copy
      writeSync(
        fd,
        body.replace(/^([^,]*),(\d+),/gm, (_, region, year) => `${region},${Number(year) + 50 * copy},`),
        null,
        "latin1",
      );
    }
  }
  closeSync(fd);
  return path;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  generatePopulation();
  generateEmployment();
  generateOd();
}
