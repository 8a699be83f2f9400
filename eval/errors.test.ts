import { describe, expect, it } from 'vitest';
import { markText, renderErrorDoc, worstDocs } from './errors.js';

describe('error display', () => {
  it('marks false positives and misses, nesting them', () => {
    const marks = [
      { start: 0, end: 10, kind: '-' as const, type: 'ORG' },
      { start: 4, end: 10, kind: '+' as const, type: 'LOC' },
    ];
    expect(markText('МИД Грузии заявил', marks, false)).toBe('[-МИД [+Грузии:LOC+]:ORG-] заявил');
  });
  it('wraps a same-span false positive inside the miss', () => {
    const marks = [
      { start: 0, end: 6, kind: '+' as const, type: 'LOC' },
      { start: 0, end: 6, kind: '-' as const, type: 'ORG' },
    ];
    expect(markText('Москва', marks, false)).toBe('[-[+Москва:LOC+]:ORG-]');
  });
  it('shows only the lines with mistakes, worst documents first', () => {
    const docs = [
      { id: 'a', text: 'ok\nМосква', fp: [{ start: 3, end: 9, type: 'LOC' }], fn: [], tp: 0 },
      { id: 'b', text: 'x', fp: [], fn: [], tp: 1 },
    ];
    expect(worstDocs(docs, 5).map((d) => d.id)).toEqual(['a']);
    const out = renderErrorDoc(docs[0]!, false);
    expect(out).toContain('[+Москва:LOC+]');
    expect(out).not.toContain('ok');
  });
});
