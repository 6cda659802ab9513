import type { Country } from "../../regions/registry.ts";
import type { Locale } from "../locale.ts";

/**
 * The language where none is asked for: Swedish.
 *
 * @example
 * localeOr(undefined) // "sv"
 */
export function localeOr(locale: Locale | undefined): Locale {
  return locale ?? "sv";
}

/**
 * The language of a country's tables where none is asked for: Norwegian bokmål (nb) for Norway's, else Swedish.
 *
 * @example
 * countryLocale("NO") // "nb"
 */
export function countryLocale(country: Country | undefined, locale?: Locale): Locale {
  return locale ?? (country === "NO" ? "nb" : "sv");
}
