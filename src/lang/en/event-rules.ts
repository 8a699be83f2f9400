import type { ArgSpec, EventRule, RuleExample } from '../../events/types.js';

/**
 * English event rules. Triggers are lemma sequences; arguments come from word order (subject
 * before the verb, object after it), prepositions ("with", "to", "between … and …") and passives.
 */

const SUBJ: ArgSpec = { from: 'subject' };
const CTX: ArgSpec = { from: 'context' };
const OF: ArgSpec = { from: 'gen' };
const WITH: ArgSpec = { from: 'prep', preps: ['with'] };
const TO: ArgSpec = { from: 'prep', preps: ['to', 'in'], types: ['COUNTRY', 'CITY', 'LOC', 'FACILITY'] };
const OBJ: ArgSpec = { from: 'object' };
const BETWEEN: ArgSpec = { from: 'between' };
const AGAINST: ArgSpec = { from: 'prep', preps: ['against', 'on'] };

type R = Omit<EventRule, 'lang' | 'examples'> & { examples?: RuleExample[] };

function rule(r: R): EventRule {
  return { lang: 'en', examples: [], ...r };
}

const ex = (text: string, expect: RuleExample['expect'], date = '2025-11-07'): RuleExample => ({
  text,
  date,
  expect,
});

export const EN_EVENT_RULES: EventRule[] = [
  rule({
    id: 'en.meet.meet',
    trigger: ['meet', 'hold talk', 'talk', 'negotiate', 'confer', 'sit down'],
    pos: 'VERB',
    type: 'MEET',
    source: [SUBJ, CTX],
    target: [OBJ, WITH],
    examples: [
      ex('Secretary of State Marco Rubio met Kazakh Foreign Minister Murat Nurtleu on Thursday.', {
        type: 'MEET',
        source: ['Marco Rubio'],
        target: ['Murat Nurtleu'],
        date: '2025-11-06',
        status: 'occurred',
      }),
    ],
  }),
  rule({
    id: 'en.meet.meeting-with',
    trigger: ['meeting', 'talks', 'negotiations', 'summit meeting', 'consultations'],
    pos: 'NOUN',
    type: 'MEET',
    source: [SUBJ, OF, CTX],
    target: [WITH, BETWEEN],
    needsTarget: true,
    examples: [
      ex('Tokayev will hold a meeting with President Trump on Thursday.', {
        type: 'MEET',
        source: ['Kassym-Jomart Tokayev'],
        target: ['Donald Trump'],
        status: 'planned',
        date: '2025-11-13',
      }),
    ],
  }),
  rule({
    id: 'en.meet.attend',
    trigger: ['attend', 'take part', 'participate'],
    pos: 'VERB',
    type: 'MEET',
    cameo: '046',
    ploverMode: 'multilateral',
    source: [SUBJ],
    target: [OBJ, { from: 'prep', preps: ['in'], types: ['EVENT_NAME', 'ORG'] }],
    needsTarget: true,
    examples: [ex('Modi attended the BRICS summit.', { type: 'MEET', source: ['Narendra Modi'] })],
  }),
  rule({
    id: 'en.call.phone',
    trigger: ['phone call', 'call', 'speak by phone', 'phone', 'telephone conversation', 'video call'],
    pos: 'NOUN',
    type: 'PHONE_CALL',
    source: [SUBJ, CTX],
    target: [WITH, OBJ],
    needsTarget: true,
    examples: [
      ex('Putin held a phone call with Erdogan.', {
        type: 'PHONE_CALL',
        source: ['Vladimir Putin'],
        target: ['Recep Tayyip Erdoğan'],
      }),
    ],
  }),
  rule({
    id: 'en.visit.visit',
    trigger: ['visit', 'travel', 'arrive', 'fly', 'tour'],
    pos: 'VERB',
    type: 'VISIT',
    source: [SUBJ, OF],
    target: [OBJ, TO],
    needsTarget: true,
    examples: [
      ex('President Kassym-Jomart Tokayev is expected to visit the United States next month.', {
        type: 'VISIT',
        source: ['Kassym-Jomart Tokayev'],
        target: ['United States'],
        status: 'expected',
        date: '2025-12',
      }),
    ],
  }),
  rule({
    id: 'en.visit.host',
    trigger: ['host', 'receive', 'welcome'],
    pos: 'VERB',
    type: 'HOST_VISIT',
    source: [SUBJ],
    target: [OBJ],
    needsTarget: true,
    examples: [
      ex('Erdogan hosted Tokayev in Ankara.', {
        type: 'HOST_VISIT',
        source: ['Recep Tayyip Erdoğan'],
        target: ['Kassym-Jomart Tokayev'],
      }),
    ],
  }),
  rule({
    id: 'en.sign.sign',
    trigger: ['sign', 'conclude', 'ratify', 'signing', 'ink'],
    pos: 'VERB',
    type: 'SIGN_AGREEMENT',
    withCompany: 'DEAL',
    amount: true,
    source: [SUBJ, BETWEEN, { ...CTX, as: 'country' }],
    target: [WITH, BETWEEN],
    examples: [
      ex('Kazakhstan and the United States signed a memorandum on critical minerals.', {
        type: 'SIGN_AGREEMENT',
        source: ['Kazakhstan'],
        target: ['United States'],
        status: 'occurred',
      }),
    ],
  }),
  rule({
    id: 'en.join.join',
    trigger: ['join', 'accede', 'become member', 'sign on'],
    pos: 'VERB',
    type: 'JOIN',
    source: [SUBJ],
    target: [OBJ, { from: 'prep', preps: ['to'] }],
    needsTarget: true,
    examples: [
      ex('Kazakhstan will join the Abraham Accords.', {
        type: 'JOIN',
        source: ['Kazakhstan'],
        target: ['Abraham Accords'],
        status: 'planned',
      }),
    ],
  }),
  rule({
    id: 'en.deal.buy',
    trigger: ['buy', 'purchase', 'order', 'invest', 'acquire', 'agree to buy', 'contract', 'deal'],
    pos: 'VERB',
    type: 'DEAL',
    amount: true,
    source: [SUBJ],
    target: [{ from: 'prep', preps: ['from', 'with', 'in'] }, OBJ],
    needsTarget: true,
    examples: [
      ex(
        "Kazakhstan's sovereign fund Samruk-Kazyna agreed to buy locomotives from Wabtec for $1.2 billion.",
        {
          type: 'DEAL',
          source: ['Samruk-Kazyna'],
          target: ['Wabtec'],
          amount: 1.2e9,
        },
      ),
    ],
  }),
  rule({
    id: 'en.statement.say',
    trigger: [
      'say',
      'state',
      'announce',
      'declare',
      'stress',
      'note',
      'tell',
      'emphasize',
      'emphasise',
      'add',
      'comment',
    ],
    pos: 'VERB',
    type: 'STATEMENT',
    vetoNext: ['me', 'us', 'reporter'],
    source: [SUBJ],
    target: [{ from: 'prep', preps: ['to'], types: ['PERSON', 'ORG', 'COUNTRY'] }],
    examples: [
      ex('Trump said the talks went well.', {
        type: 'STATEMENT',
        source: ['Donald Trump'],
        status: 'occurred',
      }),
    ],
  }),
  rule({
    id: 'en.appeal.urge',
    trigger: ['urge', 'call on', 'call for', 'ask', 'demand', 'appeal'],
    pos: 'VERB',
    type: 'APPEAL',
    source: [SUBJ],
    target: [OBJ],
    examples: [
      ex('Guterres urged Israel to allow aid.', {
        type: 'APPEAL',
        source: ['António Guterres'],
        target: ['Israel'],
      }),
    ],
  }),
  rule({
    id: 'en.intent.promise',
    trigger: ['promise', 'pledge', 'vow', 'propose', 'offer', 'invite', 'agree'],
    pos: 'VERB',
    type: 'INTENT',
    source: [SUBJ],
    target: [OBJ, WITH, { from: 'prep', preps: ['to'] }],
    examples: [
      ex('Xi invited Tokayev to Beijing.', {
        type: 'INTENT',
        source: ['Xi Jinping'],
        target: ['Kassym-Jomart Tokayev'],
      }),
    ],
  }),
  rule({
    id: 'en.praise.praise',
    trigger: ['praise', 'thank', 'welcome', 'commend', 'congratulate', 'hail', 'endorse'],
    pos: 'VERB',
    type: 'PRAISE',
    source: [SUBJ],
    target: [OBJ],
    needsTarget: true,
    examples: [
      ex('Trump praised Tokayev.', {
        type: 'PRAISE',
        source: ['Donald Trump'],
        target: ['Kassym-Jomart Tokayev'],
      }),
    ],
  }),
  rule({
    id: 'en.mediate.mediate',
    trigger: ['mediate', 'broker', 'mediation'],
    pos: 'VERB',
    type: 'MEDIATE',
    source: [SUBJ],
    target: [BETWEEN, OBJ],
    examples: [ex('Qatar mediated between Israel and Hamas.', { type: 'MEDIATE', source: ['Qatar'] })],
  }),
  rule({
    id: 'en.aid.aid',
    trigger: ['send aid', 'provide aid', 'give aid', 'humanitarian aid', 'donate', 'provide assistance'],
    pos: 'VERB',
    type: 'AID',
    amount: true,
    source: [SUBJ],
    target: [{ from: 'prep', preps: ['to'] }],
    examples: [
      ex('Japan will provide aid to Ukraine.', { type: 'AID', source: ['Japan'], target: ['Ukraine'] }),
    ],
  }),
  rule({
    id: 'en.cooperate.exercise',
    trigger: ['joint exercise', 'extradite', 'cooperate', 'share intelligence'],
    pos: 'VERB',
    type: 'COOPERATE',
    source: [SUBJ],
    target: [WITH, OBJ],
    examples: [
      ex('India and France held a joint exercise.', {
        type: 'COOPERATE',
        source: ['India'],
        target: ['France'],
      }),
    ],
  }),
  rule({
    id: 'en.accuse.accuse',
    trigger: ['accuse', 'criticize', 'criticise', 'condemn', 'denounce', 'blame'],
    pos: 'VERB',
    type: 'ACCUSE',
    source: [SUBJ],
    target: [OBJ],
    needsTarget: true,
    examples: [
      ex('China condemned the United States.', {
        type: 'ACCUSE',
        source: ['China'],
        target: ['United States'],
      }),
    ],
  }),
  rule({
    id: 'en.reject.reject',
    trigger: ['reject', 'refuse', 'veto', 'dismiss', 'deny'],
    pos: 'VERB',
    type: 'REJECT',
    source: [SUBJ],
    target: [OBJ],
    examples: [ex('Iran rejected the proposal of the United States.', { type: 'REJECT', source: ['Iran'] })],
  }),
  rule({
    id: 'en.threaten.threaten',
    trigger: ['threaten', 'warn'],
    pos: 'VERB',
    type: 'THREATEN',
    source: [SUBJ],
    target: [OBJ],
    examples: [
      ex('Trump threatened Iran with new sanctions.', {
        type: 'THREATEN',
        source: ['Donald Trump'],
        target: ['Iran'],
      }),
    ],
  }),
  rule({
    id: 'en.protest.protest',
    trigger: ['protest', 'demonstrate', 'rally', 'strike', 'boycott', 'march'],
    pos: 'VERB',
    type: 'PROTEST',
    source: [SUBJ],
    target: [AGAINST],
    examples: [
      ex('Farmers protested against the European Union.', { type: 'PROTEST', target: ['European Union'] }),
    ],
  }),
  rule({
    id: 'en.sanction.sanction',
    trigger: ['sanction', 'impose sanction', 'expel', 'sever tie', 'impose tariff'],
    pos: 'VERB',
    type: 'SANCTION',
    source: [SUBJ],
    target: [OBJ, AGAINST],
    examples: [
      ex('The European Union imposed sanctions on Russia.', {
        type: 'SANCTION',
        source: ['European Union'],
        target: ['Russia'],
      }),
    ],
  }),
  rule({
    id: 'en.coerce.arrest',
    trigger: ['arrest', 'detain', 'seize', 'confiscate', 'block'],
    pos: 'VERB',
    type: 'COERCE',
    source: [SUBJ],
    target: [OBJ],
    examples: [ex('Turkey detained a Russian citizen.', { type: 'COERCE', source: ['Turkey'] })],
  }),
  rule({
    id: 'en.assault.attack',
    trigger: ['attack', 'strike', 'bomb', 'shell', 'invade', 'airstrike', 'launch strike'],
    pos: 'VERB',
    type: 'ASSAULT',
    source: [SUBJ],
    target: [OBJ, { from: 'prep', preps: ['on', 'against'] }],
    examples: [ex('Israel attacked Iran.', { type: 'ASSAULT', source: ['Israel'], target: ['Iran'] })],
  }),
  rule({
    id: 'en.mobilize.deploy',
    trigger: ['deploy', 'mobilize', 'mobilise', 'mass troop'],
    pos: 'VERB',
    type: 'MOBILIZE',
    source: [SUBJ],
    target: [],
    examples: [ex('Russia deployed troops near the border.', { type: 'MOBILIZE', source: ['Russia'] })],
  }),
  rule({
    id: 'en.yield.release',
    trigger: ['release', 'withdraw', 'ease', 'lift', 'free'],
    pos: 'VERB',
    type: 'YIELD',
    source: [SUBJ],
    target: [OBJ],
    examples: [
      ex('The United States lifted sanctions on Belarus.', { type: 'YIELD', source: ['United States'] }),
    ],
  }),
];
