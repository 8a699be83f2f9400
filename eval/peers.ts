/**
 * The peers people would use instead, run on the same texts: `compromise` (its people(), places() and
 * organizations()) and `wink-nlp` with `wink-eng-lite-web-model` (its named-entity recognizer). Both are
 * English-only. Their labels map onto CoNLL's: compromise people→PER, places→LOC, organizations→ORG;
 * wink's recognizer finds dates, numbers, money, percentages, hashtags, mentions, URLs and the like but
 * no persons, places or organizations, so none of its types maps to a CoNLL label and it scores 0 on
 * CoNLL by construction; it is still timed.
 */
import type { TypedSpan } from './score/spans.js';

/** A peer: a name and a function from text to labelled character spans (CoNLL labels). */
export interface Peer {
  name: string;
  version: string;
  spans(text: string): TypedSpan[];
}

const EDGE = /^[\s"'“”‘’«».,;:!?()[\]-]+|[\s"'“”‘’«».,;:!?()[\]-]+$/g;

/** Narrows a span to its text without edge punctuation (compromise includes a trailing full stop). */
function trimSpan(text: string, start: number, end: number, type: string): TypedSpan | null {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.replace(/^[\s"'“”‘’«».,;:!?()[\]-]+/, '').length;
  const inner = raw.replace(EDGE, '');
  if (!inner) return null;
  const s = start + lead;
  return { start: s, end: s + inner.length, type, text: inner };
}

async function version(pkg: string): Promise<string> {
  // Packages with an "exports" map hide package.json from require; walk up from the entry point instead.
  try {
    const { createRequire } = await import('node:module');
    const { readFileSync } = await import('node:fs');
    const { dirname, join } = await import('node:path');
    let dir = dirname(createRequire(import.meta.url).resolve(pkg));
    for (let i = 0; i < 6; i++) {
      try {
        const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
          name?: string;
          version?: string;
        };
        if (json.name === pkg && json.version) return json.version;
      } catch {
        // not here; go up
      }
      dir = dirname(dir);
    }
  } catch {
    // fall through
  }
  return '?';
}

interface CompromiseMatch {
  offset?: { start: number; length: number };
}
interface CompromiseView {
  json(opts: { offset: boolean }): CompromiseMatch[];
}
interface CompromiseDoc {
  people(): CompromiseView;
  places(): CompromiseView;
  organizations(): CompromiseView;
}

/**
 * Loads compromise as a peer.
 *
 * @example (await loadCompromise()).spans('Angela Merkel visited Paris.')
 */
export async function loadCompromise(): Promise<Peer> {
  const mod = (await import('compromise')) as unknown as { default: (text: string) => CompromiseDoc };
  const nlp = mod.default;
  return {
    name: 'compromise',
    version: await version('compromise'),
    spans(text) {
      const doc = nlp(text);
      const out: TypedSpan[] = [];
      const add = (view: CompromiseView, type: string): void => {
        for (const m of view.json({ offset: true })) {
          if (!m.offset) continue;
          const s = trimSpan(text, m.offset.start, m.offset.start + m.offset.length, type);
          if (s) out.push(s);
        }
      };
      add(doc.people(), 'PER');
      add(doc.places(), 'LOC');
      add(doc.organizations(), 'ORG');
      return out;
    },
  };
}

interface WinkDoc {
  entities(): { out(f: unknown): unknown[] };
  tokens(): { out(f: unknown): unknown[] };
}
interface WinkNlp {
  readDoc(text: string): WinkDoc;
  its: { detail: unknown; span: unknown; value: unknown };
}

/** wink entity types → CoNLL labels. Its lite model has none of PER/LOC/ORG/MISC, so this is empty. */
export const WINK_TO_CONLL: Readonly<Record<string, string>> = {};

/**
 * Loads wink-nlp with its English lite model as a peer.
 *
 * @example (await loadWink()).spans('Barack Obama visited Paris in 2015.') // []
 */
export async function loadWink(): Promise<Peer> {
  const winkMod = (await import('wink-nlp')) as unknown as { default: (model: unknown) => WinkNlp };
  const modelMod = (await import('wink-eng-lite-web-model')) as unknown as { default: unknown };
  const nlp = winkMod.default(modelMod.default);
  const its = nlp.its;
  return {
    name: 'wink-nlp',
    version: `${await version('wink-nlp')} + wink-eng-lite-web-model ${await version('wink-eng-lite-web-model')}`,
    spans(text) {
      const doc = nlp.readDoc(text);
      const details = doc.entities().out(its.detail) as Array<{ type: string }>;
      const ranges = doc.entities().out(its.span) as Array<[number, number]>;
      const out: TypedSpan[] = [];
      if (!details.some((d) => WINK_TO_CONLL[d.type])) return out;
      // wink gives token indices; find each token's offsets by walking the text.
      const toks = doc.tokens().out(its.value) as string[];
      const offs: Array<[number, number]> = [];
      let cursor = 0;
      for (const t of toks) {
        const i = text.indexOf(t, cursor);
        if (i < 0) offs.push([cursor, cursor]);
        else {
          offs.push([i, i + t.length]);
          cursor = i + t.length;
        }
      }
      details.forEach((d, k) => {
        const type = WINK_TO_CONLL[d.type];
        const r = ranges[k];
        if (!type || !r) return;
        const a = offs[r[0]];
        const b = offs[r[1]];
        if (a && b && b[1] > a[0]) out.push({ start: a[0], end: b[1], type, text: text.slice(a[0], b[1]) });
      });
      return out;
    },
  };
}
