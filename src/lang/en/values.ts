/** English words for dates and amounts. Keys are lower case. */

export const MONTHS: ReadonlyArray<[string, number]> = [
  ['january|jan\\.?', 1],
  ['february|feb\\.?', 2],
  ['march|mar\\.?', 3],
  ['april|apr\\.?', 4],
  ['may', 5],
  ['june|jun\\.?', 6],
  ['july|jul\\.?', 7],
  ['august|aug\\.?', 8],
  ['september|sept?\\.?', 9],
  ['october|oct\\.?', 10],
  ['november|nov\\.?', 11],
  ['december|dec\\.?', 12],
];

export const WEEKDAYS: ReadonlyArray<[string, number]> = [
  ['monday', 1],
  ['tuesday', 2],
  ['wednesday', 3],
  ['thursday', 4],
  ['friday', 5],
  ['saturday', 6],
  ['sunday', 7],
];

export const RELATIVE_DAYS: ReadonlyArray<[string, number]> = [
  ['the day before yesterday', -2],
  ['yesterday', -1],
  ['today', 0],
  ['tonight', 0],
  ['the day after tomorrow', 2],
  ['tomorrow', 1],
];

export const RELATIVE_PERIOD_ADJ: ReadonlyArray<[string, number]> = [
  ['last', -1],
  ['previous', -1],
  ['this', 0],
  ['next', 1],
  ['coming', 1],
];

export const PERIOD_WORDS: ReadonlyArray<[string, 'year' | 'month' | 'week']> = [
  ['year', 'year'],
  ['month', 'month'],
  ['week', 'week'],
];

export const MULTIPLIERS: ReadonlyArray<[string, number]> = [
  ['trillion|tn|trn', 1e12],
  ['billion|bn|bln|b', 1e9],
  ['million|mn|mln|m', 1e6],
  ['thousand|k', 1e3],
];

export const CURRENCY_WORDS: ReadonlyArray<[string, string]> = [
  ['(?:u\\.s\\. |us )?dollars?', 'USD'],
  ['euros?', 'EUR'],
  ['pounds?(?: sterling)?', 'GBP'],
  ['(?:roubles?|rubles?)', 'RUB'],
  ['tenge', 'KZT'],
  ['yuan|renminbi', 'CNY'],
  ['yen', 'JPY'],
  ['rupees?', 'INR'],
  ['riyals?', 'SAR'],
  ['dirhams?', 'AED'],
  ['swiss francs?|francs?', 'CHF'],
  ['lira', 'TRY'],
  ['hryvnias?', 'UAH'],
  ['soms?', 'KGS'],
  ['sums?|soums?', 'UZS'],
];

/** Currency signs and prefixed codes before a number ("US$4.8 bn", "€12bn", "$2.5 billion"). */
export const CURRENCY_SIGNS: ReadonlyArray<[string, string]> = [
  ['us\\$|u\\.s\\.\\$|\\$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₽', 'RUB'],
  ['₸', 'KZT'],
  ['₹', 'INR'],
  ['usd ?', 'USD'],
  ['eur ?', 'EUR'],
  ['rub ?', 'RUB'],
  ['kzt ?', 'KZT'],
];

export const AMOUNT_QUALIFIERS =
  '(?:more than|over|about|around|nearly|almost|up to|some|roughly|approximately|at least)';
