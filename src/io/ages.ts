/** An age band [from, to], `to` Infinity for an open band ("90+"). */
export interface AgeBand {
  from: number;
  to: number;
}

/**
 * Reads an age label as agencies write it: "0", "0 år", "1-4", "1–4 år", "90+", "90+ år", "100 år och äldre",
 * "Y_LT15", "Y15-64", "Y_GE65", "Y5" (Eurostat), "F0-19" (SSB). Null for totals and unknown ages.
 *
 * @example
 * parseAgeBand("65-79 år") // { from: 65, to: 79 }
 */
export function parseAgeBand(label: string): AgeBand | null {
  const open =
    /^y?(\d+)\s*(?:(?:år|years?)\s+)?(?:\+|och äldre|og eldre|og over|eller eldre|eller äldre|and over|and older|or older|or over)/.exec(
      label.trim().toLowerCase(),
    );
  if (open) return { from: Number(open[1]), to: Infinity };
  const t = label
    .trim()
    .toLowerCase()
    .replace(/\s*(år|years?|year|aar)\b.*$/, "")
    .replace(/^f(?=\d)/, "");
  let m = /^y?_?lt(\d+)$/.exec(t);
  if (m) return { from: 0, to: Number(m[1]) - 1 };
  m = /^y?_?ge(\d+)$/.exec(t);
  if (m) return { from: Number(m[1]), to: Infinity };
  m = /^y?(\d+)\s*[-–]\s*(\d+)$/.exec(t);
  if (m) return { from: Number(m[1]), to: Number(m[2]) };
  m = /^y?(\d+)\s*(\+|-$|och äldre|og eldre|and over|or older)/.exec(t);
  if (m) return { from: Number(m[1]), to: Infinity };
  m = /^y?(\d+)$/.exec(t);
  if (m) return { from: Number(m[1]), to: Number(m[1]) };
  return null;
}

/** True when `inner` lies within `outer`. */
export function within(inner: AgeBand, outer: AgeBand): boolean {
  return inner.from >= outer.from && inner.to <= outer.to;
}

/** True when two bands share an age. */
export function overlaps(a: AgeBand, b: AgeBand): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/**
 * True for a label that stands for all ages together: "Total", "totalt ålder", "All ages", "Alle aldre", "TOTAL",
 * Eurostat's "T". The one list of such labels: readers and the report ask this function.
 *
 * @example
 * isAllAges("TOTAL") // true
 * isAllAges("65+")   // false
 */
export function isAllAges(label: string): boolean {
  return /^(t|total|totalt|totalt ålder|totalt, alla åldrar|alla åldrar|samtliga åldrar|all ages|alle aldre|i alt|total ages|tot)$/.test(
    label.trim().toLowerCase(),
  );
}
