import { visible } from "./visible.ts";

/** Windows-1252's bytes for the characters it puts at 0x80-0x9F. */
const CP1252_BYTE: ReadonlyMap<string, number> = new Map(
  Array.from("€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ", (c, k) => [c, 0x80 + k] as const),
);

/** The byte a character had when UTF-8 was read as Windows-1252 or Latin-1; -1 when no single byte gives it. */
function byteOf(c: string): number {
  const code = c.charCodeAt(0);
  if (code < 0x100) return code;
  return CP1252_BYTE.get(c) ?? -1;
}

/**
 * A lead byte of a two-, three- or four-byte UTF-8 sequence (Ã, Â, â, ð, ...) read as one character, followed by
 * characters that were continuation bytes (U+0080-U+00BF, or the Windows-1252 characters of 0x80-0x9F).
 */
const MOJIBAKE = /[\u00c2-\u00f4][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]{1,3}/g;

const utf8 = new TextDecoder("utf-8", { fatal: true });

export interface Repaired {
  text: string;
  warnings: string[];
}

/**
 * Repairs text that was damaged on its way: UTF-8 that was read as Latin-1 or Windows-1252 and saved again as
 * UTF-8 (`Ã¶` for `ö`, `Ã…` for `Å`), whether the whole file or some of its lines (mixed encodings); and byte
 * order marks (U+FEFF) inside the text, as two exports joined into one file leave them. Each repair is named in a
 * warning with an example; text without either is returned as it is, after one regular-expression test.
 *
 * @example
 * repairText("0114 Upplands VÃ¤sby").text // "0114 Upplands Väsby"
 */
export function repairText(text: string): Repaired {
  const warnings: string[] = [];
  let out = text;
  const bom = out.indexOf("\ufeff", 1);
  if (bom >= 0) {
    const count = out.split("\ufeff").length - 1 - (out.startsWith("\ufeff") ? 1 : 0);
    const line = out.slice(0, bom).split(/\r\n|\r|\n/).length;
    out = out.replaceAll("\ufeff", "");
    warnings.push(
      `${count} byte order mark${count === 1 ? "" : "s"} (U+FEFF) inside the text, the first on line ${line}, ${count === 1 ? "was" : "were"} removed: were two files joined?`,
    );
  }
  MOJIBAKE.lastIndex = 0;
  if (MOJIBAKE.test(out)) {
    let repaired = 0;
    let example = "";
    out = out.replace(MOJIBAKE, (match) => {
      const lead = match.charCodeAt(0);
      const need = lead <= 0xdf ? 1 : lead <= 0xef ? 2 : 3;
      if (match.length < need + 1) return match;
      const head = match.slice(0, need + 1);
      const bytes = Array.from(head, byteOf);
      if (bytes.some((b) => b < 0)) return match;
      try {
        const fixed = utf8.decode(Uint8Array.from(bytes));
        repaired++;
        example ||= `"${visible(head)}" → "${fixed}"`;
        return fixed + match.slice(need + 1);
      } catch {
        return match;
      }
    });
    if (repaired > 0) {
      warnings.push(
        `text encoded twice (UTF-8 read as Latin-1 and saved again) was repaired in ${repaired} place${repaired === 1 ? "" : "s"}, e.g. ${example}`,
      );
    }
  }
  return { text: out, warnings };
}
