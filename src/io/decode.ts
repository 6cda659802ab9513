import { OmvarldError } from "../errors.ts";

export type Encoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";

export interface Decoded {
  text: string;
  encoding: Encoding;
}

/** True when the bytes start with the gzip magic number 1F 8B. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Decodes text the way agency exports need it: a BOM decides; otherwise strict UTF-8, and where that fails,
 * Windows-1252 (a superset of the Latin-1 that PxWeb writes). A file with NUL bytes and no UTF-16 BOM is binary.
 */
export function decode(bytes: Uint8Array, file?: string): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  const probe = bytes.subarray(0, 65536);
  const nul = probe.indexOf(0);
  if (nul >= 0) {
    throw new OmvarldError(
      "FILE_BINARY",
      `binary data (a NUL byte at offset ${nul}), not a statistics export`,
      { file },
      "export the table as CSV, PX or JSON-stat; an .xlsx or .zip file cannot be read directly",
    );
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}
