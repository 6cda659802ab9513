// The part of jStat's API that omvarld uses (jstat ships no type declarations).
declare module "jstat" {
  interface Continuous1 {
    cdf(x: number, a: number): number;
    inv(p: number, a: number): number;
  }
  interface Continuous2 {
    cdf(x: number, a: number, b: number): number;
    inv(p: number, a: number, b: number): number;
  }
  const jStat: { studentt: Continuous1; centralF: Continuous2; normal: Continuous2 };
  export default jStat;
}
