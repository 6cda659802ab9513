/** Swedish län (21) with SCB's two-digit codes. */
export const SE_LAN: readonly (readonly [string, string])[] = [
  ["01", "Stockholms län"], ["03", "Uppsala län"], ["04", "Södermanlands län"], ["05", "Östergötlands län"],
  ["06", "Jönköpings län"], ["07", "Kronobergs län"], ["08", "Kalmar län"], ["09", "Gotlands län"],
  ["10", "Blekinge län"], ["12", "Skåne län"], ["13", "Hallands län"], ["14", "Västra Götalands län"],
  ["17", "Värmlands län"], ["18", "Örebro län"], ["19", "Västmanlands län"], ["20", "Dalarnas län"],
  ["21", "Gävleborgs län"], ["22", "Västernorrlands län"], ["23", "Jämtlands län"], ["24", "Västerbottens län"],
  ["25", "Norrbottens län"],
];

/** Norwegian fylker 2020-2023 (11). */
export const NO_FYLKER_2020: readonly (readonly [string, string])[] = [
  ["03", "Oslo"], ["11", "Rogaland"], ["15", "Møre og Romsdal"], ["18", "Nordland"], ["30", "Viken"],
  ["34", "Innlandet"], ["38", "Vestfold og Telemark"], ["42", "Agder"], ["46", "Vestland"], ["50", "Trøndelag"],
  ["54", "Troms og Finnmark"],
];

/** Norwegian fylker from 2024 (15): Viken, Vestfold og Telemark and Troms og Finnmark were split. */
export const NO_FYLKER_2024: readonly (readonly [string, string])[] = [
  ["03", "Oslo"], ["11", "Rogaland"], ["15", "Møre og Romsdal"], ["18", "Nordland"], ["31", "Østfold"],
  ["32", "Akershus"], ["33", "Buskerud"], ["34", "Innlandet"], ["39", "Vestfold"], ["40", "Telemark"],
  ["42", "Agder"], ["46", "Vestland"], ["50", "Trøndelag"], ["55", "Troms"], ["56", "Finnmark"],
];
