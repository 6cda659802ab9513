/** Age bands live in `io/` (readers recognise ages); re-exported here for the indicators. */
export { type AgeBand, overlaps, parseAgeBand, within } from "../../io/ages.ts";
