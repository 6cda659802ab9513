/** A region by its code and the name a report or a message gives it. */
export interface NamedRegion {
  code: string;
  name: string;
}

/**
 * How the region asked for relates to the unit the data hold: "renumbered", the same kommun under another code
 * (Trysil 0428 → 3421 in 2020); "merged", the code asked for became part of the data's kommun (Moss 0104 and Rygge
 * 0136 → Moss 3002); "split", the kommun asked for was part of the data's kommun, divided after the data
 * (Ålesund 1507 → Ålesund 1508 and Haram 1580 in 2024); "formed", the kommun asked for was formed after the data
 * from several of the data's kommuner (`others`), whose figures make it up.
 */
export interface RegionNote {
  kind: "renumbered" | "merged" | "split" | "formed";
  asked: NamedRegion;
  data: NamedRegion;
  /** The year of the change (1 January). */
  year: number;
  /** Merged: the other kommuner that joined; split: the other parts. */
  others: NamedRegion[];
}
