/** Precision, recall and F1 from counts; the building block every scorer reports. */
export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * P/R/F1 from true positives, false positives and false negatives. An empty side gives 0, never NaN
 * (a system that predicts nothing scores precision 0, recall 0, F1 0).
 *
 * @example prf(8, 2, 2) // { precision: 0.8, recall: 0.8, f1: 0.8, … }
 */
export function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

/** Adds counts into a running total keyed by label. */
export function addCounts(
  into: Map<string, { tp: number; fp: number; fn: number }>,
  label: string,
  tp: number,
  fp: number,
  fn: number,
): void {
  const c = into.get(label) ?? { tp: 0, fp: 0, fn: 0 };
  c.tp += tp;
  c.fp += fp;
  c.fn += fn;
  into.set(label, c);
}

/** A share with its numerator and denominator, so that readers can see how many cases it rests on. */
export interface Share {
  correct: number;
  total: number;
  value: number;
}

/**
 * `correct / total`, 0 when there is nothing to count.
 *
 * @example share(3, 4).value // 0.75
 */
export function share(correct: number, total: number): Share {
  return { correct, total, value: total > 0 ? correct / total : 0 };
}
