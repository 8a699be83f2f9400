import { describe, expect, it } from 'vitest';
import { piecesOf } from '../bench/corpus.js';
import { measure, take } from '../bench/jobs.js';

describe('1 KB pieces', () => {
  it('cuts long texts near 1,024 characters at sentence ends and groups short ones', () => {
    const long = 'Президент прибыл в Вашингтон. '.repeat(200); // 6,000 characters
    const short = Array.from({ length: 30 }, (_, i) => ({
      id: `s${i}`,
      text: `Короткая заметка номер ${i}.`,
    }));
    const pieces = piecesOf([{ id: 'long', text: long }, ...short]);
    for (const p of pieces.slice(0, -1)) {
      expect(p.text.length).toBeGreaterThanOrEqual(700);
      expect(p.text.length).toBeLessThanOrEqual(1280);
    }
    expect(pieces[0]!.text.endsWith('.')).toBe(true);
    // Nothing is lost but whitespace.
    const squash = (s: string): string => s.replace(/\s+/g, '');
    expect(squash(pieces.map((p) => p.text).join(''))).toBe(squash(long + short.map((s) => s.text).join('')));
  });
});

describe('measurement helpers', () => {
  it('loops the corpus to the asked size', () => {
    expect(
      take(
        [
          { id: 'a', text: 'x' },
          { id: 'b', text: 'y' },
        ],
        5,
      ).map((a) => a.id),
    ).toEqual(['a', 'b', 'a', 'b', 'a']);
  });
  it('counts articles and words and gives ordered latencies', () => {
    const t = measure(
      () => undefined,
      [
        { id: 'a', text: 'one two' },
        { id: 'b', text: 'three' },
      ],
    );
    expect(t).toMatchObject({ articles: 2, words: 3, chars: 12 });
    expect(t.p50Ms).toBeLessThanOrEqual(t.p99Ms);
  });
});
