export type { CodeChange } from "./data/changes.ts";
export { CODE_CHANGES } from "./code-changes.ts";
export { countyOf, findRegion, municipalities, REGIONS, type Country, type Level, type Region } from "./registry.ts";
export { recast, type RecastOptions } from "./recast.ts";
export { nutsName, SE_NUTS3_LAN } from "./nuts.ts";
export {
  resolveRegion,
  type NearRegion,
  type RegionMatch,
  type RegionResolution,
  type ResolveOptions,
} from "./resolve.ts";
export {
  loadBoundaries,
  loadBoundarySet,
  type AreaFeature,
  type Boundaries,
  type BoundarySet,
  type Shape,
  type UndrawnArea,
} from "./boundaries.ts";
