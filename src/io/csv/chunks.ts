/**
 * Where a chunk of delimited bytes may end so that the next chunk starts a record: after the last line end that is
 * not inside quotes. The chunk must itself start outside quotes (a record start). A doubled quote (`""`) toggles
 * twice, so it needs no special case. A CR at the very end is not a cut (an LF may follow in the next read).
 * Returns 0 when no line end outside quotes occurs in `bytes[0, end)`.
 *
 * @example
 * recordCut(new TextEncoder().encode('a,"b\nc"\nd,e'), 11) // 8: after the second LF, not the quoted one
 */
export function recordCut(bytes: Uint8Array, end: number): number {
  // without quotes, the last line end will do (found natively from the end)
  const quote = bytes.indexOf(0x22);
  if (quote < 0 || quote >= end) return lastLineEnd(bytes, 0, end);
  // lines before the first quote are safe; from there on, one pass that keeps the quote parity
  let cut = lastLineEnd(bytes, 0, quote + 1);
  let inQuotes = false;
  for (let i = quote; i < end; i++) {
    const c = bytes[i]!;
    if (c === 0x22) inQuotes = !inQuotes;
    else if (!inQuotes) {
      if (c === 10) cut = i + 1;
      else if (c === 13 && i + 1 < end && bytes[i + 1] !== 10) cut = i + 1;
    }
  }
  return cut;
}

/** One past the last LF (or lone CR, not at the very end) in `bytes[from, end)`, or `from` when there is none. */
function lastLineEnd(bytes: Uint8Array, from: number, end: number): number {
  if (end <= from) return from;
  const lf = bytes.lastIndexOf(10, end - 1);
  if (lf >= from) return lf + 1;
  const cr = bytes.lastIndexOf(13, end - 2);
  return cr >= from ? cr + 1 : from;
}

/**
 * Splits bytes into pieces of about `size` bytes that each end at a record end (see `recordCut`), as subarrays
 * (no copy). A record longer than `size` makes its piece longer.
 */
export function* recordPieces(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(bytes.length, start + size);
    if (end < bytes.length) {
      let cut = recordCut(bytes.subarray(start), end - start);
      // one record longer than a piece: take more until it ends
      for (let more = size * 2; cut === 0 && start + more / 2 < bytes.length; more *= 2)
        cut = recordCut(bytes.subarray(start), Math.min(bytes.length - start, more));
      end = cut === 0 ? bytes.length : start + cut;
    }
    yield bytes.subarray(start, end);
    start = end;
  }
}
