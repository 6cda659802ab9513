import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { isGzip, isUtf8 } from "../../../src/io/decode.ts";
import { sniffFormat } from "../../../src/io/read.ts";
import { decodeCp1252, encodeCp1252, encodeUtf8 } from "./encode.ts";

export type BaseEncoding = "utf-8" | "utf-8-bom" | "windows-1252";

/** One real fixture, bounded in size, as the starting point of mutations. */
export interface Base {
  /** Path under tests/fixtures/real. */
  name: string;
  /** "csv", "px", "json-stat2", "pxweb-json", "eurostat-tsv", "sdmx-csv", ... as the reader sniffs it. */
  format: string;
  /** The fixture was gzip-compressed. */
  gzip: boolean;
  encoding: BaseEncoding;
  /** The decoded text (without BOM). */
  text: string;
  /** The bytes the base is read from: `text` encoded as the fixture was. */
  bytes: Uint8Array;
  /** Line end of the file: "\r\n", "\n" or "\r". */
  eol: string;
  /** The fixture was cut to its first lines (see MAX_BASE_BYTES): its last group of rows may be short. */
  cut: boolean;
}

const ROOT = fileURLToPath(new URL("../../fixtures/real/", import.meta.url));

/** Text fixtures larger than this are cut to their first lines (at a line end), to bound the work per case. */
export const MAX_BASE_BYTES = 32 * 1024;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /^(README\.md|SHA256SUMS|\.gitattributes)$/.test(name) ? [] : [path];
  });
}

/** Encodes text as a base of this encoding (null when a character does not fit Windows-1252). */
export function encodeAs(text: string, encoding: BaseEncoding): Uint8Array | null {
  return encoding === "windows-1252" ? encodeCp1252(text) : encodeUtf8(text, encoding === "utf-8-bom");
}

/** The real fixtures as bases: decompressed, decoded, and cut to at most MAX_BASE_BYTES at a line end. */
export function loadCorpus(): Base[] {
  return files(ROOT)
    .sort()
    .map((path) => {
      const name = relative(ROOT, path).split("\\").join("/");
      let bytes: Uint8Array = readFileSync(path);
      const gzip = isGzip(bytes);
      if (gzip) bytes = gunzipSync(bytes);
      const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      const encoding: BaseEncoding = bom ? "utf-8-bom" : isUtf8(bytes) ? "utf-8" : "windows-1252";
      let text =
        encoding === "windows-1252" ? decodeCp1252(bytes) : new TextDecoder().decode(bytes.subarray(bom ? 3 : 0));
      const eol = text.includes("\r\n") ? "\r\n" : text.includes("\n") ? "\n" : text.includes("\r") ? "\r" : "\n";
      const format = sniffFormat(text) ?? "unknown";
      const cut =
        text.length > MAX_BASE_BYTES && !format.startsWith("json") && format !== "px" && format !== "pxweb-json";
      if (cut) text = text.slice(0, text.lastIndexOf(eol, MAX_BASE_BYTES) + eol.length);
      return { name, format, gzip, encoding, text, bytes: encodeAs(text, encoding)!, eol, cut };
    });
}
