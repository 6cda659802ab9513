import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import { NumberColumn, StringColumn } from "../../table/column.ts";
import type { Encoding } from "../decode.ts";
import { type Body, type BodyPart, type ColumnPlan, finishBody } from "./body.ts";
import { type PartTask, readFilePart } from "./file-part.ts";

/** Data below this many bytes are read on one thread: a worker's start (30-60 ms) would eat what it saves. */
export const PARALLEL_MIN_BYTES = 1 << 25;

/** How many bodies were read on several threads in this process (for tests that must know the path was taken). */
export const parallelStats = { bodies: 0 };

/** At most this many threads read one file (the calling one included). */
const MAX_THREADS = 4;

/** The worker's script: the compiled module beside this one, or (running from the TypeScript sources) a bundle. */
let workerScript: URL | null | undefined;

function scriptOfWorker(): URL | null {
  if (workerScript !== undefined) return workerScript;
  const here = new URL(import.meta.url);
  // a bundle of omvarld has no worker module beside it: then one thread reads
  if (here.pathname.endsWith(".js")) {
    const script = new URL("./parallel-worker.js", here);
    workerScript = here.protocol === "file:" && existsSync(fileURLToPath(script)) ? script : null;
  } else {
    // the sources are TypeScript, which Node 20 cannot run in a worker: bundle the worker with esbuild (a
    // development dependency), or read on one thread where it is missing
    try {
      const esbuild = createRequire(import.meta.url)("esbuild") as {
        buildSync(options: object): { outputFiles: { text: string }[] };
      };
      const built = esbuild.buildSync({
        entryPoints: [fileURLToPath(new URL("./parallel-worker.ts", here))],
        bundle: true,
        format: "esm",
        platform: "node",
        write: false,
      });
      const dir = mkdtempSync(join(tmpdir(), "omvarld-worker-"));
      process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
      const out = join(dir, "parallel-worker.mjs");
      writeFileSync(out, built.outputFiles[0]!.text);
      workerScript = pathToFileURL(out);
    } catch {
      workerScript = null;
    }
  }
  return workerScript;
}

/**
 * The worker's first code, as a script: imports the worker module, then reads the task it is sent on its port.
 * Whatever happens it raises the flag the calling thread waits on, so that a worker that fails to start cannot leave
 * it waiting.
 */
const BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
const { port, done, script } = workerData;
const finish = () => { Atomics.store(done, 0, 1); Atomics.notify(done, 0); };
import(script).then(
  (m) => port.once("message", (task) => { try { m.run({ ...task, port }); } catch { port.postMessage(null); } finally { finish(); } }),
  () => { port.postMessage(null); finish(); },
);
`;

/** Worker threads started ahead of a read, each waiting for its part (see `startWorkers`). */
export interface WorkerPool {
  readonly workers: readonly { worker: Worker; port: MessagePort; done: Int32Array }[];
  /** Ends the workers (whether or not they were given a part). */
  close(): void;
}

/**
 * Starts the worker threads a parallel read of a file of `bytes` bytes would use, so that they load their code
 * while the calling thread sniffs the file and plans its columns; none where the read will be on one thread.
 *
 * @example
 * const pool = startWorkers(statSync(path).size); // one worker on 2 cores; undefined below 32 MiB
 * pool?.close(); // after readBodyParallel(pool, …)
 */
export function startWorkers(
  bytes: number,
  options: { threads?: number; minBytes?: number } = {},
): WorkerPool | undefined {
  const threads = Math.min(MAX_THREADS, options.threads ?? availableParallelism());
  if (threads < 2 || bytes < (options.minBytes ?? PARALLEL_MIN_BYTES)) return undefined;
  const script = scriptOfWorker();
  if (!script) return undefined;
  const workers: { worker: Worker; port: MessagePort; done: Int32Array }[] = [];
  const close = () => {
    for (const { worker, port } of workers) {
      port.close();
      void worker.terminate();
    }
  };
  // a runtime whose worker threads cannot start this way (evaluated code, shared memory) reads on one thread
  try {
    startEach(workers, threads, script);
  } catch {
    close();
    return undefined;
  }
  return { workers, close };
}

function startEach(
  workers: { worker: Worker; port: MessagePort; done: Int32Array }[],
  threads: number,
  script: URL,
): void {
  for (let k = 1; k < threads; k++) {
    const { port1, port2 } = new MessageChannel();
    const done = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: { script: script.href, port: port2, done },
      transferList: [port2],
    });
    worker.unref();
    workers.push({ worker, port: port1, done });
  }
}

/** Where a file's data may be cut into `parts` ranges: after the first line end past each even share. */
function cuts(path: string, from: number, to: number, parts: number): number[] | null {
  const fd = openSync(path, "r");
  try {
    const window = new Uint8Array(1 << 16);
    const out = [from];
    for (let k = 1; k < parts; k++) {
      const at = from + Math.floor(((to - from) * k) / parts);
      const n = readSync(fd, window, 0, window.length, at);
      const lf = window.subarray(0, n).indexOf(10);
      if (lf < 0) return null;
      const cut = at + lf + 1;
      if (cut <= out.at(-1)! || cut >= to) return null;
      out.push(cut);
    }
    out.push(to);
    return out;
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads the data rows of a large CSV file without quotes on several threads: the bytes from `from` (the header row)
 * to `to` are cut after line ends into one range per thread; the calling thread reads the first range while worker
 * threads read the others into columns of their own, which are then joined in order (one dictionary per text
 * column, in the order values first occur) and checked as one body, so the table is the one a single pass gives.
 * Undefined when the file is too small, the machine has one core, or a range cannot be read apart (a quote, a byte
 * that is not UTF-8 in a UTF-8 file, a number format first seen after the sample, any error): the caller then reads
 * it in one pass, which gives the same table, or the error with its true line.
 *
 * @example
 * readBodyParallel(pool, "pop-long.csv", 26, 54_515_585, "utf-8", ",", plans, "pop-long.csv", false);
 * // the body of 2.9 M rows, read on two threads; undefined where the file must be read in one pass
 */
export function readBodyParallel(
  pool: WorkerPool,
  path: string,
  from: number,
  to: number,
  encoding: Encoding,
  delimiter: string,
  plans: ColumnPlan[],
  file: string | undefined,
  trailing: boolean,
  options: { minBytes?: number; chunkBytes?: number } = {},
): Body | undefined {
  const threads = pool.workers.length + 1;
  if (to - from < (options.minBytes ?? PARALLEL_MIN_BYTES)) return undefined;
  const ranges = cuts(path, from, to, threads);
  if (!ranges) return undefined;
  // smaller reads than one pass's 16 MiB: each thread holds one buffer
  const chunkBytes = Math.min(options.chunkBytes ?? 1 << 22, 1 << 22);
  const base = { path, encoding, delimiter, plans, file, trailing, chunkBytes };
  // the parts' rows go into shared memory, each part's from its estimated start, so that joining them moves rows
  // within one buffer instead of holding two copies (see `joinColumns`)
  const slots = rowSlots(path, ranges);
  const buffers = slots ? plans.map((p) => new SharedArrayBuffer(slots.total * (p.numeric ? 8 : 4))) : undefined;
  const shared = (k: number) =>
    slots && buffers ? { shared: { buffers, offset: slots.offsets[k]!, slot: slots.sizes[k]! } } : {};
  pool.workers.forEach(({ port }, k) => {
    port.postMessage({
      ...base,
      from: ranges[k + 1]!,
      to: ranges[k + 2]!,
      header: false,
      ...shared(k + 1),
    } satisfies PartTask);
  });
  const t0 = performance.now();
  const first = firstPart({
    ...base,
    from: ranges[0]!,
    to: ranges[1]!,
    header: true,
    ...(slots ? shared(0) : { wholeBytes: to - from }),
  });
  if (!first) return undefined;
  const parts: BodyPart[] = [first];
  // a worker that has not answered long after the calling thread finished its equal share has died
  const patience = Math.max(120_000, 20 * (performance.now() - t0));
  for (const { port, done } of pool.workers) {
    const waited = performance.now();
    while (Atomics.load(done, 0) === 0) {
      if (performance.now() - waited > patience) return undefined;
      Atomics.wait(done, 0, 0, 1000);
    }
    const message = receiveMessageOnPort(port)?.message as WorkerPart | null | undefined;
    if (!message) return undefined;
    parts.push(fromWorker(message));
  }
  // each range counted its lines from 1: shift them to the file's
  for (let k = 1; k < parts.length; k++) {
    const p = parts[k]!;
    const shift = parts[k - 1]!.endLine - 1;
    p.firstLine += shift;
    p.endLine += shift;
    if (p.lines) for (let r = 0; r < p.rows; r++) p.lines[r]! += shift;
  }
  const body = finishBody(parts, plans, file, delimiter, trailing);
  parallelStats.bodies++;
  return body;
}

/**
 * The first range, read on the calling thread; undefined where it fails: one pass then reads the file again and
 * raises the error as it always does (a chunk's end may be told from a cut differently in chunks of another size).
 */
function firstPart(task: PartTask): BodyPart | undefined {
  try {
    return readFilePart(task);
  } catch {
    return undefined;
  }
}

/** Rows a slot holds beyond the estimate, in parts of it (a tenth), and at least. */
const SLACK = 0.1;
const MIN_SLACK = 1024;

/**
 * Room for each range's rows in the shared columns: the rows per byte counted in the data's first 64 KiB, times each
 * range's bytes, a tenth more; undefined where the estimate would be too large for shared memory.
 */
function rowSlots(
  path: string,
  ranges: readonly number[],
): { offsets: number[]; sizes: number[]; total: number } | undefined {
  const fd = openSync(path, "r");
  const probe = new Uint8Array(1 << 16);
  let probed: number;
  try {
    probed = readSync(fd, probe, 0, probe.length, ranges[0]!);
  } finally {
    closeSync(fd);
  }
  let lines = 0;
  for (let i = probe.indexOf(10); i >= 0 && i < probed; i = probe.indexOf(10, i + 1)) lines++;
  if (lines < 2 || probed === 0) return undefined;
  const perByte = lines / probed;
  const sizes = ranges.slice(1).map((end, k) => Math.ceil((end - ranges[k]!) * perByte * (1 + SLACK)) + MIN_SLACK);
  const offsets = sizes.map((_, k) => sizes.slice(0, k).reduce((s, x) => s + x, 0));
  const total = sizes.reduce((s, x) => s + x, 0);
  // a shared buffer of more than 2^31 bytes, or rows past an Int32 index: left to the parts' own memory
  return total * 8 < 2 ** 31 ? { offsets, sizes, total } : undefined;
}

/** A part as a worker posts it: its columns as plain typed arrays and dictionaries. */
type WorkerPart = Omit<BodyPart, "columns"> & {
  columns: ({ type: "number"; values: Float64Array } | { type: "string"; codes: Int32Array; dictionary: string[] })[];
};

function fromWorker(message: WorkerPart): BodyPart {
  return {
    ...message,
    columns: message.columns.map((c) =>
      c.type === "number" ? new NumberColumn(c.values) : new StringColumn(c.codes, c.dictionary),
    ),
  };
}
