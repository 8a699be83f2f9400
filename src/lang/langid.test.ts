import { describe, expect, it } from 'vitest';
import type { Lang } from '../doc.js';
import { guessLanguage, identifyLanguages } from './langid.js';
import { segment } from './tokenize.js';

/** Language of each sentence of `text`, as `[sentence, lang]` pairs. */
function langs(text: string, hint: Lang | null = null): [string, Lang][] {
  const { tokens, sentences } = segment(text);
  const result = identifyLanguages(text, sentences, tokens, hint);
  return sentences.map((s, i) => [text.slice(s.start, s.end), result.sentences[i]!]);
}

describe('guessLanguage', () => {
  it('tells Kazakh from Russian by its letters and words', () => {
    expect(guessLanguage('Қазақстан Республикасының Президенті Вашингтонға сапармен барды.')).toBe('kk');
    expect(guessLanguage('Мемлекет басшысы АҚШ-қа ресми сапармен барды және келіссөздер жүргізді.')).toBe(
      'kk',
    );
    // Kazakh words without Kazakh-only letters still count.
    expect(guessLanguage('Олар сол жерде бар екен деп жазды.')).toBe('kk');
    expect(guessLanguage('Президент Казахстана прибыл в Вашингтон с официальным визитом.')).toBe('ru');
    // A Kazakh spelling of a name does not make a Russian sentence Kazakh.
    expect(
      guessLanguage('Глава государства Қасым-Жомарт Тоқаев прибыл в Вашингтон, где его встретили.'),
    ).toBe('ru');
  });

  it('tells English from Russian by script and words', () => {
    expect(guessLanguage('Kazakhstan will join the Abraham Accords, U.S. officials said.')).toBe('en');
    expect(guessLanguage('Соглашение с компанией John Deere на сумму 2,5 млрд долларов.')).toBe('ru');
    expect(guessLanguage('The deal with «Самрук-Казына» was signed in Washington on Thursday.')).toBe('en');
  });

  it('recognises Ukrainian and Belarusian when their letters or words are there', () => {
    expect(guessLanguage('Президент України заявив, що Київ не піде на поступки.')).toBe('uk');
    expect(guessLanguage('Прэзідэнт Беларусі заявіў, што краіна гатовая да перамоваў.')).toBe('be');
  });

  it('names other scripts by their usual language', () => {
    expect(guessLanguage('Ο πρόεδρος μίλησε σήμερα στην Αθήνα.')).toBe('el');
    expect(guessLanguage('الرئيس الكازاخستاني يزور واشنطن هذا الأسبوع')).toBe('ar');
    expect(guessLanguage('')).toBe('und');
    expect(guessLanguage('12:30 🇰🇿 $5')).toBe('und');
  });

  it('survives homoglyphs: a Latin letter inside a Cyrillic word', () => {
    // "Kaзахстан" starts with Latin K and a.
    expect(guessLanguage('Kaзахстан и США подписали соглашение о сотрудничестве.')).toBe('ru');
    expect(guessLanguage('Kaзахстан')).toBe('ru');
  });
});

describe('identifyLanguages', () => {
  it('gives short and name-only sentences the language of their neighbours', () => {
    expect(langs('Токаев прибыл в Вашингтон. John Deere. Встреча прошла успешно.')).toEqual([
      ['Токаев прибыл в Вашингтон.', 'ru'],
      ['John Deere.', 'ru'],
      ['Встреча прошла успешно.', 'ru'],
    ]);
    expect(
      langs(
        'Токаев прибыл в Вашингтон.\n\nKassym-Jomart Tokayev, Donald Trump, Marco Rubio\n\nВстреча прошла.',
      ),
    ).toEqual([
      ['Токаев прибыл в Вашингтон.', 'ru'],
      ['Kassym-Jomart Tokayev, Donald Trump, Marco Rubio', 'ru'],
      ['Встреча прошла.', 'ru'],
    ]);
    // A lower-case word makes it a sentence in its own right.
    expect(langs('Токаев прибыл в Вашингтон. Kazakhstan joins Abraham Accords. Встреча прошла.')[1]![1]).toBe(
      'en',
    );
    expect(langs('Tokayev arrived in Washington. Токаев, Трамп. He met the president.')).toEqual([
      ['Tokayev arrived in Washington.', 'en'],
      ['Токаев, Трамп.', 'en'],
      ['He met the president.', 'en'],
    ]);
    expect(langs('Мемлекет басшысы АҚШ-қа барды және келіссөздер жүргізді.\n\nТоқаев Трамп\n\n2025')).toEqual(
      [
        ['Мемлекет басшысы АҚШ-қа барды және келіссөздер жүргізді.', 'kk'],
        ['Тоқаев Трамп', 'kk'],
        ['2025', 'kk'],
      ],
    );
  });

  it('keeps a flag-led English tweet English inside a Russian article', () => {
    const text =
      'Казахстан и Израиль поддерживают отношения более 30 лет.\n\n🇰🇿🇺🇸New: Kazakhstan President Kassym-Jomart Tokayev is expected to announce that his country will join the Abraham Accords, U.S. officials tell me.\n\nВ Белом доме отмечают, что это важный шаг.';
    expect(langs(text).map(([, l]) => l)).toEqual(['ru', 'en', 'ru']);
  });

  it('uses the hint for sentences not clearly in another script', () => {
    const text =
      'Мемлекет басшысы АҚШ-қа барды және келіссөздер жүргізді. Kazakhstan will join the Abraham Accords, officials said. Токаев, Трамп.';
    expect(langs(text, 'ru').map(([, l]) => l)).toEqual(['ru', 'en', 'ru']);
    expect(langs('Kazakhstan will join the accords. John Deere.', 'ru').map(([, l]) => l)).toEqual([
      'en',
      'ru',
    ]);
  });

  it('takes the dominant language by characters for the document', () => {
    const text =
      'Short English line here. Длинное русское предложение о визите президента в Вашингтон и переговорах.';
    const { tokens, sentences } = segment(text);
    expect(identifyLanguages(text, sentences, tokens).lang).toBe('ru');
    expect(identifyLanguages('', [], []).lang).toBe('und');
    expect(identifyLanguages('', [], [], 'kk').lang).toBe('kk');
  });

  it('works on sentences without tokens', () => {
    const text = 'Токаев прибыл в Вашингтон. He met the president on Thursday.';
    const sentences = [
      { start: 0, end: 26, lang: 'und' },
      { start: 27, end: text.length, lang: 'und' },
    ];
    expect(identifyLanguages(text, sentences, []).sentences).toEqual(['ru', 'en']);
  });
});
