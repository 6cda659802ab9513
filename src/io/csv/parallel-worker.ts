import type { MessagePort } from "node:worker_threads";
import type { BodyPart } from "./body.ts";
import { type PartTask, readFilePart } from "./file-part.ts";

/** What a worker is given: its part and the port to answer on. */
export interface WorkerTask extends PartTask {
  port: MessagePort;
}

/**
 * A worker's job (see `readBodyParallel`): reads its part of the file and posts it on the port, its typed arrays
 * moved, not copied; `null` when the part cannot be read apart (or anything failed: the caller then reads the
 * file in one pass, which reports any error with its true line).
 */
export function run(task: WorkerTask): void {
  let part: BodyPart | undefined;
  try {
    part = readFilePart(task);
  } catch {
    part = undefined;
  }
  const moved: ArrayBuffer[] = [];
  if (part) {
    // columns in shared memory are shared, not moved
    for (const c of part.columns) {
      const buffer = (c.type === "number" ? c.values : c.codes).buffer;
      if (!(buffer instanceof SharedArrayBuffer)) moved.push(buffer);
    }
    if (part.lines) moved.push(part.lines.buffer as ArrayBuffer);
  }
  task.port.postMessage(
    part
      ? {
          ...part,
          columns: part.columns.map((c) =>
            c.type === "number"
              ? { type: "number", values: c.values }
              : { type: "string", codes: c.codes, dictionary: c.dictionary },
          ),
        }
      : null,
    [...new Set(moved)],
  );
}
