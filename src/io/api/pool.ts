/**
 * Maps `items` through `fn` with at most `concurrency` calls running at once; results keep the items' order.
 *
 * @example
 * await mapPool([1, 2, 3], 2, async (x) => x * 2); // [2, 4, 6], never more than 2 running
 */
export async function mapPool<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}
