export type Sex = "female" | "male";

/**
 * The sex an agency's label stands for: Eurostat F/M, SCB kvinnor/män, SSB kvinner/menn (Females/Males,
 * Girls/Boys in SSB's birth tables), codes 2/1; null for totals ("T", "totalt", "Both sexes") and anything else.
 *
 * @example
 * sexOf("kvinnor") // "female"
 * sexOf("Boys")    // "male"
 */
export function sexOf(label: unknown): Sex | null {
  const l = String(label).trim().toLowerCase();
  if (
    /^(f|k|2|female|females|women|woman|kvinnor|kvinna|kvinner|kvinne|girls|girl|flickor|jenter|jente|piker)$/.test(l)
  )
    return "female";
  if (/^(m|1|male|males|men|män|man|menn|mann|boys|boy|pojkar|gutter|gutt)$/.test(l)) return "male";
  return null;
}

/**
 * True for a label that stands for both sexes together: "T", "Totalt", "Total", "Both sexes", "Begge kjønn", "0".
 * The one list of such labels: readers, the report and the annex ask this function.
 *
 * @example
 * isBothSexes("totalt båda könen") // true
 * isBothSexes("kvinnor")           // false
 */
export function isBothSexes(label: unknown): boolean {
  return /^(t|0|total|totalt|totalt kön|totalt båda könen|both sexes|begge kjønn|begge kjønn i alt|i alt|alla|kön totalt|totals?)$/.test(
    String(label).trim().toLowerCase(),
  );
}
