/**
 * BSNLP / SlavNER (Russian), document-level as in the shared tasks: the gold lists each distinct surface
 * form of a name once per document, with its lemma, type and cross-lingual entity id; positions are not
 * evaluated. Forms compare by `formKey` (case, ё/е, dashes, edge quotes and spacing ignored: the 2017
 * files are lower-cased).
 *
 * - strict recognition: every distinct (form, type) of the document must be found; P/R/F1 over forms.
 * - relaxed recognition (BSNLP "relaxed, exact"): a gold entity (its cross-lingual id in that document)
 *   is found when at least one of its forms is found with the right type; a predicted entity is right
 *   when at least one of its forms is a gold form of that type. P/R/F1 over entities per document.
 * - normalization: on strictly matched forms, the share whose lemma equals the gold lemma.
 * - cross-document identity: LEA (the shared task's metric) over the strictly matched forms, clustered
 *   by gold id vs by our entity id, within each topic (2017 and 2021 ids are topic-local numbers). Only
 *   forms both sides have are clustered, so this measures identity, not detection.
 * - English name: in the 2019 topics, whose ids are English names (`PER-Theresa-May`), the share of matched
 *   forms whose entity's English name is that name. The ids carry typos and naming choices
 *   (`GPE-Brussles`, `GPE-Great-Britain`), so read it as a lower bound.
 *
 * Our types map as PERSON→PER; ORG→ORG; COUNTRY, CITY, LOC and FACILITY→LOC; EVENT_NAME→EVT; TREATY and
 * PRODUCT→PRO (treaties are PRO in the BSNLP data: "Парижское соглашение"); in the 2017 topics, which
 * have MISC instead of EVT and PRO, those three→MISC. Adjective mentions are left out.
 */
import type { EntityType } from '../../src/doc.js';
import type { BsnlpGoldForm } from '../data/bsnlp.js';
import type { PredMention } from '../predict.js';
import { formKey } from '../text.js';
import { lea } from './lea.js';
import { prf, share, type PRF, type Share } from './prf.js';

export const BSNLP_TYPES = ['PER', 'LOC', 'ORG', 'EVT', 'PRO', 'MISC'] as const;

const MAP_2019: Partial<Record<EntityType, string>> = {
  PERSON: 'PER',
  ORG: 'ORG',
  COUNTRY: 'LOC',
  CITY: 'LOC',
  LOC: 'LOC',
  FACILITY: 'LOC',
  EVENT_NAME: 'EVT',
  TREATY: 'PRO',
  PRODUCT: 'PRO',
};
const MAP_2017: Partial<Record<EntityType, string>> = {
  ...MAP_2019,
  EVENT_NAME: 'MISC',
  TREATY: 'MISC',
  PRODUCT: 'MISC',
};
const TOPICS_2017 = new Set(['ec', 'trump']);

/** The BSNLP label of our entity type in a topic (undefined: not scored). */
export function bsnlpType(type: EntityType, topic: string): string | undefined {
  return (TOPICS_2017.has(topic) ? MAP_2017 : MAP_2019)[type];
}

/** A distinct form we found in a document. */
export interface BsnlpPredForm {
  form: string;
  lemma: string;
  type: string;
  /** Our entity id (QID or local id): what cross-document identity compares. */
  entity: string;
  /** Our entity's English name. */
  name?: string;
}

