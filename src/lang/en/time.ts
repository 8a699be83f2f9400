/** Nouns that head time phrases ("in 2010", "since the start of the year"). */
export const EN_TIME_NOUNS = [
  'year',
  'month',
  'week',
  'day',
  'time',
  'morning',
  'evening',
  'night',
  'period',
  'start',
  'end',
  'quarter',
  'decade',
  'century',
];
