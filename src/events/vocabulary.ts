/**
 * Annalist's event vocabulary and its mapping to CAMEO and PLOVER (the table of OUTPUT.md).
 * A rule names our type; the CAMEO code it gives may be more specific than the type's default.
 */
export interface EventTypeInfo {
  type: string;
  meaning: string;
  /** Default CAMEO code for the type. */
  cameo: string;
  /** CAMEO codes (or code prefixes) that belong to the type. */
  cameoRange: string[];
  plover: string | null;
  ploverMode: string | null;
  /** Quad class as GDELT uses it: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict. */
  quad: 1 | 2 | 3 | 4;
  /** Goldstein scale value of the default CAMEO code. */
  goldstein: number;
}

const T = (
  type: string,
  meaning: string,
  cameo: string,
  cameoRange: string[],
  plover: string | null,
  ploverMode: string | null,
  quad: 1 | 2 | 3 | 4,
  goldstein: number,
): EventTypeInfo => ({ type, meaning, cameo, cameoRange, plover, ploverMode, quad, goldstein });

export const EVENT_TYPES: readonly EventTypeInfo[] = [
  T('STATEMENT', 'comment or claim on a subject', '010', ['01'], null, null, 1, 0),
  T('APPEAL', 'call on someone to act, urge, ask', '020', ['02'], 'REQUEST', null, 1, 3),
  T('INTENT', 'promise, proposal, stated intent to cooperate or act', '030', ['03'], 'AGREE', null, 1, 4),
  T(
    'MEET',
    'talks, meeting, negotiations, summit participation',
    '040',
    ['040', '044', '046'],
    'CONSULT',
    'meet',
    1,
    1,
  ),
  T('PHONE_CALL', 'telephone or video call', '041', ['041'], 'CONSULT', 'phone', 1, 1),
  T('VISIT', 'travel to another country or to a host', '042', ['042'], 'CONSULT', 'visit', 1, 1.9),
  T('HOST_VISIT', 'receive a visitor', '043', ['043'], 'CONSULT', 'visit', 1, 2.8),
  T('MEDIATE', 'mediation between parties', '045', ['045'], 'CONSULT', 'third-party', 1, 5),
  T('PRAISE', 'praise, endorse, support verbally', '051', ['051'], 'SUPPORT', null, 1, 3.4),
  T(
    'SIGN_AGREEMENT',
    'sign, conclude, ratify a treaty, MoU, declaration, programme',
    '057',
    ['057'],
    'SUPPORT',
    null,
    1,
    8,
  ),
  T('JOIN', 'join an accord, alliance or organization', '057', ['057'], 'SUPPORT', null, 1, 8),
  T('DEAL', 'commercial contract, investment, purchase or order', '061', ['061'], 'COOPERATE', null, 2, 6.4),
  T('COOPERATE', 'other material cooperation', '062', ['062', '063', '064'], 'COOPERATE', null, 2, 6.4),
  T('AID', 'give aid', '070', ['07'], 'AID', null, 2, 7),
  T('YIELD', 'concede, release, withdraw, ease', '080', ['08'], 'CONCEDE', null, 2, 5),
  T('ACCUSE', 'criticize, denounce, accuse', '111', ['11'], 'ACCUSE', null, 3, -2),
  T('REJECT', 'reject, refuse, veto', '120', ['12'], 'REJECT', null, 3, -4),
  T('THREATEN', 'threaten', '130', ['13'], 'THREATEN', null, 3, -4.4),
  T('PROTEST', 'demonstrate, strike, boycott', '140', ['14'], 'PROTEST', null, 3, -6.5),
  T('MOBILIZE', 'increase military or police posture', '150', ['15'], 'MOBILIZE', null, 4, -7.2),
  T('SANCTION', 'sanction, expel, cut ties', '163', ['16'], 'SANCTION', null, 4, -8),
  T('COERCE', 'arrest, seize, restrict', '173', ['17'], 'COERCE', null, 4, -7),
  T('ASSAULT', 'use of force', '190', ['18', '19', '20'], 'ASSAULT', null, 4, -10),
];

const BY_TYPE = new Map(EVENT_TYPES.map((t) => [t.type, t]));

/**
 * The vocabulary entry of an event type, or undefined for a type outside the vocabulary.
 *
 * @example eventType('SIGN_AGREEMENT')?.cameo // '057'
 */
export function eventType(type: string): EventTypeInfo | undefined {
  return BY_TYPE.get(type);
}

/** Our type for a CAMEO code (the most specific range that contains it). */
export function typeForCameo(code: string): EventTypeInfo | undefined {
  let best: EventTypeInfo | undefined;
  let bestLen = 0;
  for (const t of EVENT_TYPES) {
    for (const prefix of t.cameoRange) {
      if (code.startsWith(prefix) && prefix.length > bestLen) {
        best = t;
        bestLen = prefix.length;
      }
    }
  }
  return best;
}

/** Our types whose PLOVER category is the given one (PLOVER → ours is one-to-many). */
export function typesForPlover(plover: string): EventTypeInfo[] {
  return EVENT_TYPES.filter((t) => t.plover === plover.toUpperCase());
}
