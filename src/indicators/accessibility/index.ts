export { distanceMatrix, greatCircle, type LatLon } from "./distance.ts";
export { type DecayKind } from "./decay.ts";
export { hansen, type HansenOptions, type HansenResult } from "./hansen.ts";
export { huff, type HuffOptions, type HuffResult } from "./huff.ts";
export { converse, reilly, reillyLambda } from "./retail.ts";
export { countWithin, ripley, type DistanceOptions, type Point, type RipleyRow } from "./point-pattern.ts";
