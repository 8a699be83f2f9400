/**
 * Hand-made analysed documents for the store tests: entities and events built here, not extracted,
 * so the store is tested against the full output contract before the extraction stages exist.
 */
import { Doc, type Entity, type EntityRef, type Event, type EventStatus, type Token } from '../../src/doc.js';
import { pipelineVersion, prepareDocument } from '../../src/store/prepare.js';
import type { PreparedDocument } from '../../src/store/types.js';

export const VERSION_A = pipelineVersion(['segment', 'langid', 'morph']);
export const VERSION_B = pipelineVersion(['segment', 'langid', 'morph', 'events']);

type EntitySpec = Omit<Entity, 'mentions' | 'roles' | 'names'> & {
  names?: Record<string, string>;
  roles?: Entity['roles'];
  /** Surface forms with their lemma; offsets are found in the text. */
  forms: Array<[text: string, lemma: string]>;
};

export const KAZ: EntitySpec = {
  id: 'Q232',
  wikidata: 'Q232',
  name: 'Kazakhstan',
  names: { ru: 'Казахстан', kk: 'Қазақстан' },
  type: 'COUNTRY',
  country: 'KAZ',
  forms: [
    ['Казахстана', 'казахстан'],
    ['Казахстан', 'казахстан'],
  ],
};

export const TOKAYEV: EntitySpec = {
  id: 'kb:tokayev',
  wikidata: null,
  name: 'Kassym-Jomart Tokayev',
  names: { ru: 'Касым-Жомарт Токаев' },
  type: 'PERSON',
  country: 'KAZ',
  roles: [{ role: 'president', of: 'KAZ' }],
  forms: [
    ['Касым-Жомарт Токаев', 'касым-жомарт токаев'],
    ['Токаева', 'токаев'],
    ['Токаев', 'токаев'],
  ],
};

export const USA: EntitySpec = {
  id: 'Q30',
  wikidata: 'Q30',
  name: 'United States',
  names: { ru: 'США' },
  type: 'COUNTRY',
  country: 'USA',
  forms: [['США', 'сша']],
};

export const TRUMP: EntitySpec = {
  id: 'Q22686',
  wikidata: 'Q22686',
  name: 'Donald Trump',
  names: { ru: 'Дональд Трамп' },
  type: 'PERSON',
  country: 'USA',
  forms: [
    ['Дональдом Трампом', 'дональд трамп'],
    ['Трампом', 'трамп'],
    ['Трамп', 'трамп'],
  ],
};

export const RUSSIA: EntitySpec = {
  id: 'Q159',
  wikidata: 'Q159',
  name: 'Russia',
  names: { ru: 'Россия' },
  type: 'COUNTRY',
  country: 'RUS',
  forms: [
    ['России', 'россия'],
    ['Россия', 'россия'],
  ],
};

export function ref(e: EntitySpec): EntityRef {
  return { id: e.id, name: e.name, wikidata: e.wikidata, type: e.type, country: e.country };
}

const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

// A crude lemmatizer for the fixtures: known forms map to their lemma, other words stay lower-cased.
const LEMMAS: Record<string, string> = {
  провел: 'провести',
  провели: 'провести',
  переговоры: 'переговоры',
  переговорах: 'переговоры',
  подписали: 'подписать',
  соглашение: 'соглашение',
  соглашения: 'соглашение',
  токаева: 'токаев',
  трампом: 'трамп',
  казахстана: 'казахстан',
  россии: 'россия',
  прибыл: 'прибыть',
  соглашении: 'соглашение',
  переговорами: 'переговоры',
  трамп: 'трамп',
  токаев: 'токаев',
  встретился: 'встретиться',
};

/** A query analyzer for the tests: the fixture lemmas instead of the morphology stage. */
export async function fixtureAnalyzer(text: string): Promise<{ words: string[]; lemmas: string[] }> {
  const words = [...text.matchAll(WORD)].map((m) => m[0]);
  return { words, lemmas: words.map((w) => LEMMAS[w.toLowerCase()] ?? w.toLowerCase().replace(/ё/g, 'е')) };
}

