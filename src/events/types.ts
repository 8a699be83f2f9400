import type { EntityType, EventStatus } from '../doc.js';

/**
 * Where an argument of an event is found, relative to the trigger.
 * - `subject`: the grammatical subject (Russian: a nominative mention before the trigger, or after it
 *   when nothing precedes; English: the nearest mention before the verb not inside a prepositional phrase).
 * - `object`: the direct object after a verb (Russian: accusative; English: the noun phrase after the verb).
 * - `prep`: the phrase after one of `preps` (Russian case in `cases`), with its coordinated members.
 * - `gen`: a genitive noun phrase right after a nominal trigger ("визит Президента"; English "of").
 * - `between`: "между X и Y" / "between X and Y": X as source, Y as target.
 * - `context`: the actor of the visit or event the sentence continues ("Затем состоялось подписание…").
 * - `agent`: the agent of a passive verb ("by X"; Russian: an instrumental not governed by a preposition).
 *   The engine puts it in place of `subject` when the trigger is passive, and the subject in place of `object`.
 */
export interface ArgSpec {
  from: 'subject' | 'object' | 'prep' | 'gen' | 'between' | 'context' | 'agent';
  preps?: string[];
  cases?: string[];
  types?: EntityType[];
  /** Replace the entity found by its country ("визит Главы государства" as a deal's party). */
  as?: 'country';
}

export interface RuleExample {
  text: string;
  date?: string;
  expect: {
    type: string;
    source?: string[];
    target?: string[];
    status?: EventStatus;
    date?: string | null;
    amount?: number;
  };
}

/**
 * An event rule: data, not code. The engine matches `trigger` lemma sequences in a sentence and
 * fills the frame; `id` is recorded on the event so that a user can ask why it was made.
 */
export interface EventRule {
  id: string;
  lang: 'ru' | 'en';
  /** Lemma sequences that trigger the rule ("провести переговоры", "встреча", "sign"). */
  trigger: string[];
  /** Part of speech of the trigger's head: a nominalization behaves differently from a verb. */
  pos: 'VERB' | 'NOUN';
  type: string;
  /** More specific CAMEO code than the type's default. */
  cameo?: string;
  ploverMode?: string;
  source: ArgSpec[];
  target: ArgSpec[];
  /** Words (lemmas) that must appear in the clause for the rule to fire (English: after the trigger). */
  requires?: string[];
  /** Lemmas that, when they are the trigger's object or follow it, veto the rule ("поддерживать отношения"). */
  vetoNext?: string[];
  /** The event keeps the amount of money stated in its sentence. */
  amount?: boolean;
  /** Type to use instead when the target is a company (an agreement with a firm is a deal). */
  withCompany?: string;
  /**
   * Type (and CAMEO code) to use instead when a state is the source, or when the target is another
   * state: a state's boycott is a sanction (CAMEO 163) where people's is a protest (143); a ban aimed
   * at another state is a sanction, one at its own people a restriction (172).
   */
  stateAct?: { type: string; cameo?: string; when: 'source' | 'target' };
  /** The trigger's first word must not be tagged a noun ("forces" is no use of "force"). */
  verbOnly?: boolean;
  /** The rule needs at least one target to fire. */
  needsTarget?: boolean;
  /**
   * Another type when one of `cues` (lemma sequences) stands anywhere in the trigger's clause
   * ("встретился … по видеосвязи" is a call, not a meeting).
   *
   * @example { cues: ['по телефон', 'по видеосвязь'], type: 'PHONE_CALL' }
   */
  switchTo?: { cues: string[]; type: string; cameo?: string };
  examples: RuleExample[];
}
