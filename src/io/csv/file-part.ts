import { closeSync, openSync, readSync } from "node:fs";
import { decoderFor, type Encoding, utf8Kind } from "../decode.ts";
import { type BodyPart, type Chunk, type ColumnPlan, readBodyPart } from "./body.ts";
import { recordCut } from "./chunks.ts";

/** One byte range of a CSV file to read into columns (see `readFilePart`); plain data, so a worker can take it. */
export interface PartTask {
  path: string;
  /** The range's first byte (a record start) and the byte after its last (a record end, or the file's end). */
  from: number;
  to: number;
  encoding: Encoding;
  delimiter: string;
  plans: ColumnPlan[];
  file: string | undefined;
  trailing: boolean;
  /** True for the range that starts at the header row. */
  header: boolean;
  /** Bytes read at a time. */
  chunkBytes: number;
  /**
   * The first part's columns are built with room for the rows of the whole file (`wholeBytes` of data), so that the
   * other parts are appended to them in place (see `finishBody`).
   */
  wholeBytes?: number;
  /**
   * Shared memory to read the part's rows into, one buffer per column (Float64 for numbers, Int32 for text codes):
   * the rows from `offset`, at most `slot` of them (past that the column grows into memory of its own).
   */
  shared?: { buffers: readonly SharedArrayBuffer[]; offset: number; slot: number };
}

/**
 * Reads the rows of a byte range of a CSV file without quotes into columns, in chunks that end at line ends. Line
 * numbers count from 1 at the range's first line (the caller shifts them). Undefined when the range holds a quote,
 * bytes that are not UTF-8 in a UTF-8 file, or a number format the plan did not foresee: then the file is read in
 * one pass, which settles these as it always does.
 *
 * @example
 * readFilePart({ path, from: cut, to: size, encoding: "utf-8", delimiter: ",", plans, file, trailing: false,
 *   header: false, chunkBytes: 1 << 22 })?.rows; // 1 450 917: the rows after the cut
 */
export function readFilePart(task: PartTask): BodyPart | undefined {
  const fd = openSync(task.path, "r");
  let invalid = false;
  try {
    const decoder = decoderFor(task.encoding);
    const utf8 = task.encoding === "utf-8";
    function* chunks(): Generator<Chunk> {
      let buffer = new Uint8Array(Math.min(task.chunkBytes, Math.max(1, task.to - task.from)));
      let carry = 0;
      let position = task.from;
      for (;;) {
        const want = Math.min(buffer.length - carry, task.to - position);
        let read = 0;
        while (read < want) {
          const n = readSync(fd, buffer, carry + read, want - read, position + read);
          if (n === 0) break;
          read += n;
        }
        position += read;
        const total = carry + read;
        const final = position >= task.to || read < want;
        if (final && total === 0) return;
        const end = final ? total : recordCut(buffer, total);
        if (end === 0) {
          // a line longer than the buffer: read on in a larger one
          const larger = new Uint8Array(buffer.length * 2);
          larger.set(buffer.subarray(0, total));
          buffer = larger;
          carry = total;
          continue;
        }
        const bytes = buffer.subarray(0, end);
        if (utf8 && utf8Kind(bytes) === "invalid") {
          invalid = true;
          return;
        }
        yield { bytes, decode: (s, e) => decoder.decode(bytes.subarray(s, e)), final };
        if (final) return;
        // the builders decode what they keep: the chunk's bytes may be reused
        buffer.copyWithin(0, end, total);
        carry = total - end;
      }
    }
    const part = readBodyPart(
      chunks(),
      task.wholeBytes ?? task.to - task.from,
      task.delimiter,
      task.plans,
      task.file,
      task.trailing,
      { line: 1, header: task.header },
      true,
      task.wholeBytes !== undefined || task.shared !== undefined,
      task.shared &&
        task.plans.map((p, j) =>
          p.numeric
            ? new Float64Array(task.shared!.buffers[j]!, task.shared!.offset * 8, task.shared!.slot)
            : new Int32Array(task.shared!.buffers[j]!, task.shared!.offset * 4, task.shared!.slot),
        ),
    );
    return invalid ? undefined : part;
  } finally {
    closeSync(fd);
  }
}
