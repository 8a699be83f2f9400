/**
 * factRuEval-2016 (dialogue-evaluation/factRuEval-2016): `book_N.txt` with its `.tokens`, `.spans`
 * (layer 1) and `.objects` (layer 2, mentions) files. dev = `devset/`, test = `testset/`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requirePath } from '../paths.js';
import { codePointToUtf16 } from '../text.js';

export interface FactruToken {
  id: string;
  start: number;
  end: number;
  text: string;
}

/** A layer-1 span: a name part (`name`, `surname`, `org_name`, `loc_name`…) with its offsets. */
export interface FactruSpan {
  id: string;
  type: string;
  start: number;
  end: number;
}

/** A layer-2 mention: `Person`, `Org`, `Location`, `LocOrg`, `Project` or `Facility`, made of spans. */
export interface FactruObject {
  id: string;
  type: string;
  spans: FactruSpan[];
  text: string;
}

export interface FactruDoc {
  id: string;
  text: string;
  tokens: FactruToken[];
  spans: FactruSpan[];
  objects: FactruObject[];
}

export type Split = 'dev' | 'test';

const SPLIT_DIRS: Record<Split, string> = { dev: 'devset', test: 'testset' };

/**
 * Lists the `book_N` document ids of a split, in numeric order.
 *
 * @example factruIds('/data', 'test').length // 132
 */
export function factruIds(data: string, split: Split): string[] {
  const dir = requirePath(data, 'factRuEval-2016', SPLIT_DIRS[split]);
  return readdirSync(dir)
    .filter((f) => /^book_\d+\.txt$/.test(f))
    .map((f) => f.slice(0, -4))
    .sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)));
}

/** Path of a book's `.txt` (used by the benchmark corpus as well). */
export function factruTextPath(data: string, split: Split, id: string): string {
  return join(requirePath(data, 'factRuEval-2016', SPLIT_DIRS[split]), `${id}.txt`);
}

/**
 * Loads a split of factRuEval-2016 with offsets converted to JavaScript string indices.
 *
 * @example const docs = loadFactru('/data', 'test', 5);
 */
export function loadFactru(data: string, split: Split, limit?: number): FactruDoc[] {
  const dir = requirePath(data, 'factRuEval-2016', SPLIT_DIRS[split]);
  let ids = factruIds(data, split);
  if (limit !== undefined) ids = ids.slice(0, limit);
  return ids.map((id) => parseFactruDoc(id, (ext) => readFileSync(join(dir, id + ext), 'utf8')));
}

/**
 * Parses one document from its files' contents (`read('.txt')`, `read('.spans')`…).
 *
 * @example parseFactruDoc('book_1', (ext) => files[ext])
 */
export function parseFactruDoc(id: string, read: (ext: string) => string): FactruDoc {
  const text = read('.txt').replace(/^\uFEFF/, '');
  const u = codePointToUtf16(text);
  const tokens: FactruToken[] = [];
  for (const line of read('.tokens').split('\n')) {
    const m = /^(\S+) (\d+) (\d+) (.*)$/.exec(line.trimEnd());
    if (!m) continue;
    const s = Number(m[2]);
    tokens.push({ id: m[1]!, start: u(s), end: u(s + Number(m[3])), text: m[4]! });
  }
  const spans: FactruSpan[] = [];
  const byId = new Map<string, FactruSpan>();
  for (const line of read('.spans').split('\n')) {
    const m = /^(\S+) (\S+) (\d+) (\d+)/.exec(line);
    if (!m) continue;
    const s = Number(m[3]);
    const span = { id: m[1]!, type: m[2]!, start: u(s), end: u(s + Number(m[4])) };
    spans.push(span);
    byId.set(span.id, span);
  }
  const objects: FactruObject[] = [];
  for (const line of read('.objects').split('\n')) {
    const [head = '', comment = ''] = line.split('#', 2);
    const parts = head.trim().split(/\s+/);
    if (parts.length < 3) continue;
    const [oid, type, ...spanIds] = parts;
    const os = spanIds.map((s) => byId.get(s)).filter((s): s is FactruSpan => s !== undefined);
    if (os.length === 0) continue;
    objects.push({ id: oid!, type: type!, spans: os, text: comment.trim() });
  }
  return { id, text, tokens, spans, objects };
}
