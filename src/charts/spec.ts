import type { Config, TopLevelSpec } from "vega-lite";
import type { Field } from "vega-lite/types_unstable/channeldef.js";
import type { Encoding } from "vega-lite/types_unstable/encoding.js";
import type { LayerSpec, UnitSpec } from "vega-lite/types_unstable/spec/index.js";

/** A whole chart: Vega-Lite's own top-level spec type, so that a misspelt channel or mark fails the type check. */
export type Spec = TopLevelSpec;

/** One layer of a layered chart: a unit spec (a mark with its encoding) or a nested layer. */
export type Layer = UnitSpec<Field> | LayerSpec<Field>;

/** A unit spec's encoding: the channels (x, y, color, description, …) Vega-Lite knows. */
export type Channels = Encoding<Field>;

/** The Vega-Lite config (theme, locale). */
export type { Config };
