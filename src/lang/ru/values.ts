/** Russian words for dates and amounts. Keys are lower case; ё is written е. */

/** Month names in any case ("ноября", "ноябре", "ноябрь"); whole words only ("Майами" is not May). */
export const MONTH_STEMS: ReadonlyArray<[string, number]> = [
  ['январ[ьяею]', 1],
  ['феврал[ьяею]', 2],
  ['март[аеу]?', 3],
  ['апрел[ьяею]', 4],
  ['ма[йяею]', 5],
  ['июн[ьяею]', 6],
  ['июл[ьяею]', 7],
  ['август[аеу]?', 8],
  ['сентябр[ьяею]', 9],
  ['октябр[ьяею]', 10],
  ['ноябр[ьяею]', 11],
  ['декабр[ьяею]', 12],
];

/** Weekday stems (ISO: Monday = 1). */
export const WEEKDAY_STEMS: ReadonlyArray<[string, number]> = [
  ['понедельник', 1],
  ['вторник', 2],
  ['сред[уаые]', 3],
  ['четверг', 4],
  ['пятниц[уаые]', 5],
  ['суббот[уаые]', 6],
  ['воскресень[еяю]', 7],
];

/** Words meaning a day relative to publication: offset in days. */
export const RELATIVE_DAYS: ReadonlyArray<[string, number]> = [
  ['позавчера', -2],
  ['вчера', -1],
  ['накануне', -1],
  ['сегодня', 0],
  ['ныне', 0],
  ['послезавтра', 2],
  ['завтра', 1],
];

/** "в прошлом году", "в этом месяце", "на следующей неделе": which way each adjective points. */
export const RELATIVE_PERIOD_ADJ: ReadonlyArray<[string, number]> = [
  ['прошл[оа][мйг]', -1],
  ['минувш[еи][мйг]', -1],
  ['предыдущ[еи][мйг]', -1],
  ['это[мй]', 0],
  ['текущ[еи][мйг]', 0],
  ['нынешн[еи][мйг]', 0],
  ['следующ[еи][мйг]', 1],
  ['будущ[еи][мйг]', 1],
  ['наступающ[еи][мйг]', 1],
];

/** The same adjectives in the genitive, after "в начале/конце/середине": "в конце следующего года". */
export const RELATIVE_PERIOD_ADJ_GEN: ReadonlyArray<[string, number]> = [
  ['прошлого', -1],
  ['минувшего', -1],
  ['предыдущего', -1],
  ['этого', 0],
  ['текущего', 0],
  ['нынешнего', 0],
  ['следующего', 1],
  ['будущего', 1],
  ['наступающего', 1],
];

/** A part of a period: "в начале", "в конце", "в середине", "в первой половине". */
export const PERIOD_PART = '(?:начале|конце|середине|(?:первой|второй)\\s+половине)';

/** Periods in the genitive after a part ("в конце месяца", "в начале года"). */
export const PERIOD_STEMS_GEN: ReadonlyArray<[string, 'year' | 'month']> = [
  ['года', 'year'],
  ['месяца', 'month'],
];

export const PERIOD_STEMS: ReadonlyArray<[string, 'year' | 'month' | 'week']> = [
  ['году', 'year'],
  ['года', 'year'],
  ['месяце', 'month'],
  ['неделе', 'week'],
];

/** Words after a year that mark it as a year ("2025 года", "2025 г.", "2025 году"). */
export const YEAR_WORD = '(?:год[ауом]?|г\\.|гг\\.)';

/** Multipliers: "млрд", "миллиарда", "тыс.", "трлн". */
export const MULTIPLIERS: ReadonlyArray<[string, number]> = [
  ['трлн\\.?', 1e12],
  ['триллион[аов]*', 1e12],
  ['млрд\\.?', 1e9],
  ['миллиард[аов]*', 1e9],
  ['млн\\.?', 1e6],
  ['миллион[аов]*', 1e6],
  ['тыс\\.?', 1e3],
  ['тысяч[аиу]?', 1e3],
];

/** Currency word stems (inflected forms start with them) and ISO 4217 codes. */
export const CURRENCIES: ReadonlyArray<[string, string]> = [
  ['доллар[аовмх]*(?: сша)?', 'USD'],
  ['долл\\.', 'USD'],
  ['евро', 'EUR'],
  ['рубл[ьяейю][йм]?и?', 'RUB'],
  ['руб\\.', 'RUB'],
  ['тенге', 'KZT'],
  ['сум[аов]*', 'UZS'],
  ['сомони', 'TJS'],
  ['сом[аов]*', 'KGS'],
  ['юан[ьяейю][йм]?', 'CNY'],
  ['фунт[аов]* стерлингов', 'GBP'],
  ['фунт[аов]*', 'GBP'],
  ['иен[аыу]?', 'JPY'],
  ['гривен|гривн[аыу]', 'UAH'],
  ['лир[аыу]?', 'TRY'],
  ['дирхам[аов]*', 'AED'],
  ['риял[аов]*|риал[аов]*', 'SAR'],
  ['рупи[йяи]', 'INR'],
  ['франк[аов]*', 'CHF'],
  ['манат[аов]*', 'AZN'],
];

/** Words before an amount that qualify it ("более 20 млрд"): kept in the amount's text. */
export const AMOUNT_QUALIFIERS =
  '(?:более|свыше|около|почти|порядка|до|менее|примерно|около|не менее|не более)';
