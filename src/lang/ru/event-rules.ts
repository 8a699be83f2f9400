import type { ArgSpec, EventRule, RuleExample } from '../../events/types.js';

/**
 * Russian event rules. Triggers are lemma sequences (as the morphology stage writes them, ё as е).
 * Arguments come from case and prepositions: the subject in the nominative, "с" + instrumental for a
 * partner, "между X и Y", "в" + accusative for a destination, the accusative object of "принять".
 */

const SUBJ: ArgSpec = { from: 'subject' };
const CTX: ArgSpec = { from: 'context' };
const GEN: ArgSpec = { from: 'gen' };
const WITH: ArgSpec = { from: 'prep', preps: ['с', 'со'], cases: ['ablt'] };
const TO_PLACE: ArgSpec = { from: 'prep', preps: ['в', 'во', 'на'], cases: ['accs'] };
const TO_DAT: ArgSpec = { from: 'prep', preps: ['к', 'ко'], cases: ['datv'] };
const OBJ: ArgSpec = { from: 'object', cases: ['accs'] };
const OBJ_DAT: ArgSpec = { from: 'object', cases: ['datv'] };
const BETWEEN: ArgSpec = { from: 'between' };
const AGAINST: ArgSpec = { from: 'prep', preps: ['против', 'в отношение', 'по'], cases: ['gent', 'datv'] };

type R = Omit<EventRule, 'lang' | 'examples'> & { examples?: RuleExample[] };

function rule(r: R): EventRule {
  return { lang: 'ru', examples: [], ...r };
}

const ex = (text: string, expect: RuleExample['expect'], date = '2025-11-07'): RuleExample => ({
  text,
  date,
  expect,
});

