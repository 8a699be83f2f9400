import { describe, expect, it } from 'vitest';
import {
  candidateWindow,
  dateRange,
  datesCompatible,
  effectiveRange,
  mergeKey,
  strongerStatus,
} from './merge.js';

describe('event merge rules', () => {
  it('keys symmetric types by the participant set, others by roles', () => {
    expect(mergeKey('MEET', 'occurred', ['A'], ['B'])).toBe(mergeKey('MEET', 'planned', ['B'], ['A']));
    expect(mergeKey('ACCUSE', 'occurred', ['A'], ['B'])).not.toBe(
      mergeKey('ACCUSE', 'occurred', ['B'], ['A']),
    );
    expect(mergeKey('MEET', 'occurred', ['A'], ['B'])).not.toBe(mergeKey('MEET', 'negated', ['A'], ['B']));
    expect(mergeKey('PROTEST', 'occurred', [], [])).toBeNull();
  });

  it('reads date ranges and compatibility', () => {
    expect(dateRange('2024-02')).toEqual(['2024-02-01', '2024-02-29']);
    expect(dateRange('2025')).toEqual(['2025-01-01', '2025-12-31']);
    expect(dateRange('soon')).toBeNull();
    const t = (date: string | null, anchor: string | null = null) => ({ date, anchor });
    expect(datesCompatible(t('2025-11-06'), t('2025-11-06'))).toBe(true);
    expect(datesCompatible(t('2025-11-06'), t('2025-11-07'))).toBe(false);
    expect(datesCompatible(t('2025-11'), t('2025-11-30'))).toBe(true);
    expect(datesCompatible(t('2025'), t('2025-11'))).toBe(true);
    expect(datesCompatible(t('2025-10'), t('2025-11-01'))).toBe(false);
    expect(datesCompatible(t(null, '2025-11-07'), t('2025-11-06'))).toBe(true);
    expect(datesCompatible(t(null, '2025-11-30'), t('2025-11-06'))).toBe(false);
    expect(datesCompatible(t(null, '2025-11-07'), t(null, '2025-11-10'))).toBe(true);
    expect(datesCompatible(t(null), t('2025-11-06'))).toBe(false);
    expect(candidateWindow(t('2025-11-06'))).toEqual(['2025-10-30', '2025-11-13']);
    expect(effectiveRange(t(null, '2025-11-07'))).toEqual(['2025-11-07', '2025-11-07']);
    expect(effectiveRange(t(null))).toBeNull();
  });

  it('prefers the most definite status', () => {
    expect(strongerStatus('planned', 'occurred')).toBe('occurred');
    expect(strongerStatus('reported', 'expected')).toBe('reported');
  });
});
