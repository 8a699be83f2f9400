/**
 * BSNLP / SlavNER 2017, 2019 and 2021 (Russian): raw texts `sets/<topic>/raw/ru/*.txt` (5-line header:
 * id, language, date, URL, title; then the body) and document-level annotations
 * `sets/<topic>/annotated/ru/*` (first line the id, then `form TAB lemma TAB type TAB cross-lingual id`),
 * joined on the id line. Plus the derived 2019 Russian lemma → cross-lingual id table.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isValidDate, normaliseNewlines } from '../../src/ingest/formats.js';
import { requirePath } from '../paths.js';

/** One line of an annotation file: a distinct surface form in one document. */
export interface BsnlpGoldForm {
  form: string;
  lemma: string;
  type: string;
  /** Cross-lingual entity id; readable English in 2019 topics (`PER-Theresa-May`), numeric otherwise. */
  id: string;
}

export interface BsnlpDoc {
  topic: string;
  id: string;
  file: string;
  date: string | null;
  title: string;
  /** Title, a blank line, then the body: what the annotators read. */
  text: string;
  /** The body alone (what the benchmark runs on). */
  body: string;
  gold: BsnlpGoldForm[];
}

/** Topics per split: test is the BSNLP 2021 test set; dev is everything else (2017 and 2019 data). */
export const BSNLP_TOPICS = {
  dev: ['ec', 'trump', 'asia_bibi', 'brexit', 'nord_stream', 'ryanair'],
  test: ['covid-19', 'us_election_2020'],
} as const;

/** Topics whose cross-lingual ids are English-based names (BSNLP 2019). */
export const BSNLP_READABLE_ID_TOPICS = new Set(['asia_bibi', 'brexit', 'nord_stream', 'ryanair']);

/**
 * Splits a raw file into header fields and body.
 *
 * @example parseBsnlpRaw('ru-1\nru\n2021-02-01\nhttp://x\nTitle\n\nBody').body // 'Body'
 */
export function parseBsnlpRaw(raw: string): { id: string; date: string | null; title: string; body: string } {
  const lines = normaliseNewlines(raw.replace(/^\uFEFF/, '')).split('\n');
  const id = (lines[0] ?? '').trim();
  const d = (lines[2] ?? '').trim();
  const title = (lines[4] ?? '').trim();
  const body = lines.slice(5).join('\n').replace(/^\s+/, '').trimEnd();
  return { id, date: isValidDate(d) ? d : null, title, body };
}

/** Parses an annotation file into its id and forms. */
export function parseBsnlpAnnotation(raw: string): { id: string; forms: BsnlpGoldForm[] } {
  const lines = normaliseNewlines(raw.replace(/^\uFEFF/, '')).split('\n');
  const id = (lines[0] ?? '').trim();
  const forms: BsnlpGoldForm[] = [];
  for (const line of lines.slice(1)) {
    const p = line.split('\t');
    if (p.length < 3 || !p[0]!.trim()) continue;
    forms.push({ form: p[0]!.trim(), lemma: (p[1] ?? '').trim(), type: p[2]!.trim().toUpperCase(), id: (p[3] ?? '').trim() });
  }
  return { id, forms };
}

/** Raw text files of one topic (sorted), for the benchmark corpus. */
export function bsnlpRawFiles(data: string, topic: string): string[] {
  const dir = requirePath(data, 'bsnlp', 'sets', topic, 'raw', 'ru');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f));
}

/** Every topic folder present. */
export function bsnlpTopics(data: string): string[] {
  return readdirSync(requirePath(data, 'bsnlp', 'sets')).sort();
}

/**
 * Loads the Russian documents of a split with their gold forms.
 *
 * @example loadBsnlp('/data', 'test', 10).length // 10
 */
export function loadBsnlp(data: string, split: 'dev' | 'test', limit?: number): BsnlpDoc[] {
  const docs: BsnlpDoc[] = [];
  for (const topic of BSNLP_TOPICS[split]) {
    const annDir = requirePath(data, 'bsnlp', 'sets', topic, 'annotated', 'ru');
    const gold = new Map<string, BsnlpGoldForm[]>();
    for (const f of readdirSync(annDir).sort()) {
      const a = parseBsnlpAnnotation(readFileSync(join(annDir, f), 'utf8'));
      gold.set(a.id, [...(gold.get(a.id) ?? []), ...a.forms]);
    }
    for (const file of bsnlpRawFiles(data, topic)) {
      const r = parseBsnlpRaw(readFileSync(file, 'utf8'));
      const forms = gold.get(r.id);
      if (!forms) continue;
      docs.push({
        topic,
        id: r.id,
        file,
        date: r.date,
        title: r.title,
        text: r.title ? `${r.title}\n\n${r.body}` : r.body,
        body: r.body,
        gold: forms,
      });
    }
  }
  return limit !== undefined ? spread(docs, limit) : docs;
}

/** `n` items taken evenly across the list, so that a limited run still sees every topic. */
function spread<T>(items: T[], n: number): T[] {
  if (n >= items.length) return items;
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(items[Math.floor((i * items.length) / n)]!);
  return out;
}

/** A row of `derived/bsnlp2019_ru_lemma_to_xlingual_id.tsv`. */
export interface LemmaIdRow {
  id: string;
  type: string;
  lemma: string;
  nDocs: number;
}

/**
 * Loads the derived Russian lemma → cross-lingual id table of the 2019 topics.
 *
 * @example loadBsnlpLemmaTable('/data').find((r) => r.lemma === 'Тереза Мэй')?.id // 'PER-Theresa-May'
 */
export function loadBsnlpLemmaTable(data: string): LemmaIdRow[] {
  const p = requirePath(data, 'bsnlp', 'derived', 'bsnlp2019_ru_lemma_to_xlingual_id.tsv');
  const rows: LemmaIdRow[] = [];
  for (const line of readFileSync(p, 'utf8').split('\n').slice(1)) {
    const [id = '', type = '', lemma = '', n = '0'] = line.split('\t');
    if (!id.trim() || !lemma.trim()) continue;
    rows.push({ id: id.trim(), type: type.trim(), lemma: lemma.trim(), nDocs: Number(n) || 0 });
  }
  return rows;
}
