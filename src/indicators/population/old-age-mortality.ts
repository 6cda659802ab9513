/**
 * Death rates at the oldest ages from a fitted Kannisto model, as the Human Mortality Database smooths them
 * (Wilmoth et al., HMD Methods Protocol, §7; Thatcher, Kannisto and Vaupel 1998): observed rates above about 90 rest
 * on few deaths, and a cohort's risk in the open age group ("100+") is not the death count of one Lexis square over
 * its population. The model is the logistic hazard
 *
 *     μ(x) = a·e^{b(x − 80)} / (1 + a·e^{b(x − 80)})
 *
 * fitted by Poisson maximum likelihood to deaths D_x and exposures E_x (person-years) of single ages:
 * ℓ(a, b) = Σ_x D_x·ln μ(x + ½) − E_x·μ(x + ½), solved by Fisher scoring from the least-squares line through the
 * observed logits.
 */

/** The fitted Kannisto parameters: μ(x) = a·e^{b(x − 80)} / (1 + a·e^{b(x − 80)}). */
export interface Kannisto {
  a: number;
  b: number;
}

const ORIGIN = 80;

/**
 * The hazard μ(x) at exact age x of a fitted Kannisto model.
 *
 * @example
 * kannistoHazard({ a: 0.06, b: 0.11 }, 80) // 0.0566 = 0.06 / 1.06
 */
export function kannistoHazard(model: Kannisto, x: number): number {
  const z = model.a * Math.exp(model.b * (x - ORIGIN));
  return z / (1 + z);
}

/**
 * Fits the Kannisto model to single-age deaths and exposures (arrays indexed by `ages`); ages without exposure are
 * left out. Returns null when fewer than three ages have deaths.
 *
 * @example
 * // deaths and person-years at ages 80-99 drawn exactly from a = 0.06, b = 0.11 give those parameters back
 * fitKannisto(ages, deaths, exposure) // { a: 0.06, b: 0.11 }
 */
export function fitKannisto(
  ages: readonly number[],
  deaths: readonly number[],
  exposure: readonly number[],
): Kannisto | null {
  const points = ages
    .map((x, k) => ({ x: x + 0.5 - ORIGIN, d: deaths[k]!, e: exposure[k]! }))
    .filter((p) => p.e > 0 && p.d >= 0);
  if (points.filter((p) => p.d > 0).length < 3) return null;
  // start: least squares on the logits of the observed rates (ages with deaths)
  const seed = points.filter((p) => p.d > 0 && p.d < p.e);
  const logits = seed.map((p) => Math.log(p.d / p.e / (1 - p.d / p.e)));
  const mx = seed.reduce((s, p) => s + p.x, 0) / seed.length;
  const my = logits.reduce((s, v) => s + v, 0) / logits.length;
  let sxy = 0;
  let sxx = 0;
  seed.forEach((p, k) => {
    sxy += (p.x - mx) * (logits[k]! - my);
    sxx += (p.x - mx) ** 2;
  });
  let b = sxx > 0 ? sxy / sxx : 0.1;
  let lnA = my - b * mx;
  for (let iteration = 0; iteration < 100; iteration++) {
    // Fisher scoring on θ = (ln a, b): score Σ (D − Eμ)(1 − μ)·(1, x), information Σ Eμ(1 − μ)²·(1, x)(1, x)ᵀ
    let g0 = 0;
    let g1 = 0;
    let h00 = 0;
    let h01 = 0;
    let h11 = 0;
    for (const p of points) {
      const z = Math.exp(lnA + b * p.x);
      const mu = z / (1 + z);
      const r = (p.d - p.e * mu) * (1 - mu);
      const w = p.e * mu * (1 - mu) ** 2;
      g0 += r;
      g1 += r * p.x;
      h00 += w;
      h01 += w * p.x;
      h11 += w * p.x * p.x;
    }
    const det = h00 * h11 - h01 * h01;
    if (!(det > 0)) break;
    const d0 = (h11 * g0 - h01 * g1) / det;
    const d1 = (h00 * g1 - h01 * g0) / det;
    lnA += d0;
    b += d1;
    if (Math.abs(d0) < 1e-12 && Math.abs(d1) < 1e-12) break;
  }
  return Number.isFinite(lnA) && Number.isFinite(b) ? { a: Math.exp(lnA), b } : null;
}

/**
 * The central death rate of an open age group A+ in the stationary population of the model: deaths over
 * person-years lived above A, m_{A+} = 1 / e_A, with e_A = ∫_A^∞ exp(−∫_A^y μ) dy (integrated in steps of a tenth
 * of a year to age 130).
 *
 * @example
 * openAgeRate({ a: 0.06, b: 0.11 }, 100) // ≈ 0.56 (life expectancy at 100 of about 1.8 years)
 */
export function openAgeRate(model: Kannisto, from: number, to = 130): number {
  const step = 0.1;
  let survival = 1;
  let lived = 0;
  for (let x = from; x < to; x += step) {
    const mu = kannistoHazard(model, x + step / 2);
    const next = survival * Math.exp(-mu * step);
    lived += mu > 0 ? (survival - next) / mu : survival * step;
    survival = next;
  }
  return lived > 0 ? (1 - survival) / lived : 1;
}
