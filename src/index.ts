/**
 * omvarld: environmental scanning (omvärldsanalys) of municipalities and regions.
 * This entry is runtime-neutral (Node, Deno, browsers); file access lives in `omvarld/node`.
 */
export { OmvarldError, type ErrorCode } from "./errors.ts";
export * from "./table/index.ts";
export * from "./regions/index.ts";
export * from "./io/index.ts";
export * from "./indicators/index.ts";
export * from "./charts/index.ts";
export * from "./report/index.ts";