function tokensOf(text: string, lemmas: boolean): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const t: Token = {
      start: m.index!,
      end: m.index! + m[0].length,
      text: m[0],
      kind: 'word',
      sentence: 0,
      spaceAfter: true,
    };
    if (lemmas) t.lemma = LEMMAS[m[0].toLowerCase()] ?? m[0].toLowerCase();
    out.push(t);
  }
  return out;
}

export interface EventSpec {
  type: string;
  cameo?: string;
  plover?: string | null;
  mode?: string | null;
  source: EntitySpec[];
  target: EntitySpec[];
  date: string | null;
  status?: EventStatus;
  /** A substring of the text: the evidence. */
  evidence: string;
  topic?: string | null;
  amount?: Event['amount'];
  location?: EntitySpec | null;
  confidence?: number;
}

export interface DocSpec {
  text: string;
  date?: string | null;
  url?: string | null;
  title?: string | null;
  id?: string;
  entities?: EntitySpec[];
  events?: EventSpec[];
  lemmas?: boolean;
  quote?: { speaker: EntitySpec; text: string };
}

const CAMEO: Record<string, [string, string | null, string | null]> = {
  MEET: ['040', 'CONSULT', null],
  SIGN_AGREEMENT: ['057', 'SUPPORT', null],
  VISIT: ['042', 'CONSULT', 'visit'],
  ACCUSE: ['112', 'ACCUSE', null],
  DEAL: ['061', 'COOPERATE', null],
  STATEMENT: ['010', null, null],
};

/**
 * A processed `Doc` with sentences (split at ". "), tokens with lemmas, and the given entities and
 * events, as the pipeline would leave it.
 */
export function makeDoc(spec: DocSpec): Doc {
  const doc = new Doc({
    text: spec.text,
    date: spec.date ?? null,
    url: spec.url ?? null,
    title: spec.title ?? null,
    lang: 'ru',
    source: spec.url ?? 'fixture.txt',
    ...(spec.id ? { id: spec.id } : {}),
  });
  let start = 0;
  for (const m of spec.text.matchAll(/[.!?](\s+|$)/g)) {
    const end = m.index! + 1;
    doc.sentences.push({ start, end, lang: 'ru' });
    start = m.index! + m[0].length;
  }
  if (start < spec.text.length) doc.sentences.push({ start, end: spec.text.length, lang: 'ru' });
  doc.tokens = tokensOf(spec.text, spec.lemmas !== false);
  for (const e of spec.entities ?? []) {
    const mentions: Entity['mentions'] = [];
    const taken: Array<[number, number]> = [];
    for (const [form, lemma] of e.forms) {
      let i = spec.text.indexOf(form);
      while (i >= 0) {
        const end = i + form.length;
        if (!taken.some(([s, t]) => i < t && s < end)) {
          mentions.push({ start: i, end, text: form, lemma, via: 'name' });
          taken.push([i, end]);
        }
        i = spec.text.indexOf(form, end);
      }
    }
    mentions.sort((a, b) => a.start - b.start);
    doc.entities.push({
      id: e.id,
      wikidata: e.wikidata,
      name: e.name,
      names: e.names ?? {},
      type: e.type,
      country: e.country,
      roles: e.roles ?? [],
      mentions,
    });
  }
  (spec.events ?? []).forEach((ev, i) => {
    const s = spec.text.indexOf(ev.evidence);
    if (s < 0) throw new Error(`evidence not in text: ${ev.evidence}`);
    const [cameo, plover, mode] = CAMEO[ev.type] ?? ['010', null, null];
    doc.events.push({
      id: `e-${i + 1}`,
      type: ev.type,
      cameo: ev.cameo ?? cameo,
      plover: {
        type: ev.plover !== undefined ? ev.plover : plover,
        mode: ev.mode !== undefined ? ev.mode : mode,
      },
      source: ev.source.map(ref),
      target: ev.target.map(ref),
      date: ev.date,
      dateText: null,
      status: ev.status ?? 'occurred',
      amount: ev.amount ?? null,
      topic: ev.topic ?? null,
      location: ev.location ? ref(ev.location) : null,
      attribution: null,
      evidence: { start: s, end: s + ev.evidence.length, text: ev.evidence },
      rule: `test.${ev.type.toLowerCase()}`,
      confidence: ev.confidence ?? 0.9,
    });
  });
  if (spec.quote) {
    const s = spec.text.indexOf(spec.quote.text);
    doc.quotes.push({
      speaker: ref(spec.quote.speaker),
      text: spec.quote.text,
      start: s,
      end: s + spec.quote.text.length,
    });
  }
  return doc;
}

