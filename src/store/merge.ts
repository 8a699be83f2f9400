/**
 * Rules for storing one real-world event once when several articles (or several sentences) report
 * it: same type, same participants, compatible dates. Backend-independent so that every store
 * merges the same way.
 */
import type { EventStatus } from '../doc.js';

/** How far (in days) an undated report may lie from a dated one and still be the same event. */
export const UNDATED_WINDOW_DAYS = 7;

/**
 * Event types whose participants play the same part on both sides ("A met B" is "B met A"):
 * their participants are compared as one set.
 */
export const SYMMETRIC_TYPES: ReadonlySet<string> = new Set([
  'MEET',
  'PHONE_CALL',
  'SIGN_AGREEMENT',
  'DEAL',
  'COOPERATE',
]);

/** Statuses that describe the same happening (it took, takes or will take place) and so may merge. */
function polarity(status: EventStatus): 'pos' | 'neg' | 'hyp' {
  if (status === 'negated') return 'neg';
  if (status === 'hypothetical') return 'hyp';
  return 'pos';
}

const STATUS_RANK: Record<EventStatus, number> = {
  occurred: 6,
  reported: 5,
  expected: 4,
  planned: 3,
  hypothetical: 2,
  negated: 1,
};

/**
 * The status a merged event shows: the most definite one any report gives (an event planned in
 * one article and reported as done in a later one has occurred).
 *
 * @example strongerStatus('planned', 'occurred') // 'occurred'
 */
export function strongerStatus(a: EventStatus, b: EventStatus): EventStatus {
  return (STATUS_RANK[b] ?? 0) > (STATUS_RANK[a] ?? 0) ? b : a;
}

/**
 * The key under which reports of one event meet, or null when the event must not be merged with
 * anything (no participants: two protests of the same day are not one protest).
 *
 * @example mergeKey('MEET', 'occurred', ['Q1'], ['Q2']) === mergeKey('MEET', 'planned', ['Q2'], ['Q1']) // true
 */
export function mergeKey(
  type: string,
  status: EventStatus,
  sourceIds: readonly string[],
  targetIds: readonly string[],
): string | null {
  if (sourceIds.length === 0 && targetIds.length === 0) return null;
  const uniq = (ids: readonly string[]): string => [...new Set(ids)].sort().join(',');
  const pol = polarity(status);
  if (SYMMETRIC_TYPES.has(type)) return `${type}|${pol}|P:${uniq([...sourceIds, ...targetIds])}`;
  return `${type}|${pol}|S:${uniq(sourceIds)}|T:${uniq(targetIds)}`;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^\d{4}$/;

/**
 * The days a date value covers, `[first, last]`, or null for no date or a malformed one.
 *
 * @example dateRange('2025-11') // ['2025-11-01', '2025-11-30']
 */
export function dateRange(date: string | null | undefined): [string, string] | null {
  if (!date) return null;
  if (DAY.test(date)) return [date, date];
  const m = MONTH.exec(date);
  if (m) {
    const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
    return [`${date}-01`, `${date}-${String(last).padStart(2, '0')}`];
  }
  if (YEAR.test(date)) return [`${date}-01-01`, `${date}-12-31`];
  return null;
}

/** Precision of a date value: 3 for a day, 2 for a month, 1 for a year, 0 for none. */
export function datePrecision(date: string | null | undefined): number {
  if (!date) return 0;
  if (DAY.test(date)) return 3;
  if (MONTH.test(date)) return 2;
  if (YEAR.test(date)) return 1;
  return 0;
}

/**
 * Adds days to a `YYYY-MM-DD` date.
 *
 * @example addDays('2025-11-30', 1) // '2025-12-01'
 */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** When one report of an event happened: its own date, else the date of the article (its anchor). */
export interface EventTime {
  date: string | null;
  /** Publication date of the article that reports it; stands in when `date` is null. */
  anchor: string | null;
}

function window(t: EventTime): [string, string] | null {
  const r = dateRange(t.date);
  if (r) return r;
  if (t.anchor && DAY.test(t.anchor)) {
    return [addDays(t.anchor, -UNDATED_WINDOW_DAYS), addDays(t.anchor, UNDATED_WINDOW_DAYS)];
  }
  return null;
}

/**
 * True when two reports can be of the same event as far as dates go: both dated and their days
 * overlap (same day, or a month or year containing the day); or one undated and the other within a
 * week of the undated one's article. Without any date at all there is nothing to go on: false.
 *
 * @example datesCompatible({ date: '2025-11', anchor: null }, { date: '2025-11-06', anchor: null }) // true
 */
export function datesCompatible(a: EventTime, b: EventTime): boolean {
  const ra = dateRange(a.date);
  const rb = dateRange(b.date);
  if (ra && rb) return ra[0] <= rb[1] && rb[0] <= ra[1];
  const wa = ra ?? window(a);
  const wb = rb ?? window(b);
  if (!wa || !wb) return false;
  return wa[0] <= wb[1] && wb[0] <= wa[1];
}

/**
 * The range of days to look for merge candidates in: the report's own days (or its article's
 * date), widened by the undated window on both sides.
 */
export function candidateWindow(t: EventTime): [string, string] | null {
  const r = dateRange(t.date) ?? (t.anchor && DAY.test(t.anchor) ? [t.anchor, t.anchor] : null);
  if (!r) return null;
  return [addDays(r[0], -UNDATED_WINDOW_DAYS), addDays(r[1], UNDATED_WINDOW_DAYS)];
}

/**
 * The days an event is filed under for date queries: its own date's days, else the day of the
 * article that first reported it, else null (found only by queries without dates).
 */
export function effectiveRange(t: EventTime): [string, string] | null {
  return dateRange(t.date) ?? (t.anchor && DAY.test(t.anchor) ? [t.anchor, t.anchor] : null);
}
