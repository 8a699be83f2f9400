import { describe, expect, it } from 'vitest';
import { createEnglishMorph, lemmatizeVerb, singular } from './morph.js';

const en = createEnglishMorph();

/** Analyses a whitespace-separated sentence word by word, as the stage does. */
function tag(sentence: string): [string, string, string][] {
  const words = sentence.split(' ');
  const out: [string, string, string][] = [];
  let prev = null;
  for (let i = 0; i < words.length; i++) {
    const a = en.analyzeInContext(words[i]!, {
      sentenceInitial: i === 0,
      prev,
      nextWord: words[i + 1] ?? null,
    });
    out.push([words[i]!, a.lemma, a.pos]);
    prev = a;
  }
  return out;
}

describe('English lemmas', () => {
  it.each([
    ['met', 'meet'],
    ['said', 'say'],
    ['signed', 'sign'],
    ['went', 'go'],
    ['took', 'take'],
    ['held', 'hold'],
    ['visited', 'visit'],
    ['announced', 'announce'],
    ['agreed', 'agree'],
    ['was', 'be'],
    ['is', 'be'],
    ['were', 'be'],
    ['will', 'will'],
    ['countries', 'country'],
    ['stopped', 'stop'],
    ['running', 'run'],
    ['making', 'make'],
    ['called', 'call'],
    ['added', 'add'],
    ['controlled', 'control'],
    ['escalated', 'escalate'],
    ['declared', 'declare'],
    ['described', 'describe'],
    ['tried', 'try'],
    ['carries', 'carry'],
    ['announces', 'announce'],
    ['pushes', 'push'],
    ['goes', 'go'],
    ['says', 'say'],
    ['officials', 'official'],
    ['taxes', 'tax'],
    ['children', 'child'],
    ['news', 'news'],
    ['crises', 'crisis'],
  ])('%s → %s', (form, lemma) => {
    expect(en.analyze(form).lemma).toBe(lemma);
  });

  it('restores e and undoes doubling for verbs it has never seen', () => {
    expect(lemmatizeVerb('relocated')).toBe('relocate');
    expect(lemmatizeVerb('plotted')).toBe('plot');
    expect(lemmatizeVerb('renegotiating')).toBe('renegotiate');
    expect(lemmatizeVerb('mobbed')).toBe('mob');
  });

  it('singularises nouns', () => {
    expect(singular('boxes')).toBe('box');
    expect(singular('policies')).toBe('policy');
    expect(singular('status')).toBe('status');
    expect(singular('analysis')).toBe('analysis');
  });
});

describe('English parts of speech and features', () => {
  it('tags closed classes', () => {
    expect(en.analyze('the').pos).toBe('DET');
    expect(en.analyze('with').pos).toBe('ADP');
    expect(en.analyze('and').pos).toBe('CCONJ');
    expect(en.analyze('because').pos).toBe('SCONJ');
    expect(en.analyze('they').pos).toBe('PRON');
    expect(en.analyze('them').lemma).toBe('they');
    expect(en.analyze('would').pos).toBe('AUX');
    expect(en.analyze('not').pos).toBe('PART');
  });

  it('gives tense, number and verb form', () => {
    expect(en.analyze('met').features).toMatchObject({ tense: 'past', verbForm: 'Fin' });
    expect(en.analyze('visiting').features.verbForm).toBe('Ger');
    expect(en.analyze('countries').features.number).toBe('plur');
    expect(en.analyze('is').features).toMatchObject({ tense: 'pres', number: 'sing' });
  });

  it('marks past participles after have and be', () => {
    const [, , signed] = tag('He has signed the deal').map((t) => t);
    expect(signed).toEqual(['signed', 'sign', 'VERB']);
    expect(en.analyzeInContext('signed', { prev: en.analyze('has') }).features.verbForm).toBe('Part');
    expect(en.analyzeInContext('held', { prev: en.analyze('was') }).features.verbForm).toBe('Part');
  });

  it('reads numbers, acronyms and names', () => {
    expect(en.analyze('2025').pos).toBe('NUM');
    expect(en.analyze('three').pos).toBe('NUM');
    expect(en.analyze('NATO')).toMatchObject({ lemma: 'nato', pos: 'PROPN' });
    expect(en.analyze('US').pos).toBe('PROPN');
    expect(en.analyze('Tokayev')).toMatchObject({ lemma: 'tokayev', pos: 'PROPN' });
    expect(en.analyze('Accords').lemma).toBe('accords');
    expect(en.analyze('iPhone').pos).toBe('PROPN');
  });

  it('tags a news sentence', () => {
    expect(tag('Kazakhstan President Tokayev met Trump on Thursday and signed agreements')).toEqual([
      ['Kazakhstan', 'kazakhstan', 'PROPN'],
      ['President', 'president', 'PROPN'],
      ['Tokayev', 'tokayev', 'PROPN'],
      ['met', 'meet', 'VERB'],
      ['Trump', 'trump', 'PROPN'],
      ['on', 'on', 'ADP'],
      ['Thursday', 'thursday', 'PROPN'],
      ['and', 'and', 'CCONJ'],
      ['signed', 'sign', 'VERB'],
      ['agreements', 'agreement', 'NOUN'],
    ]);
  });

  it('trusts known words at the start of a sentence', () => {
    const t = tag('Officials said the talks will continue');
    expect(t[0]).toEqual(['Officials', 'official', 'NOUN']);
    expect(t[1]).toEqual(['said', 'say', 'VERB']);
    expect(t[3]).toEqual(['talks', 'talk', 'NOUN']);
    expect(t[4]).toEqual(['will', 'will', 'AUX']);
    expect(t[5]).toEqual(['continue', 'continue', 'VERB']);
  });

  it('tells infinitival to from the preposition', () => {
    const t = tag('he is expected to announce a visit to Washington');
    expect(t[3]![2]).toBe('PART');
    expect(t[4]).toEqual(['announce', 'announce', 'VERB']);
    expect(t[6]![2]).toBe('NOUN');
    expect(t[7]![2]).toBe('ADP');
  });

  it('tells an auxiliary have from a main verb', () => {
    expect(tag('they have met')[1]![2]).toBe('AUX');
    expect(tag('they have a deal')[1]![2]).toBe('VERB');
  });

  it('reads third-person verbs after a subject and plurals after a determiner', () => {
    expect(tag('Trump announces tariffs')[1]).toEqual(['announces', 'announce', 'VERB']);
    expect(tag('the visits ended')[1]).toEqual(['visits', 'visit', 'NOUN']);
    expect(tag('she visits Astana')[1]).toEqual(['visits', 'visit', 'VERB']);
  });

  it('reads contractions', () => {
    expect(en.analyze("don't")).toMatchObject({ lemma: 'do', pos: 'AUX' });
    expect(en.analyze('won\u2019t').lemma).toBe('will');
    expect(en.analyze("n't").lemma).toBe('not');
  });
});
