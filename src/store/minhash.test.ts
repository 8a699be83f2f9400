import { describe, expect, it } from 'vitest';
import {
  LSH_BANDS,
  MINHASH_SIZE,
  NEAR_DUPLICATE_SIMILARITY,
  lshKeys,
  minhash,
  similarity,
} from './minhash.js';

const TEXT =
  'Правительство утвердило программу развития транспортной инфраструктуры на пять лет. Документ предусматривает ' +
  'строительство дорог, модернизацию вокзалов и расширение аэропортов в трех крупнейших городах страны. По словам ' +
  'министра, общий объем финансирования составит около двух триллионов тенге, половину обеспечит бюджет, остальное ' +
  'привлекут частные инвесторы и международные банки развития. Особое внимание уделят сельским районам, где ' +
  'планируется отремонтировать более десяти тысяч километров местных трасс и построить логистические центры.';

describe('minhash', () => {
  it('is stable, sized, and null for short texts', () => {
    const sig = minhash(TEXT)!;
    expect(sig).toHaveLength(MINHASH_SIZE * 8);
    expect(minhash(TEXT)).toBe(sig);
    expect(minhash('Слишком короткий текст.')).toBeNull();
    expect(lshKeys(sig)).toHaveLength(LSH_BANDS);
  });

  it('finds light edits similar and other texts not', () => {
    const sig = minhash(TEXT)!;
    const edited = minhash(`АСТАНА, 7 ноября. ${TEXT} Подробнее на сайте.`)!;
    expect(similarity(sig, edited)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_SIMILARITY);
    expect(lshKeys(sig).some((k) => lshKeys(edited).includes(k))).toBe(true);
    expect(similarity(sig, minhash(TEXT.replace(/ё/g, 'е').toUpperCase())!)).toBe(1);
    const other = minhash(TEXT.split(' ').reverse().join(' '))!;
    expect(similarity(sig, other)).toBeLessThan(0.3);
  });
});
