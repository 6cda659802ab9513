export { colocation, type Colocation } from "./colocation.ts";
export { agglomeration, ellisonGlaeser, ellisonGlaeserOf, type EllisonGlaeser } from "./ellison-glaeser.ts";