export const RU_EVENT_RULES: EventRule[] = [
  // ---- MEET ----
  rule({
    id: 'ru.meet.provesti-peregovory',
    trigger: ['провести переговоры', 'провести встречу', 'вести переговоры', 'переговоры', 'переговор'],
    pos: 'NOUN',
    type: 'MEET',
    source: [SUBJ, GEN, CTX],
    target: [WITH, BETWEEN],
    examples: [
      ex('Токаев провел переговоры с Путиным в Москве.', {
        type: 'MEET',
        source: ['Kassym-Jomart Tokayev'],
        target: ['Vladimir Putin'],
        status: 'occurred',
      }),
      ex('Глава МИД России Сергей Лавров проведет переговоры с Марко Рубио в пятницу.', {
        type: 'MEET',
        source: ['Sergey Lavrov'],
        target: ['Marco Rubio'],
        status: 'planned',
        date: '2025-11-07',
      }),
    ],
  }),
  rule({
    id: 'ru.meet.vstretitsya',
    trigger: ['встретиться', 'встречаться', 'провести встреча', 'обсудить', 'обсуждать'],
    pos: 'VERB',
    type: 'MEET',
    source: [SUBJ, CTX],
    target: [WITH],
    examples: [
      ex('Вчера Эрдоган встретился с Путиным в Сочи.', {
        type: 'MEET',
        source: ['Recep Tayyip Erdoğan'],
        target: ['Vladimir Putin'],
        date: '2025-11-06',
        status: 'occurred',
      }),
    ],
  }),
  rule({
    id: 'ru.meet.vstrecha-s',
    trigger: ['встреча', 'беседа', 'консультация', 'консультации'],
    pos: 'NOUN',
    type: 'MEET',
    source: [SUBJ, GEN, CTX],
    target: [WITH, BETWEEN],
    needsTarget: true,
    examples: [
      ex('Визит начался со встречи Токаева с Владимиром Путиным.', {
        type: 'MEET',
        source: ['Kassym-Jomart Tokayev'],
        target: ['Vladimir Putin'],
      }),
    ],
  }),
  rule({
    id: 'ru.meet.uchastie-v-sammite',
    trigger: ['принять участие', 'участвовать'],
    pos: 'VERB',
    type: 'MEET',
    cameo: '046',
    ploverMode: 'multilateral',
    source: [SUBJ, CTX],
    target: [{ from: 'prep', preps: ['в', 'во'], cases: ['loct'], types: ['EVENT_NAME', 'ORG'] }],
    needsTarget: true,
    examples: [
      ex('Токаев примет участие в саммите ШОС.', {
        type: 'MEET',
        source: ['Kassym-Jomart Tokayev'],
        target: ['SCO summit'],
        status: 'planned',
      }),
    ],
  }),
  rule({
    id: 'ru.meet.prinyat',
    trigger: ['принять'],
    pos: 'VERB',
    type: 'HOST_VISIT',
    source: [SUBJ, CTX],
    target: [OBJ],
    needsTarget: true,
    vetoNext: ['участие', 'решение', 'закон', 'меры', 'мера', 'резолюция', 'участия'],
    examples: [
      ex(
        'Президент Казахстана Касым-Жомарт Токаев принял в Акорде министра иностранных дел России Сергея Лаврова.',
        {
          type: 'HOST_VISIT',
          source: ['Kassym-Jomart Tokayev'],
          target: ['Sergey Lavrov'],
          status: 'occurred',
        },
      ),
    ],
  }),
  // ---- PHONE_CALL ----
  rule({
    id: 'ru.call.telefonnyi-razgovor',
    trigger: [
      'телефонный разговор',
      'провести телефонный разговор',
      'поговорить по телефон',
      'созвониться',
      'телефонный переговоры',
      'видеоконференция',
    ],
    pos: 'NOUN',
    type: 'PHONE_CALL',
    source: [SUBJ, GEN, CTX],
    target: [WITH, BETWEEN],
    examples: [
      ex('Путин провел телефонный разговор с Токаевым.', {
        type: 'PHONE_CALL',
        source: ['Vladimir Putin'],
        target: ['Kassym-Jomart Tokayev'],
      }),
    ],
  }),
  // ---- VISIT ----
  rule({
    id: 'ru.visit.pribyt',
    trigger: ['прибыть', 'приехать', 'прилететь', 'отправиться', 'направиться'],
    pos: 'VERB',
    type: 'VISIT',
    source: [SUBJ],
    target: [TO_PLACE],
    needsTarget: true,
    examples: [
      ex('Президент Казахстана в четверг прибыл с визитом в Вашингтон.', {
        type: 'VISIT',
        source: ['Kassym-Jomart Tokayev'],
        target: ['United States'],
        date: '2025-11-06',
        status: 'occurred',
      }),
    ],
  }),
  rule({
    id: 'ru.visit.posetit',
    trigger: ['посетить', 'посещать'],
    pos: 'VERB',
    type: 'VISIT',
    source: [SUBJ],
    target: [OBJ],
    needsTarget: true,
    examples: [
      ex('В следующем месяце Мирзиёев посетит Казахстан.', {
        type: 'VISIT',
        source: ['Shavkat Mirziyoyev'],
        target: ['Kazakhstan'],
        status: 'planned',
        date: '2025-12',
      }),
    ],
  }),
  rule({
    id: 'ru.visit.vizit-v',
    trigger: ['визит', 'поездка', 'посещение', 'турне'],
    pos: 'NOUN',
    type: 'VISIT',
    source: [GEN, SUBJ, CTX],
    target: [TO_PLACE, { from: 'gen', types: ['COUNTRY', 'CITY'] }],
    needsTarget: true,
    examples: [
      ex(
        'Белый дом готовится к визиту наследного принца Саудовской Аравии Мухаммеда бин Салмана в Вашингтон 18 ноября.',
        {
          type: 'VISIT',
          source: ['Mohammed bin Salman'],
          target: ['United States'],
          date: '2025-11-18',
          status: 'planned',
        },
      ),
    ],
  }),
  // ---- SIGN_AGREEMENT / DEAL ----
  rule({
    id: 'ru.sign.podpisat',
    trigger: ['подписать', 'подписывать', 'заключить', 'заключать', 'ратифицировать', 'парафировать'],
    pos: 'VERB',
    type: 'SIGN_AGREEMENT',
    withCompany: 'DEAL',
    amount: true,
    source: [SUBJ, { ...CTX, as: 'country' }],
    target: [WITH, BETWEEN],
    examples: [
      ex('Казахстан и Узбекистан подписали соглашение о демаркации границы.', {
        type: 'SIGN_AGREEMENT',
        source: ['Kazakhstan'],
        target: ['Uzbekistan'],
        status: 'occurred',
      }),
      ex(
        'В рамках визита Токаева в США было подписано соглашение с компанией Boeing на сумму 2,5 млрд долларов.',
        { type: 'DEAL', source: ['Kazakhstan'], target: ['Boeing'], amount: 2.5e9, status: 'occurred' },
      ),
    ],
  }),
  rule({
    id: 'ru.sign.podpisanie',
    trigger: ['подписание', 'заключение', 'ратификация'],
    pos: 'NOUN',
    type: 'SIGN_AGREEMENT',
    withCompany: 'DEAL',
    amount: true,
    requires: [
      'соглашение',
      'меморандум',
      'договор',
      'контракт',
      'декларация',
      'программа',
      'протокол',
      'хартия',
      'план',
      'дорожный',
    ],
    source: [BETWEEN, SUBJ, { ...CTX, as: 'country' }],
    target: [BETWEEN, WITH],
    examples: [
      ex(
        'Затем состоялось подписание Меморандума о взаимопонимании между Республикой Казахстан и Соединенными Штатами Америки.',
        { type: 'SIGN_AGREEMENT', source: ['Kazakhstan'], target: ['United States'], status: 'occurred' },
      ),
    ],
  }),
  // ---- JOIN ----
  rule({
    id: 'ru.join.prisoedinitsya',
    trigger: ['присоединиться', 'присоединяться', 'вступить', 'вступать', 'стать член', 'стать участник'],
    pos: 'VERB',
    type: 'JOIN',
    source: [SUBJ],
    target: [
      {
        from: 'prep',
        preps: ['к', 'ко', 'в', 'во'],
        cases: ['datv', 'accs'],
        types: ['TREATY', 'ORG', 'EVENT_NAME'],
      },
    ],
    needsTarget: true,
    examples: [
      ex('Казахстан присоединится к Авраамским соглашениям.', {
        type: 'JOIN',
        source: ['Kazakhstan'],
        target: ['Abraham Accords'],
        status: 'planned',
      }),
    ],
  }),
  rule({
    id: 'ru.join.prisoedinenie',
    trigger: ['присоединение', 'вступление'],
    pos: 'NOUN',
    type: 'JOIN',
    source: [GEN],
    target: [
      {
        from: 'prep',
        preps: ['к', 'ко', 'в', 'во'],
        cases: ['datv', 'accs'],
        types: ['TREATY', 'ORG', 'EVENT_NAME'],
      },
    ],
    examples: [
      ex('Власти обсуждают вступление Узбекистана в ВТО.', {
        type: 'JOIN',
        source: ['Uzbekistan'],
        target: ['World Trade Organization'],
      }),
    ],
  }),
  // ---- DEAL ----
  rule({
    id: 'ru.deal.kontrakt',
    trigger: [
      'контракт',
      'сделка',
      'инвестировать',
      'вложить',
      'закупить',
      'купить',
      'приобрести',
      'заказать',
    ],
    pos: 'VERB',
    type: 'DEAL',
    amount: true,
    source: [SUBJ, { ...CTX, as: 'country' }],
    target: [
      WITH,
      { from: 'prep', preps: ['у'], cases: ['gent'] },
      { from: 'prep', preps: ['в', 'во'], cases: ['accs', 'loct'], types: ['COUNTRY', 'ORG'] },
    ],
    needsTarget: true,
    examples: [
      ex('Самрук-Казына подписал контракт с компанией Wabtec на сумму 1,2 млрд долларов.', {
        type: 'DEAL',
        source: ['Samruk-Kazyna'],
        target: ['Wabtec'],
        amount: 1.2e9,
      }),
    ],
  }),
  // ---- STATEMENT ----
  rule({
    id: 'ru.statement.zayavit',
    trigger: [
      'заявить',
      'заявлять',
      'подчеркнуть',
      'подчеркивать',
      'отметить',
      'отмечать',
      'сказать',
      'говорить',
      'выступить',
      'выступать',
      'обратиться',
      'указать',
      'констатировать',
    ],
    pos: 'VERB',
    type: 'STATEMENT',
    source: [SUBJ, { from: 'prep', preps: ['в', 'во'], cases: ['loct'], types: ['ORG'] }],
    target: [TO_DAT],
    examples: [
      ex(
        'Трамп обратился к послу Саудовской Аравии в США принцессе Риме бинт Бандар и подчеркнул, что хотел бы видеть Эр-Рияд среди участников соглашений.',
        {
          type: 'STATEMENT',
          source: ['Donald Trump'],
          target: ['Saudi Arabia', 'Reema bint Bandar Al Saud'],
          status: 'occurred',
        },
      ),
    ],
  }),
  // ---- APPEAL ----
  rule({
    id: 'ru.appeal.prizvat',
    trigger: [
      'призвать',
      'призывать',
      'попросить',
      'просить',
      'потребовать',
      'требовать',
      'обратиться с просьба',
      'настаивать',
    ],
    pos: 'VERB',
    type: 'APPEAL',
    source: [SUBJ],
    target: [OBJ, { from: 'prep', preps: ['от', 'у'], cases: ['gent'] }],
    examples: [
      ex('Генсек ООН Антониу Гутерриш призвал Израиль прекратить огонь.', {
        type: 'APPEAL',
        source: ['António Guterres'],
        target: ['Israel'],
      }),
    ],
  }),
  // ---- INTENT ----
  rule({
    id: 'ru.intent.predlozhit',
    trigger: [
      'предложить',
      'предлагать',
      'пообещать',
      'обещать',
      'договориться',
      'условиться',
      'выразить готовность',
      'пригласить',
    ],
    pos: 'VERB',
    type: 'INTENT',
    source: [SUBJ],
    target: [OBJ_DAT, OBJ, WITH],
    examples: [
      ex('Токаев пригласил Мирзиёева посетить Астану.', {
        type: 'INTENT',
        source: ['Kassym-Jomart Tokayev'],
        target: ['Shavkat Mirziyoyev'],
      }),
    ],
  }),
  // ---- PRAISE ----
  rule({
    id: 'ru.praise.poblagodarit',
    trigger: [
      'поблагодарить',
      'благодарить',
      'похвалить',
      'приветствовать',
      'высоко оценить',
      'поздравить',
      'поддержать',
    ],
    pos: 'VERB',
    type: 'PRAISE',
    source: [SUBJ],
    target: [OBJ, OBJ_DAT],
    needsTarget: true,
    vetoNext: ['отношение', 'отношения', 'связь', 'контакт'],
    examples: [
      ex('Путин поблагодарил Токаева за гостеприимство.', {
        type: 'PRAISE',
        source: ['Vladimir Putin'],
        target: ['Kassym-Jomart Tokayev'],
      }),
    ],
  }),
  // ---- MEDIATE ----
  rule({
    id: 'ru.mediate.posrednichestvo',
    trigger: ['посредничество', 'выступить посредник', 'посредничать'],
    pos: 'NOUN',
    type: 'MEDIATE',
    source: [SUBJ, GEN],
    target: [BETWEEN],
    examples: [
      ex('Катар предложил посредничество между Израилем и ХАМАС.', {
        type: 'MEDIATE',
        source: ['Qatar'],
        target: ['Hamas'],
      }),
    ],
  }),
  // ---- COOPERATE / AID ----
  rule({
    id: 'ru.aid.pomoshch',
    trigger: [
      'выделить помощь',
      'оказать помощь',
      'направить помощь',
      'передать помощь',
      'гуманитарный помощь',
    ],
    pos: 'VERB',
    type: 'AID',
    amount: true,
    source: [SUBJ],
    target: [OBJ_DAT],
    examples: [
      ex('Казахстан направил гуманитарную помощь Афганистану.', {
        type: 'AID',
        source: ['Kazakhstan'],
        target: ['Afghanistan'],
      }),
    ],
  }),
  rule({
    id: 'ru.cooperate.uchenia',
    trigger: ['совместный учение', 'провести учение', 'экстрадировать', 'экстрадиция'],
    pos: 'VERB',
    type: 'COOPERATE',
    source: [SUBJ],
    target: [WITH, OBJ_DAT],
    examples: [
      ex('Россия и Китай провели совместные учения.', {
        type: 'COOPERATE',
        source: ['Russia'],
        target: ['China'],
      }),
    ],
  }),
  // ---- conflict ----
  rule({
    id: 'ru.accuse.obvinit',
    trigger: ['обвинить', 'обвинять', 'осудить', 'осуждать', 'раскритиковать', 'критиковать'],
    pos: 'VERB',
    type: 'ACCUSE',
    source: [SUBJ],
    target: [OBJ],
    needsTarget: true,
    examples: [
      ex('МИД Китая осудил США за введение пошлин.', {
        type: 'ACCUSE',
        source: ['Ministry of Foreign Affairs of China'],
        target: ['United States'],
      }),
    ],
  }),
  rule({
    id: 'ru.reject.otklonit',
    trigger: ['отклонить', 'отвергнуть', 'отказаться', 'наложить вето'],
    pos: 'VERB',
    type: 'REJECT',
    source: [SUBJ],
    target: [{ from: 'prep', preps: ['от'], cases: ['gent'] }, OBJ],
    examples: [
      ex('Иран отверг предложение США.', { type: 'REJECT', source: ['Iran'], target: ['United States'] }),
    ],
  }),
  rule({
    id: 'ru.threaten.prigrozit',
    trigger: ['пригрозить', 'угрожать', 'грозить'],
    pos: 'VERB',
    type: 'THREATEN',
    source: [SUBJ],
    target: [OBJ_DAT],
    examples: [
      ex('Трамп пригрозил Ирану новыми санкциями.', {
        type: 'THREATEN',
        source: ['Donald Trump'],
        target: ['Iran'],
      }),
    ],
  }),
  rule({
    id: 'ru.protest.miting',
    trigger: ['митинг', 'акция протеста', 'протест', 'забастовка', 'демонстрация', 'бойкотировать'],
    pos: 'NOUN',
    type: 'PROTEST',
    source: [SUBJ, GEN],
    target: [AGAINST],
    examples: [
      ex('Фермеры Франции вышли на акцию протеста против политики ЕС.', {
        type: 'PROTEST',
        target: ['European Union'],
      }),
    ],
  }),
  rule({
    id: 'ru.sanction.vvesti-sanktsii',
    trigger: ['ввести санкция', 'санкция', 'выслать', 'разорвать дипломатический отношение', 'заморозить'],
    pos: 'VERB',
    type: 'SANCTION',
    source: [SUBJ],
    target: [AGAINST, OBJ],
    examples: [
      ex('Евросоюз ввел санкции против России.', {
        type: 'SANCTION',
        source: ['European Union'],
        target: ['Russia'],
      }),
    ],
  }),
  rule({
    id: 'ru.coerce.zaderzhat',
    trigger: ['задержать', 'арестовать', 'арест', 'задержание', 'конфисковать', 'заблокировать'],
    pos: 'VERB',
    type: 'COERCE',
    source: [SUBJ],
    target: [OBJ],
    examples: [
      ex('ФСБ задержала гражданина Казахстана.', { type: 'COERCE', source: ['Federal Security Service'] }),
    ],
  }),
  rule({
    id: 'ru.assault.udar',
    trigger: [
      'нанести удар',
      'атаковать',
      'обстрелять',
      'удар',
      'атака',
      'обстрел',
      'бомбардировка',
      'вторгнуться',
    ],
    pos: 'VERB',
    type: 'ASSAULT',
    source: [SUBJ],
    target: [{ from: 'prep', preps: ['по'], cases: ['datv'] }, OBJ],
    examples: [ex('Израиль нанес удар по Ирану.', { type: 'ASSAULT', source: ['Israel'], target: ['Iran'] })],
  }),
  rule({
    id: 'ru.mobilize.voiska',
    trigger: [
      'перебросить войско',
      'стянуть войско',
      'мобилизация',
      'привести в боевой готовность',
      'нарастить группировка',
    ],
    pos: 'VERB',
    type: 'MOBILIZE',
    source: [SUBJ],
    target: [],
    examples: [ex('Россия перебросила войска к границе.', { type: 'MOBILIZE', source: ['Russia'] })],
  }),
  rule({
    id: 'ru.yield.osvobodit',
    trigger: ['освободить', 'вывести войска', 'отменить санкция', 'смягчить'],
    pos: 'VERB',
    type: 'YIELD',
    source: [SUBJ],
    target: [OBJ],
    examples: [ex('США отменили санкции против Беларуси.', { type: 'YIELD', source: ['United States'] })],
  }),
];
