import type { Country } from "./registry.ts";

/**
 * The code of the nation as a region among its kommuner: SCB's "00" (Riket), SSB's "0" (Hele landet).
 *
 * @example
 * nationCode("SE") // "00"
 */
export function nationCode(country: Country): string {
  return country === "SE" ? "00" : "0";
}
