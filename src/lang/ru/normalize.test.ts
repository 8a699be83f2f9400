import { beforeAll, describe, expect, it } from 'vitest';
import { loadRussianMorph, type RussianMorph } from './morph.js';
import {
  hyphenatedPlaceLemma,
  indeclinableWords,
  nominativeAdjective,
  patronymicNominative,
  personNameLemmas,
  type NameWord,
} from './normalize.js';

let ru: RussianMorph;
beforeAll(async () => {
  ru = await loadRussianMorph();
}, 60_000);

const words = (name: string): NameWord[] =>
  name.split(' ').map((text) => {
    const a = ru.analyze(text);
    return { text, readings: [a, ...(a.alternatives ?? [])] };
  });
const lemma = (name: string, fixed?: Set<string>): string => personNameLemmas(words(name), fixed).join(' ');

describe('personNameLemmas', () => {
  it('puts every word of a name in the nominative', () => {
    expect(lemma('Касым-Жомарта Токаева')).toBe('касым-жомарт токаев');
    expect(lemma('Говардом Латником')).toBe('говард латник');
    expect(lemma('Сергея Скрипаля')).toBe('сергей скрипаль');
    expect(lemma('Олегом Дерипаской')).toBe('олег дерипаска');
  });
  it('keeps surnames that do not decline', () => {
    expect(lemma('Вольфганг Бюхеле')).toBe('вольфганг бюхеле');
    expect(lemma('Марин Ле Пен')).toBe('марин ле пен');
    expect(lemma('Камалы Харрис')).toBe('камала харрис');
    expect(lemma('Терезы Мэй')).toBe('тереза мэй');
  });
  it('reads women by the agreement of their names', () => {
    expect(lemma('Захаровой')).toBe('захарова');
    expect(lemma('Мишель Обамой')).toBe('мишель обама');
  });
  it('keeps a surname alone as written when a full name showed it does not decline', () => {
    const fixed = new Set<string>();
    const full = words('Вольфганг Бюхеле');
    indeclinableWords(full, personNameLemmas(full, fixed), fixed);
    expect(lemma('Бюхеле', fixed)).toBe('бюхеле');
    expect(lemma('Байдена')).toBe('байден');
  });
});

describe('word forms', () => {
  it('nominative adjectives agree with the head', () => {
    expect(nominativeAdjective('Государственной', 'femn', false, 'государственный')).toBe('государственная');
    expect(nominativeAdjective('Большого', 'masc', false, 'большой')).toBe('большой');
    expect(nominativeAdjective('Высшего', 'masc', false, 'высокий')).toBe('высший');
    expect(nominativeAdjective('Курильских', 'masc', true)).toBe('курильские');
    expect(nominativeAdjective('Новодевичьем', 'neut', false)).toBe('новодевичье');
  });
  it('patronymics and hyphenated places', () => {
    expect(patronymicNominative('Николаевича')).toBe('николаевич');
    expect(patronymicNominative('Иосифовне')).toBe('иосифовна');
    expect(patronymicNominative('Токаев')).toBeNull();
    expect(hyphenatedPlaceLemma('Франкфурте-на-Майне')).toBe('франкфурт-на-майне');
    expect(hyphenatedPlaceLemma('Нью-Йорке')).toBeNull();
  });
});
