/** Median and maximum of a bench's timings, rounded to a tenth (as bench/RESULTS.md quotes them). */
export interface MedianMax {
  median: number;
  max: number;
}

export function medianMax(values: readonly number[]): MedianMax {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: Math.round((sorted[Math.floor(sorted.length / 2)] ?? 0) * 10) / 10,
    max: Math.round((sorted[sorted.length - 1] ?? 0) * 10) / 10,
  };
}
