/** The budget annex: see `annex/index.ts`. */
export * from "./annex/index.ts";
