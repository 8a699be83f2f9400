import { describe, expect, it } from 'vitest';
import type { Token } from '../doc.js';
import { isAbbreviation, segment, tokenize } from './tokenize.js';

const texts = (tokens: Token[]): string[] => tokens.map((t) => t.text);
const sentencesOf = (text: string): string[] =>
  segment(text).sentences.map((s) => text.slice(s.start, s.end));
const tokenOf = (text: string, surface: string): Token | undefined =>
  tokenize(text).find((t) => t.text === surface);

describe('tokens', () => {
  it('round-trips offsets and marks the whitespace after each token', () => {
    const text =
      ' «Мы готовы!» — сказал он.\n\n🇰🇿🇺🇸New: Tokayev, U.S. officials tell me. My story on @axioshttps://t.co/fkVtqI7B1Z — Barak Ravid (@BarakRavid) November 6, 2025 \t';
    const tokens = tokenize(text);
    expect(tokens.length).toBeGreaterThan(20);
    let previousEnd = 0;
    for (const t of tokens) {
      expect(text.slice(t.start, t.end)).toBe(t.text);
      expect(t.start).toBeGreaterThanOrEqual(previousEnd);
      expect(t.end).toBeGreaterThan(t.start);
      expect(t.spaceAfter).toBe(/\s/.test(text.charAt(t.end)));
      expect(t.text.trim()).toBe(t.text);
      previousEnd = t.end;
    }
    // Nothing but whitespace between tokens.
    const gaps = tokens.map((t, i) => text.slice(i === 0 ? 0 : tokens[i - 1]!.end, t.start)).join('');
    expect(gaps.trim()).toBe('');
  });

  it('keeps decimals, grouped thousands, ranges and times as one number', () => {
    const tokens = tokenize(
      '2,5 и 2.5, 1 000 000 человек, 10–11 ноября, 2024-2025 гг., в 18:30, 05/08/2008, 3.5%',
    );
    const numbers = tokens.filter((t) => t.kind === 'number').map((t) => t.text);
    expect(numbers).toEqual(['2,5', '2.5', '1 000 000', '10–11', '2024-2025', '18:30', '05/08/2008', '3.5']);
    expect(tokenOf('рост 3.5%', '%')?.kind).toBe('symbol');
  });

  it('does not glue a year to the number after it', () => {
    expect(texts(tokenize('в 2024 100 человек'))).toEqual(['в', '2024', '100', 'человек']);
    expect(texts(tokenize('6, 2025'))).toEqual(['6', ',', '2025']);
  });

  it('splits currency signs from amounts and keeps units as words', () => {
    const tokens = tokenize('$2.5 billion, 2,5 млрд долларов, €300');
    expect(tokens.map((t) => `${t.kind}:${t.text}`)).toEqual([
      'symbol:$',
      'number:2.5',
      'word:billion',
      'punct:,',
      'number:2,5',
      'word:млрд',
      'word:долларов',
      'punct:,',
      'symbol:€',
      'number:300',
    ]);
  });

  it('keeps case endings on numbers and separates glued Russian units', () => {
    expect(tokenOf('18-го ноября', '18-го')?.kind).toBe('number');
    expect(tokenOf('в 1990-х годах', '1990-х')?.kind).toBe('number');
    expect(tokenOf('5-летний план', '5-летний')?.kind).toBe('word');
    expect(texts(tokenize('в 2025г. и 5км'))).toEqual(['в', '2025', 'г.', 'и', '5', 'км']);
    expect(tokenOf('the 1990s', '1990s')?.kind).toBe('number');
    expect(tokenOf('5G networks', '5G')?.kind).toBe('word');
  });

  it('keeps names with digits, plus signs and hyphens whole', () => {
    const text = 'саммит «С5+1» и C5+1, G7, G20, COVID-19, Boeing 737, Су-35, AT&T';
    const words = texts(tokenize(text));
    for (const w of ['С5+1', 'C5+1', 'G7', 'G20', 'COVID-19', 'Boeing', '737', 'Су-35', 'AT&T']) {
      expect(words).toContain(w);
    }
    expect(tokenOf(text, '737')?.kind).toBe('number');
  });

  it('keeps hyphenated names whole and particles separate', () => {
    const words = texts(
      tokenize('Касым-Жомарт Токаев, Эр-Рияд, Нур-Султан, Ras al-Khaimah, Мухаммед бин Салман, Кот-д’Ивуар'),
    );
    for (const w of [
      'Касым-Жомарт',
      'Эр-Рияд',
      'Нур-Султан',
      'Ras',
      'al-Khaimah',
      'бин',
      'Салман',
      'Кот-д’Ивуар',
    ]) {
      expect(words).toContain(w);
    }
  });

  it('splits the English possessive but keeps other apostrophes inside words', () => {
    expect(texts(tokenize("Trump's plan, O'Brien's view, don't"))).toEqual([
      'Trump',
      "'s",
      'plan',
      ',',
      "O'Brien",
      "'s",
      'view',
      ',',
      "don't",
    ]);
  });

  it('recognises handles, hashtags, URLs and e-mails, even glued to a word', () => {
    const kinds = (text: string): string[] => tokenize(text).map((t) => `${t.kind}:${t.text}`);
    expect(kinds('My story on @axioshttps://t.co/fkVtqI7B1Z — Barak Ravid (@BarakRavid)')).toEqual([
      'word:My',
      'word:story',
      'word:on',
      'handle:@axios',
      'url:https://t.co/fkVtqI7B1Z',
      'punct:—',
      'word:Barak',
      'word:Ravid',
      'punct:(',
      'handle:@BarakRavid',
      'punct:)',
    ]);
    expect(kinds('#Казахстан #C5plus1 #1')).toEqual([
      'hashtag:#Казахстан',
      'hashtag:#C5plus1',
      'symbol:#',
      'number:1',
    ]);
    expect(kinds('пишите на press@akorda.kz.')).toEqual([
      'word:пишите',
      'word:на',
      'email:press@akorda.kz',
      'punct:.',
    ]);
    expect(kinds('см. https://kremlin.ru/events/president/news/123).')).toEqual([
      'word:см.',
      'url:https://kremlin.ru/events/president/news/123',
      'punct:)',
      'punct:.',
    ]);
    expect(kinds('(https://en.wikipedia.org/wiki/Abraham_Accords_(2020))')).toEqual([
      'punct:(',
      'url:https://en.wikipedia.org/wiki/Abraham_Accords_(2020)',
      'punct:)',
    ]);
    expect(kinds('на сайте akorda.kz и www.gov.kz, pic.twitter.com/AbC123')).toEqual([
      'word:на',
      'word:сайте',
      'url:akorda.kz',
      'word:и',
      'url:www.gov.kz',
      'punct:,',
      'url:pic.twitter.com/AbC123',
    ]);
  });

  it('makes one token per flag and per emoji sequence, never splitting a surrogate pair', () => {
    const text = '🇰🇿🇺🇸New 👍🏽 👨‍👩‍👧 1️⃣ ❤️ 🏴󠁧󠁢󠁳󠁣󠁴󠁿 🇰';
    const tokens = tokenize(text);
    expect(tokens.map((t) => `${t.kind}:${t.text}`)).toEqual([
      'emoji:🇰🇿',
      'emoji:🇺🇸',
      'word:New',
      'emoji:👍🏽',
      'emoji:👨‍👩‍👧',
      'emoji:1️⃣',
      'emoji:❤️',
      'emoji:🏴󠁧󠁢󠁳󠁣󠁴󠁿',
      'emoji:🇰',
    ]);
    for (const t of tokens) {
      const first = text.charCodeAt(t.start);
      const last = text.charCodeAt(t.end - 1);
      expect(first >= 0xdc00 && first <= 0xdfff).toBe(false);
      expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
    }
  });

  it('keeps ©, ™ and arrows as symbols unless written as emoji', () => {
    expect(tokenize('© ™ ©️').map((t) => t.kind)).toEqual(['symbol', 'symbol', 'emoji']);
  });

  it('does not crash on lone surrogates, control characters or mixed scripts', () => {
    const text = 'a\ud800b \udc00 \u0000 Kaзахстан\u200b\u00adслово';
    const tokens = tokenize(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(texts(tokens)).toContain('Kaзахстан');
  });

  it('keeps ellipses and "?!" as one token', () => {
    expect(texts(tokenize('Ну... Что?! Так…'))).toEqual(['Ну', '...', 'Что', '?!', 'Так', '…']);
  });
});

describe('abbreviations', () => {
  it('keeps the dot on Russian and English abbreviations', () => {
    const text =
      'т.е. т.д. т.к. г. гг. млрд. млн. тыс. руб. долл. ул. им. проф. см. др. пр. U.S. U.K. Mr. Mrs. Dr. Jan. Inc. Corp. Ltd. e.g. i.e. vs. St.';
    expect(texts(tokenize(text))).toEqual(text.split(' '));
    for (const a of ['т.е.', 'Т.Е.', 'г.', 'U.S.', 'Mr.', 'e.g.', 'No.'])
      expect(isAbbreviation(a)).toBe(true);
    expect(isAbbreviation('no.')).toBe(false);
    expect(isAbbreviation('Москва.')).toBe(false);
  });

  it('never ends a sentence after inner abbreviations (titles, "т.е.", "e.g.")', () => {
    expect(
      sentencesOf('Выступил проф. Иванов, т.е. Президент академии. Встреча на ул. Абая прошла в г. Астана.'),
    ).toEqual(['Выступил проф. Иванов, т.е. Президент академии.', 'Встреча на ул. Абая прошла в г. Астана.']);
    expect(sentencesOf('Mr. Smith met Dr. Jones and Gen. Miller, e.g. The Times wrote. It rained.')).toEqual([
      'Mr. Smith met Dr. Jones and Gen. Miller, e.g. The Times wrote.',
      'It rained.',
    ]);
  });

  it('ends a sentence after "г." of a year only before a capitalised word', () => {
    expect(sentencesOf('Это было в 2025 г. Президент прибыл в Астану.')).toEqual([
      'Это было в 2025 г.',
      'Президент прибыл в Астану.',
    ]);
    expect(sentencesOf('Это было в 2025 г. в Астане и в 2024 г. 15 ноября.')).toHaveLength(1);
    // A year at the very start of a sentence introduces it.
    expect(sentencesOf('В 1991 г. Казахстан обрел независимость.')).toHaveLength(1);
    // "г." without a number is "город".
    expect(sentencesOf('Он прибыл в г. Алматы вечером.')).toHaveLength(1);
  });

  it('ends a sentence after enumeration closers before a capitalised word', () => {
    expect(sentencesOf('Обсудили нефть, газ и т.д. Затем перешли к визам.')).toHaveLength(2);
    expect(sentencesOf('Обсудили нефть, газ и т.д. и договорились.')).toHaveLength(1);
    expect(sentencesOf('Приехали министры, послы и др. Встреча началась.')).toHaveLength(2);
    expect(sentencesOf('Сумма выросла на 5 млрд. Рост продолжится.')).toHaveLength(2);
    expect(sentencesOf('Сумма 5 млрд. руб. выделена.')).toHaveLength(1);
    expect(sentencesOf('Дом стоит на пр. Абая, а музей на пл. Республики.')).toHaveLength(1);
    expect(sentencesOf('Были яблоки, груши и пр. Далее все ушли.')).toHaveLength(2);
  });

  it('ends a sentence after ambiguous abbreviations only before a sentence opener', () => {
    expect(sentencesOf('U.S. President Trump met officials in the U.S. The talks went well.')).toEqual([
      'U.S. President Trump met officials in the U.S.',
      'The talks went well.',
    ]);
    expect(sentencesOf('Shares of Apple Inc. rose. Chevron Corp. Chairman Mike Wirth spoke.')).toHaveLength(
      2,
    );
    expect(sentencesOf('The deal closes on Jan. 5 at 10 a.m. Moscow time.')).toHaveLength(1);
    expect(sentencesOf('It opens at 10 a.m. The ceremony follows.')).toHaveLength(2);
  });

  it('treats "No." as an abbreviation only before a number', () => {
    expect(texts(tokenize('No. 5 and no. Then'))).toEqual(['No.', '5', 'and', 'no', '.', 'Then']);
    expect(sentencesOf('Resolution No. 5 passed. He said no. Then he left.')).toHaveLength(3);
  });

  it('never ends a sentence after initials', () => {
    expect(
      sentencesOf('Встреча М. Рубио и J. D. Vance прошла. В.В. Путин и В. В. Путин — одно лицо.'),
    ).toEqual(['Встреча М. Рубио и J. D. Vance прошла.', 'В.В. Путин и В. В. Путин — одно лицо.']);
    expect(texts(tokenize('В.В.Путин'))).toEqual(['В.В.', 'Путин']);
    expect(sentencesOf('Он живет в г.Москве на ул.Абая, а Mr.Smith — в No.5.')).toHaveLength(1);
    expect(texts(tokenize('в г.Москве'))).toEqual(['в', 'г.', 'Москве']);
    // An uppercase letter closing a sentence before a typical opener is not an initial.
    expect(sentencesOf('Это витамин С. В нем много пользы.')).toHaveLength(2);
  });
});

describe('sentences', () => {
  it('trims whitespace and assigns every token to one sentence', () => {
    const text = '  Первое предложение.   Второе!\n\n  Третье?  ';
    const { tokens, sentences } = segment(text);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'Первое предложение.',
      'Второе!',
      'Третье?',
    ]);
    sentences.forEach((s, i) => {
      expect(s.lang).toBe('und');
      for (let t = s.tokenStart!; t < s.tokenEnd!; t++) expect(tokens[t]!.sentence).toBe(i);
    });
    expect(sentences[0]!.tokenStart).toBe(0);
    expect(sentences[2]!.tokenEnd).toBe(tokens.length);
    expect(segment('   \n ').sentences).toEqual([]);
  });

  it('puts a closing quote or bracket after the end mark into the sentence', () => {
    expect(sentencesOf('Он сказал: «Мы придем». Затем ушел.')).toEqual([
      'Он сказал: «Мы придем».',
      'Затем ушел.',
    ]);
    expect(sentencesOf('Он сказал: «Мы придем.» Затем ушел.')).toEqual([
      'Он сказал: «Мы придем.»',
      'Затем ушел.',
    ]);
    expect(sentencesOf('Он сказал: „Мы придем.“ Затем ушел.')).toEqual([
      'Он сказал: „Мы придем.“',
      'Затем ушел.',
    ]);
    expect(sentencesOf('He said "we will win." The crowd cheered.')).toEqual([
      'He said "we will win."',
      'The crowd cheered.',
    ]);
    expect(sentencesOf('(Текст в скобках.) Потом.')).toEqual(['(Текст в скобках.)', 'Потом.']);
  });

  it('does not end a sentence when a quote is followed by a lower-case attribution', () => {
    expect(sentencesOf('«Мы готовы!» — сказал он. «Что дальше?» — спросил другой.')).toEqual([
      '«Мы готовы!» — сказал он.',
      '«Что дальше?» — спросил другой.',
    ]);
    expect(sentencesOf('"Все обошлось", - говорится в сообщении.')).toHaveLength(1);
  });

  it('handles ellipses, "?!" and glued sentences', () => {
    expect(sentencesOf('Подождите... Ну что ж… и ладно. Это всё?! Да.')).toEqual([
      'Подождите...',
      'Ну что ж… и ладно.',
      'Это всё?!',
      'Да.',
    ]);
    expect(sentencesOf('Он прибыл в Москве.Президент встретил его. Node.js работает.')).toEqual([
      'Он прибыл в Москве.',
      'Президент встретил его.',
      'Node.js работает.',
    ]);
  });

  it('does not treat a list number as a sentence', () => {
    expect(sentencesOf('1. Первый пункт. 2. Второй пункт.')).toEqual([
      '1. Первый пункт.',
      '2. Второй пункт.',
    ]);
  });

  it('ends a sentence at a blank line, and at a single newline after a heading or list item', () => {
    expect(
      sentencesOf('Токаев прибыл в Вашингтон\nПрезидент Казахстана начал визит.\n\nпродолжение'),
    ).toEqual(['Токаев прибыл в Вашингтон', 'Президент Казахстана начал визит.', 'продолжение']);
    expect(sentencesOf('Участники:\n- Казахстан\n- США\n05/08/2008 10:35\nТекст.')).toEqual([
      'Участники:',
      '- Казахстан',
      '- США',
      '05/08/2008 10:35',
      'Текст.',
    ]);
    // A blank line ends a sentence even after an abbreviation that never ends one.
    expect(sentencesOf('ул.\n\nАбая')).toHaveLength(2);
  });

  it('does not split a line wrapped mid-sentence', () => {
    expect(sentencesOf('Президент встретился с\nпослами, а затем с\nПремьер-министром.')).toHaveLength(1);
    const wrapped =
      'Президент Казахстана провел встречу с\nгосударственным секретарем и министром\nторговли, а затем с Главой\nAxios и другими\nлицами, которых\nне назвали.';
    expect(sentencesOf(wrapped)).toHaveLength(1);
  });

  it('keeps a tweet with its signature together, and a flag does not start a sentence of its own', () => {
    const text =
      'Казахстан присоединится.\n\n🇰🇿🇺🇸New: Tokayev will join the Abraham Accords, U.S. officials tell me. My story on @axioshttps://t.co/fkVtqI7B1Z — Barak Ravid (@BarakRavid) November 6, 2025\n\nВ Белом доме отмечают.';
    expect(sentencesOf(text)).toEqual([
      'Казахстан присоединится.',
      '🇰🇿🇺🇸New: Tokayev will join the Abraham Accords, U.S. officials tell me.',
      'My story on @axioshttps://t.co/fkVtqI7B1Z — Barak Ravid (@BarakRavid) November 6, 2025',
      'В Белом доме отмечают.',
    ]);
  });

  it('splits a 50,000-word sentence without quadratic work', () => {
    const words = Array.from({ length: 50_000 }, (_, i) => (i % 10 === 0 ? 'Президент' : 'визита'));
    const text = `${words.join(' ')}. Конец.`;
    const { tokens, sentences } = segment(text);
    expect(tokens).toHaveLength(50_000 + 3);
    expect(sentences).toHaveLength(2);
    expect(sentences[0]!.tokenEnd).toBe(50_001);
  });

  it('stays linear and exact on long runs without spaces', () => {
    const cases: [string, number][] = [
      ['a.'.repeat(200_000), 12_500], // dotted chains are inspected 16 segments (32 characters) at a time
      ['1 000 '.repeat(50_000), 50_000],
      ['👨‍👩‍👧 '.repeat(50_000), 50_000],
      ['@a#b'.repeat(50_000), 100_000],
    ];
    for (const [text, count] of cases) {
      const tokens = tokenize(text);
      expect(tokens).toHaveLength(count);
      expect(tokens.every((t) => text.slice(t.start, t.end) === t.text)).toBe(true);
    }
  });
});
