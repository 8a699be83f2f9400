/** Nouns that head time phrases ("в 2010 году", "с начала года"): such a phrase never governs a following name. */
export const RU_TIME_NOUNS = [
  'год',
  'месяц',
  'неделя',
  'день',
  'время',
  'утро',
  'вечер',
  'ночь',
  'период',
  'начало',
  'конец',
  'середина',
  'квартал',
  'полугодие',
  'десятилетие',
  'век',
];
