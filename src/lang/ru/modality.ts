/**
 * Russian cues of status (OUTPUT.md): lemma sequences looked for in the trigger's clause, before
 * the trigger unless noted. Clause boundaries are words that open a new clause.
 *
 * How the engine reads them: `negation` is a single word at most three words before the trigger;
 * `hypothetical` anywhere in the trigger's clause; `expected` and `planned` before the trigger in its
 * clause or the clause it depends on; `reported` anywhere in the sentence.
 */

/** Words for the parties of an event that name people ("лидеры", "президенты", "главы государств"). */
const PEOPLE_PARTIES = [
  'лидер',
  'министр',
  'оба лидер',
  'президент двух страна',
  'глава двух государство',
  'собеседник',
  // Plural surface forms, which the singular title ("Глава государства" = the president) never has.
  'главы государств',
  'главы правительств',
  'главы мид',
  'главы внешнеполитических ведомств',
  'президенты',
  'премьер-министры',
  'премьеры',
];

export const RU_MODALITY = {
  negation: [
    'не',
    'ни',
    'так и не',
    'отказаться',
    // "отменил визит", "отложил подписание", "исключил встречу": the event did not or will not happen.
    'отменить',
    'отложить',
    'сорвать',
    'опровергнуть',
    'отрицать',
    'нет',
  ],
  hypothetical: [
    'бы',
    'если',
    'в случай',
    'хотеть бы',
    'мочь бы',
    'возможно',
    'мочь',
    'не исключить',
    'не исключать',
    'при условие',
    'допустить',
    'допускать',
    'потенциальный',
    'гипотетический',
  ],
  expected: [
    'ожидаться',
    'ожидать',
    'предполагаться',
    'по ожидание',
    'вероятно',
    'скорее всего',
    'по прогноз',
    'как ожидаться',
    'рассчитывать',
  ],
  planned: [
    // The analytic future ("будет вести переговоры", "будет подписано"), by its surface forms.
    'будет',
    'будут',
    'будем',
    'намерен',
    'намеренный',
    'намерить',
    'намереваться',
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
    'должный',
    'в ближний время',
    'в ближайший время',
    'на следующий неделя',
    'на предстоящий неделя',
    'в следующий месяц',
    'в следующий год',
    // "договорились о встрече", "достигнута договоренность о визите": the meeting is still to come.
    'договориться о',
    'договоренность о',
    // "договорились провести заседание", "условились встретиться": the agreed act is still to come.
    'договориться',
    'условиться',
    // "подготовка к визиту": the visit is being prepared.
    'подготовка к',
    'согласовать',
    'анонсировать',
    'объявить о предстоящий',
  ],
  reported: [
    'по данные',
    'как пишет',
    'как писать',
    'сообщать сми',
    'писать сми',
    'сми сообщать',
    'сми сообщить',
    'по информация',
    'по сведение',
    'якобы',
    'по слух',
    'предположительно',
    'по неофициальный',
    'со ссылка на источник',
    // "+" lets up to two adjectives stand before the word: "со ссылкой на дипломатические источники".
    'со ссылка на +источник',
    // Another outlet's account, not the agency's own credit line: "как сообщает турецкая газета Hürriyet".
    'как сообщать +газета',
    'как сообщать +издание',
    'как сообщать +телеканал',
    'как сообщать +портал',
    'как сообщать +сайт',
    'как передавать +телеканал',
    'как передавать +газета',
    'как передавать +издание',
    'сообщать +газета',
    'сообщать +издание',
    'сообщать +телеканал',
    'писать +газета',
    'писать +издание',
    'ссылка на источник',
    'по слово источник',
    'информированный источник',
    'анонимный источник',
    'источник в',
    'источник издание',
    'источник агентство',
    'сообщить источник',
    'сообщать источник',
    'источник сообщить',
    'источник сообщать',
  ],
  /** Words that end one clause and start another (the status of one verb does not spill over). */
  clauseBreaks: [
    'что',
    'чтобы',
    'который',
    'однако',
    'но',
    'а',
    'когда',
    'где',
    'поскольку',
    'так как',
    'хотя',
    'после',
    'пока',
    'тогда',
    'причем',
  ],
  /** Pronouns and nouns that stand for the country of the last-named actor ("его страна"). */
  ownCountry: ['страна', 'государство', 'республика'],
  possessives: ['его', 'ее', 'их', 'свой'],
  /**
   * Words for people protesting: a demand, denunciation or violence by them is a protest
   * (CAMEO 14x: «Протестующие потребовали отставки…»). Participles appear under either lemma.
   */
  protesters: [
    'протестующий',
    'протестовать',
    'демонстрант',
    'митингующий',
    'митинговать',
    'манифестант',
    'забастовщик',
    'бастующий',
    'бастовать',
    'погромщик',
    'толпа',
  ],
  /** Modals of obligation: an act someone says another must do is their appeal to the other. */
  obligation: [
    'должный',
    'должен',
    'должна',
    'должны',
    'обязанный',
    'обязан',
    'обязаны',
    'следовать',
    'необходимо',
    'нужно',
  ],
  /** Nouns for a state's organs: «власти Латвии» is Latvia acting as a state. */
  stateHeads: [
    'власть',
    'власти',
    'правительство',
    'министерство',
    'армия',
    'войско',
    'войска',
    'полиция',
    'силовик',
    'режим',
    'президент',
    'руководство',
    'парламент',
    'суд',
    'посольство',
    'делегация',
    'представитель',
    'глава',
    'лидер',
  ],
  /** Words for the two parties of the event the text is about ("стороны", "лидеры двух стран"). */
  parties: ['сторона', 'обе сторона', 'делегация', ...PEOPLE_PARTIES],
  /** Verbs that call an event off when they are the predicate of its noun ("визит перенесен"). */
  calledOff: ['отменить', 'перенести', 'отложить', 'сорвать', 'отменять', 'переносить', 'откладывать'],
  /** Verbs of denial: an event noun in what they deny did not happen. */
  denial: ['опровергнуть', 'опровергать', 'отрицать'],
  /** Lemmas of a sentence that states what the deal of the sentence before costs. */
  amountNouns: ['стоимость', 'сумма', 'объем', 'оцениваться', 'обойтись'],
  /** The `parties` words that name people: they stand for the last two people who dealt together. */
  peopleParties: PEOPLE_PARTIES,
};

/** A date right after these words is a deadline, not the event's date. */
export const RU_DEADLINE = /(?:^|[^\p{L}])(?:к|до|не позднее)\s+\d/iu;
