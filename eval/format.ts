/** Plain-text tables and number formatting for the eval and bench reports. */
import type { PRF, Share } from './score/prf.js';

/** Three decimals, the precision the anchors publish. */
export const f3 = (x: number): string => x.toFixed(3);

/** P/R/F1 with counts, rounded for JSON. */
export function prfJson(p: PRF): {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
} {
  const r = (x: number): number => Math.round(x * 10000) / 10000;
  return {
    precision: r(p.precision),
    recall: r(p.recall),
    f1: r(p.f1),
    tp: r(p.tp),
    fp: r(p.fp),
    fn: r(p.fn),
  };
}

/** A share as `0.750 (3/4)`. */
export const shareText = (s: Share): string => `${f3(s.value)} (${s.correct}/${s.total})`;

/** A share rounded for JSON. */
export function shareJson(s: Share): { value: number; correct: number; total: number } {
  return { value: Math.round(s.value * 10000) / 10000, correct: s.correct, total: s.total };
}

/**
 * Left-aligned first column, right-aligned others.
 *
 * @example table(['type', 'F1'], [['PER', '0.900']])
 */
export function table(headers: string[], rows: string[][]): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
}
