// A quoted Latin-1 CSV of 582 MB, larger than V8's longest string (2^29 characters): streamed in chunks. The file is
// generated once into bench/tmp/ (as in tests/io/large-file.test.ts, which runs it with OMVARLD_LARGE_TESTS=1).
import { createWriteStream, existsSync, mkdirSync, renameSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { read } from "../../dist/node.js";

const dir = new URL("../tmp/", import.meta.url).pathname;
const file = `${dir}large-quoted.csv`;
const valueOf = (a, c, y) => (a * 7 + c * 13 + y * 3) % 1000;
if (!existsSync(file)) {
  mkdirSync(dir, { recursive: true });
  const labels = Array.from(
    { length: 100 },
    (_, c) => `"Kategori ${c}; ""med citat"" och utfyllnad ${"x".repeat(180)}"`,
  );
  function* lines() {
    yield Buffer.from('"område";"kategori";"år";"värde"\r\n', "latin1");
    for (let a = 0; a < 290; a++) {
      const rows = [];
      for (let c = 0; c < 100; c++)
        for (let y = 0; y < 80; y++) rows.push(`"A${a} Område ${a}";${labels[c]};${1950 + y};${valueOf(a, c, y)}\r\n`);
      yield Buffer.from(rows.join(""), "latin1");
    }
  }
  await pipeline(Readable.from(lines()), createWriteStream(`${file}.part`));
  renameSync(`${file}.part`, file);
}
const t0 = performance.now();
const table = read(file);
const t1 = performance.now();
let sum = 0;
for (const v of table.numbers("värde").values) sum += v;
console.log(
  JSON.stringify({
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    load: t1 - t0,
    check: { rows: table.numRows, sum },
  }),
);