/** Our mentions as distinct (form, type) pairs of one document. */
export function predBsnlpForms(mentions: PredMention[], topic: string): BsnlpPredForm[] {
  const seen = new Set<string>();
  const out: BsnlpPredForm[] = [];
  for (const m of mentions) {
    if (m.via === 'adjective') continue;
    const type = bsnlpType(m.type, topic);
    if (!type) continue;
    const k = `${formKey(m.text)}|${type}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ form: m.text, lemma: m.lemma, type, entity: m.wikidata ?? m.entityId, name: m.name });
  }
  return out;
}

export interface BsnlpDocInput {
  topic: string;
  id: string;
  gold: BsnlpGoldForm[];
  pred: BsnlpPredForm[];
}

/** What one document got right, spuriously, or missed (forms, for `--errors`). */
export interface BsnlpDocResult {
  tp: BsnlpPredForm[];
  fp: BsnlpPredForm[];
  fn: BsnlpGoldForm[];
}

export interface BsnlpScore {
  strict: PRF;
  relaxed: PRF;
  perType: Record<string, PRF>;
  lemma: Share;
  identity: PRF;
  englishName: Share;
  docs: BsnlpDocResult[];
}

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');

/**
 * Scores BSNLP documents.
 *
 * @example scoreBsnlp([{ topic: 'brexit', id: 'ru-10', gold, pred }]).strict.f1
 */
export function scoreBsnlp(
  docs: readonly BsnlpDocInput[],
  readableIdTopics: ReadonlySet<string> = new Set(),
): BsnlpScore {
  let sTp = 0;
  let sFp = 0;
  let sFn = 0;
  let rTpRecall = 0;
  let rGold = 0;
  let rTpPrec = 0;
  let rPred = 0;
  let lemmaRight = 0;
  let englishRight = 0;
  let englishTotal = 0;
  const types = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (t: string, k: 'tp' | 'fp' | 'fn'): void => {
    const c = types.get(t) ?? { tp: 0, fp: 0, fn: 0 };
    c[k]++;
    types.set(t, c);
  };
  const key = new Map<string, string>();
  const response = new Map<string, string>();
  const results: BsnlpDocResult[] = [];
  for (const d of docs) {
    const goldByKey = new Map<string, BsnlpGoldForm>();
    for (const g of d.gold) {
      const k = `${formKey(g.form)}|${g.type}`;
      if (!goldByKey.has(k)) goldByKey.set(k, g);
    }
    const predByKey = new Map<string, BsnlpPredForm>();
    for (const p of d.pred) {
      const k = `${formKey(p.form)}|${p.type}`;
      if (!predByKey.has(k)) predByKey.set(k, p);
    }
    const res: BsnlpDocResult = { tp: [], fp: [], fn: [] };
    for (const [k, p] of predByKey) {
      const g = goldByKey.get(k);
      if (!g) {
        sFp++;
        bump(p.type, 'fp');
        res.fp.push(p);
        continue;
      }
      sTp++;
      bump(p.type, 'tp');
      res.tp.push(p);
      if (formKey(p.lemma) === formKey(g.lemma)) lemmaRight++;
      const item = `${d.topic}|${d.id}|${k}`;
      key.set(item, `${d.topic}|${g.id || k}`);
      response.set(item, `${d.topic}|${p.entity}`);
      if (readableIdTopics.has(d.topic) && /^[A-Z]+-/.test(g.id)) {
        englishTotal++;
        if (p.name && slug(p.name) === slug(g.id.replace(/^[A-Z]+-/, ''))) englishRight++;
      }
    }
    for (const [k, g] of goldByKey) {
      if (!predByKey.has(k)) {
        sFn++;
        bump(g.type, 'fn');
        res.fn.push(g);
      }
    }
    // Relaxed: entities, not forms.
    const goldEntities = new Map<string, Set<string>>();
    for (const [k, g] of goldByKey) {
      const e = g.id || k;
      goldEntities.set(e, (goldEntities.get(e) ?? new Set()).add(k));
    }
    for (const forms of goldEntities.values()) {
      rGold++;
      if ([...forms].some((k) => predByKey.has(k))) rTpRecall++;
    }
    const predEntities = new Map<string, Set<string>>();
    for (const [k, p] of predByKey)
      predEntities.set(p.entity, (predEntities.get(p.entity) ?? new Set()).add(k));
    for (const forms of predEntities.values()) {
      rPred++;
      if ([...forms].some((k) => goldByKey.has(k))) rTpPrec++;
    }
    results.push(res);
  }
  const perType: Record<string, PRF> = {};
  for (const [t, c] of [...types].sort()) perType[t] = prf(c.tp, c.fp, c.fn);
  const rp = rPred > 0 ? rTpPrec / rPred : 0;
  const rr = rGold > 0 ? rTpRecall / rGold : 0;
  return {
    strict: prf(sTp, sFp, sFn),
    relaxed: {
      tp: rTpRecall,
      fp: rPred - rTpPrec,
      fn: rGold - rTpRecall,
      precision: rp,
      recall: rr,
      f1: rp + rr > 0 ? (2 * rp * rr) / (rp + rr) : 0,
    },
    perType,
    lemma: share(lemmaRight, sTp),
    identity: lea(key, response),
    englishName: share(englishRight, englishTotal),
    docs: results,
  };
}
