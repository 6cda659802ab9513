import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { gunzipSync, inflateRawSync } from "node:zlib";
import { OmvarldError } from "../errors.ts";
import type { Table } from "../table/table.ts";
import type { Chunk } from "./csv/body.ts";
import { decoderFor, type Encoding, isGzip, sniffEncoding, utf8Kind } from "./decode.ts";
import { csvOptions, keepWhere, LARGE, readBytes, type ReadOptions, sniffFormat } from "./read.ts";
import { readCsvChunks } from "./readers/csv.ts";
import { isZip } from "./xlsx/sheet.ts";

/**
 * Reads an agency export from a file, or from bytes: sniffs gzip, encoding, format and delimiter.
 * A large CSV without quotes is streamed in chunks, so that memory holds the table, not the file.
 *
 * @example
 * import { read } from "omvarld/node";
 * const pop = read("data/scb/befolkning.csv");
 * pop.filter({ region: "2021" }).toRows(); // [{ region: "2021", region_name: "Vansbro", year: 2017, value: 6837 }]
 */
export function read(pathOrBytes: string | Uint8Array, options: NodeReadOptions = {}): Table {
  if (typeof pathOrBytes !== "string") return readBytes(pathOrBytes, { gunzip: gunzipSync, inflateRaw: inflateRawSync, ...options });
  const file = options.file ?? pathOrBytes;
  const size = fileSize(pathOrBytes, file);
  if (size > (options.streamAbove ?? LARGE)) {
    const streamed = streamCsv(pathOrBytes, size, { ...options, file }, options.chunkBytes ?? CHUNK);
    if (streamed) return keepWhere(streamed, options.where, file);
  }
  return readBytes(readFileSync(pathOrBytes), { gunzip: gunzipSync, inflateRaw: inflateRawSync, ...options, file });
}

function fileSize(path: string, file: string): number {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new OmvarldError("ARGUMENT", "is a folder, not a file", { file }, "name a file inside it");
    return stat.size;
  } catch (error) {
    if (error instanceof OmvarldError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new OmvarldError("ARGUMENT", code === "ENOENT" ? "no such file" : `cannot read the file (${code})`, { file });
  }
}

const CHUNK = 1 << 24;

export interface NodeReadOptions extends ReadOptions {
  /** Files larger than this (bytes) are streamed where they can be: CSV without quotes. Default 4 MiB. */
  streamAbove?: number;
  /** Chunk size when streaming (bytes). Default 16 MiB. */
  chunkBytes?: number;
}

/** Thrown inside the stream when a quote turns up: the file then goes the ordinary way. */
class QuoteFound extends Error {}

/** Streams a large CSV without quotes; undefined when the file is something else (then it is read whole). */
function streamCsv(path: string, size: number, options: ReadOptions & { file: string }, chunkBytes: number): Table | undefined {
  const fd = openSync(path, "r");
  try {
    const probe = new Uint8Array(Math.min(size, 1 << 20));
    readSync(fd, probe, 0, probe.length, 0);
    if (isGzip(probe) || isZip(probe) || probe.indexOf(0x22) >= 0) return undefined;
    const cut = probe.lastIndexOf(10) + 1 || probe.length;
    const sniffed = sniffEncoding(probe.subarray(0, cut), options.file);
    const bom = sniffed.bom;
    let encoding = sniffed.encoding;
    if (encoding.startsWith("utf-16")) return undefined;
    const head = decoderFor(encoding).decode(probe.subarray(bom, cut));
    if ((options.format ?? sniffFormat(head)) !== "csv") return undefined;
    let decoder = decoderFor(encoding);
    let sawNonAscii = false;
    function* chunks(headerOffset: number): Generator<Chunk> {
      const buffer = new Uint8Array(chunkBytes);
      let position = bom + headerOffset;
      let carry = 0;
      for (;;) {
        const read = readSync(fd, buffer, carry, chunkBytes - carry, position);
        position += read;
        const total = carry + read;
        const final = read === 0 || position >= size;
        let end = final ? total : buffer.lastIndexOf(10, total - 1) + 1 || buffer.lastIndexOf(13, total - 1) + 1;
        if (end === 0) end = total; // a line longer than a chunk: cannot happen in agency exports
        const bytes = buffer.subarray(0, end);
        if (bytes.indexOf(0x22) >= 0) throw new QuoteFound();
        if (encoding === "utf-8") {
          const kind = utf8Kind(bytes);
          if (kind === "invalid") {
            if (sawNonAscii) {
              throw new OmvarldError("PARSE", "the file mixes UTF-8 and another encoding", { file: options.file }, "save it again in one encoding");
            }
            encoding = "windows-1252";
            decoder = decoderFor(encoding);
          } else if (kind === "utf-8") sawNonAscii = true;
        }
        const decode = decoder;
        yield { bytes, decode: (s, e) => decode.decode(bytes.subarray(s, e)) };
        if (final) return;
        buffer.copyWithin(0, end, total);
        carry = total - end;
      }
    }
    const table = readCsvChunks(head, chunks, size - bom, csvOptions(options));
    return table.withProvenance({ encoding: encoding as Encoding, file: options.file });
  } catch (error) {
    if (error instanceof QuoteFound) return undefined;
    throw error;
  } finally {
    closeSync(fd);
  }
}
