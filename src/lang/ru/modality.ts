/**
 * Russian cues of status (OUTPUT.md): lemma sequences looked for in the trigger's clause, before
 * the trigger unless noted. Clause boundaries are words that open a new clause.
 */
export const RU_MODALITY = {
  negation: ['не', 'ни', 'так и не', 'отказаться'],
  hypothetical: ['бы', 'если', 'в случай', 'хотеть бы', 'мочь бы', 'возможно'],
  expected: ['ожидаться', 'ожидать', 'предполагаться', 'по ожидание', 'вероятно'],
  planned: [
    'намерен',
    'намеренный',
    'планировать',
    'собираться',
    'предстоять',
    'готовиться',
    'планироваться',
    'намечать',
    'намечаться',
    'в преддверие',
    'предстоящий',
    'запланировать',
    'запланированный',
  ],
  reported: [
    'по данные',
    'как пишет',
    'сообщать сми',
    'писать сми',
    'по информация',
    'якобы',
    'по слух',
    'источник',
  ],
  /** Words that end one clause and start another (the status of one verb does not spill over). */
  clauseBreaks: ['что', 'чтобы', 'который', 'однако', 'но', 'а', 'когда', 'где', 'поскольку', 'так как'],
  /** Pronouns and nouns that stand for the country of the last-named actor ("его страна"). */
  ownCountry: ['страна', 'государство', 'республика'],
  possessives: ['его', 'ее', 'их', 'свой'],
  /** Words for the two parties of the event the text is about ("стороны", "лидеры двух стран"). */
  parties: ['сторона', 'обе сторона', 'лидер', 'министр', 'делегация', 'оба лидер', 'президент двух страна'],
};

/** A date right after these words is a deadline, not the event's date. */
export const RU_DEADLINE = /(?:^|[^\p{L}])(?:к|до|не позднее)\s+\d/iu;
