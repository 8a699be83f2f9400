/**
 * What the scorers read from our output: the typed mention spans of `doc.entities[].mentions` (with the
 * entity's type, id and link), and value spans (dates, money) wherever the values stage puts them.
 */
import type { DocumentJson } from '../src/output.js';
import type { EntityMention, EntityType } from '../src/doc.js';

export interface PredMention {
  start: number;
  end: number;
  text: string;
  lemma: string;
  type: EntityType;
  via?: EntityMention['via'];
  entityId: string;
  wikidata: string | null;
  /** The entity's canonical English name. */
  name: string;
}

/** Ways of referring that no NER gold set annotates as a name: titles, pronouns, @handles. */
const NOT_A_NAME = new Set(['title', 'pronoun', 'handle']);

/**
 * Every mention of every entity, as typed spans. By default only name mentions (`via` name, metonym,
 * adjective or unset); titles, pronouns and handles are left out because the NER sets do not mark them.
 *
 * @example predictedMentions(json).filter((m) => m.type === 'PERSON')
 */
export function predictedMentions(json: DocumentJson, opts: { all?: boolean } = {}): PredMention[] {
  const out: PredMention[] = [];
  for (const e of json.entities ?? []) {
    for (const m of e.mentions ?? []) {
      if (!opts.all && m.via && NOT_A_NAME.has(m.via)) continue;
      out.push({
        start: m.start,
        end: m.end,
        text: m.text,
        lemma: m.lemma,
        type: e.type,
        via: m.via,
        entityId: e.id,
        wikidata: e.wikidata ?? null,
        name: e.name,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** A date or money value with its offsets. */
export interface PredValue {
  start: number;
  end: number;
  kind: 'date' | 'money';
  text?: string;
}

/**
 * Value spans (dates, money) from wherever the pipeline lists them: `values` on the document JSON, on
 * the `Doc`, or in its `values` annotation. Accepts `kind` or `type` of date/time/money/amount. Empty
 * until a values stage exists.
 */
export function predictedValues(
  json: DocumentJson,
  doc?: { annotations?: Map<string, unknown> } & object,
): PredValue[] {
  const sources: unknown[] = [
    (json as unknown as { values?: unknown }).values,
    doc ? (doc as { values?: unknown }).values : undefined,
    doc?.annotations?.get('values'),
  ];
  for (const src of sources) {
    if (!Array.isArray(src)) continue;
    const out: PredValue[] = [];
    for (const v of src as unknown[]) {
      if (typeof v !== 'object' || v === null) continue;
      const o = v as Record<string, unknown>;
      const kind = String(o.kind ?? o.type ?? '').toLowerCase();
      if (typeof o.start !== 'number' || typeof o.end !== 'number') continue;
      if (kind === 'date' || kind === 'time')
        out.push({ start: o.start, end: o.end, kind: 'date', text: o.text as string });
      else if (kind === 'money' || kind === 'amount')
        out.push({ start: o.start, end: o.end, kind: 'money', text: o.text as string });
    }
    if (out.length) return out;
  }
  return [];
}
