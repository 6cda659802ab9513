/** Where a table came from; reports print it as "Källa: SCB, BE0101N1". */
export interface Provenance {
  /** Agency or publisher, e.g. "SCB", "Statistisk sentralbyrå", "Eurostat". */
  source?: string;
  /** Table id, e.g. "BE0101N1", "TAB638", "07459", "demo_r_pjanaggr3". */
  tableId?: string;
  title?: string;
  unit?: string;
  /** What the value column measures, e.g. "Folkmängd". */
  measure?: string;
  footnotes?: string[];
  /** The file the table was read from. */
  file?: string;
  /** Detected format, e.g. "pxweb-csv", "px", "json-stat2". */
  format?: string;
  /** Detected text encoding, e.g. "utf-8", "windows-1252". */
  encoding?: string;
  /** Detected CSV delimiter. */
  delimiter?: string;
  /** Date of the last update at the source, as the source gave it. */
  updated?: string;
  /** The URL the table was fetched from. */
  url?: string;
  /** The query sent with it (the selection), as the API took it. */
  query?: string;
  /** When it was fetched (ISO 8601); from the cache, when the cached answer was fetched. */
  retrieved?: string;
}
