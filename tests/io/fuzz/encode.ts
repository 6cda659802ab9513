/** Windows-1252's characters in 0x80-0x9F (undefined where the code page has a hole). */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const TO_CP1252 = new Map([...CP1252_HIGH].map((c, k) => [c, 0x80 + k]));

/** Encodes text as Windows-1252; returns null when a character has no byte there. */
export function encodeCp1252(text: string): Uint8Array | null {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const b = c < 0x80 || (c >= 0xa0 && c <= 0xff) ? c : TO_CP1252.get(text[i]!);
    if (b === undefined) return null;
    out[i] = b;
  }
  return out;
}

/** Decodes Windows-1252 bytes, with 0x80-0x9F as the code page has them (not C1 controls). */
export function decodeCp1252(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return s;
}

/** UTF-8 bytes of `text`, with a BOM when asked. */
export function encodeUtf8(text: string, bom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** UTF-16 bytes of `text`, little- or big-endian, with or without a BOM. */
export function encodeUtf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const s = bom ? `\ufeff${text}` : text;
  const out = new Uint8Array(s.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < s.length; i++) view.setUint16(i * 2, s.charCodeAt(i), littleEndian);
  return out;
}
