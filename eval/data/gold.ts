/**
 * A gold folder in the format of `../shared/seed/`: article files (` date YYYY-MM-DD text`) with a
 * `NAME.gold.json` beside each `NAME.txt` (entities with canonical names and every surface form; events
 * with type, source, target, date, amount, status and evidence sentence).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { DocInput } from '../../src/doc.js';
import { textToInput } from '../../src/ingest/read.js';
import { MissingDataError } from '../paths.js';

export interface GoldEntity {
  name: string;
  type: string;
  aliases_in_text: string[];
  wikidata?: string;
}

export interface GoldEvent {
  type: string;
  source: string | string[] | null;
  target: string | string[] | null;
  date: string | null;
  amount: { value: number; currency: string } | null;
  topic?: string;
  evidence: string;
  also_evidence?: string[];
  status: string;
  /** Background events: matching one is not a false positive, missing one is not a miss. */
  optional?: boolean;
  /** The date may be null or the given day. */
  date_lenient?: boolean;
}

export interface GoldAnnotation {
  doc: string;
  lang?: string;
  date?: string;
  entities: GoldEntity[];
  events: GoldEvent[];
}

export interface GoldDoc {
  name: string;
  file: string;
  input: DocInput;
  gold: GoldAnnotation;
}

/** The names of a gold event's participants on one side, as a list. */
export function sideNames(v: string | string[] | null | undefined): string[] {
  if (v === null || v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).filter((s) => typeof s === 'string' && s.trim() !== '');
}

/**
 * Loads every `*.gold.json` of a folder with the article beside it (same name, `.txt` or any other
 * extension), read the way `annalist extract` reads it.
 *
 * @example loadGoldDir('../shared/seed')[0].gold.events.length // 12
 */
export function loadGoldDir(dir: string, limit?: number): GoldDoc[] {
  const root = resolve(dir);
  const hint = 'A gold folder holds article files with NAME.gold.json beside each, as ../shared/seed does.';
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new MissingDataError(root, 'The gold folder', hint);
  const files = readdirSync(root).sort();
  const golds = files.filter((f) => f.endsWith('.gold.json'));
  if (golds.length === 0) throw new MissingDataError(join(root, '*.gold.json'), 'A gold annotation', hint);
  const docs: GoldDoc[] = [];
  for (const g of limit !== undefined ? golds.slice(0, limit) : golds) {
    const stem = g.slice(0, -'.gold.json'.length);
    const article =
      files.find((f) => f === `${stem}.txt`) ?? files.find((f) => f.startsWith(`${stem}.`) && !f.endsWith('.gold.json'));
    if (!article) throw new MissingDataError(join(root, `${stem}.txt`), `The article of ${g}`, hint);
    const gold = JSON.parse(readFileSync(join(root, g), 'utf8')) as GoldAnnotation;
    const file = join(root, article);
    const item = textToInput(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), file, {});
    if (!item.ok) throw new Error(`${file}: ${item.error.message}`);
    if (!item.input.date && gold.date) item.input.date = gold.date;
    docs.push({ name: basename(stem), file, input: item.input, gold: { ...gold, entities: gold.entities ?? [], events: gold.events ?? [] } });
  }
  return docs;
}