export function prepared(spec: DocSpec, version = VERSION_A): PreparedDocument {
  return prepareDocument(makeDoc(spec), version);
}

/** Filler sentences so that texts are long enough for near-duplicate fingerprints. */
export const FILLER =
  'Стороны обсудили торговлю, транспортные коридоры, энергетику и инвестиции в промышленность региона. ' +
  'Эксперты отмечают, что объем товарооборота между странами вырос за последний год почти на треть. ' +
  'Делегации также договорились продолжить консультации на уровне министров в следующем месяце.';

/** A news-length article (about 1,500 characters), for near-duplicate tests. */
export const LONG_ARTICLE =
  'Правительство республики утвердило программу развития транспортной инфраструктуры на ближайшие пять лет. ' +
  'Документ предусматривает строительство новых автомобильных дорог, модернизацию железнодорожных вокзалов и ' +
  'расширение аэропортов в трех крупнейших городах страны. По словам министра транспорта, общий объем ' +
  'финансирования составит около двух триллионов тенге, из которых половину обеспечит государственный бюджет, ' +
  'а остальное привлекут частные инвесторы и международные банки развития. Особое внимание уделят сельским ' +
  'районам, где состояние дорог остается неудовлетворительным: там планируется отремонтировать более десяти ' +
  'тысяч километров местных трасс. Кроме того, программа включает создание логистических центров вблизи ' +
  'границ с соседними государствами, что должно ускорить транзит грузов между Европой и Азией. Эксперты ' +
  'считают, что реализация проекта позволит увеличить объем транзитных перевозок почти вдвое к концу ' +
  'десятилетия. Вместе с тем аналитики указывают на риски, связанные с ростом стоимости строительных ' +
  'материалов и нехваткой квалифицированных инженеров. Министерство пообещало ежеквартально публиковать ' +
  'отчеты о ходе работ, чтобы граждане могли следить за расходованием средств. Первые объекты планируется ' +
  'сдать в эксплуатацию уже в следующем году, включая обход вокруг столицы и новый мост через реку.';

export const TEXT_MEET =
  'Президент Казахстана Касым-Жомарт Токаев провел переговоры с Дональдом Трампом в Вашингтоне. ' +
  'Стороны подписали соглашение о критических минералах. ' +
  FILLER;

/** The same story as TEXT_MEET, rewritten by another outlet (different words: not a near-duplicate). */
export const TEXT_MEET_OTHER =
  'Токаев и Трамп встретились в Белом доме в четверг, сообщает агентство. ' +
  'Главы государств провели переговоры о поставках урана и редкоземельных металлов. ' +
  'По итогам встречи США и Казахстан подписали соглашение о критических минералах на сумму в миллиард долларов.';

export function meetDoc(overrides: Partial<DocSpec> = {}): DocSpec {
  return {
    text: TEXT_MEET,
    date: '2025-11-07',
    url: 'https://akorda.kz/news/1',
    title: 'Токаев провел переговоры с Трампом',
    entities: [KAZ, TOKAYEV, TRUMP],
    events: [
      {
        type: 'MEET',
        source: [TOKAYEV],
        target: [TRUMP],
        date: '2025-11-06',
        evidence:
          'Президент Казахстана Касым-Жомарт Токаев провел переговоры с Дональдом Трампом в Вашингтоне.',
        topic: 'critical minerals',
      },
      {
        type: 'SIGN_AGREEMENT',
        source: [KAZ],
        target: [USA],
        date: '2025-11-06',
        evidence: 'Стороны подписали соглашение о критических минералах.',
        topic: 'critical minerals',
        amount: { value: 1e9, currency: 'USD', text: 'миллиард долларов' },
      },
    ],
    ...overrides,
  };
}
