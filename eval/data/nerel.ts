/**
 * NEREL v1.1 (nerel-ds/NEREL): brat standoff, one `.txt` + `.ann` per document under
 * `NEREL-v1.1/{train,dev,test}`. `T` lines are entities (nested, sometimes discontinuous), `N` lines link
 * an entity to Wikidata (`Wikidata:Q…` or `Wikidata:NULL`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requirePath } from '../paths.js';
import { codePointToUtf16 } from '../text.js';

export interface NerelEntity {
  id: string;
  type: string;
  /** Envelope of the fragments (a discontinuous entity spans from its first to its last fragment). */
  start: number;
  end: number;
  fragments: Array<{ start: number; end: number }>;
  text: string;
  /** Wikidata QID from an `N` line, `null` for `Wikidata:NULL`, undefined when not linked at all. */
  wikidata?: string | null;
  /** The normalized name of the `N` line ("Хорняк, Жолт"). */
  normName?: string;
}

export interface NerelDoc {
  id: string;
  text: string;
  entities: NerelEntity[];
}

export type NerelSplit = 'train' | 'dev' | 'test';

/** The document ids of a split, sorted. */
export function nerelIds(data: string, split: NerelSplit): string[] {
  const dir = requirePath(data, 'NEREL', 'NEREL-v1.1', split);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4))
    .sort();
}

/** Path of a document's text (used by the benchmark corpus too). */
export function nerelTextPath(data: string, split: NerelSplit, id: string): string {
  return join(requirePath(data, 'NEREL', 'NEREL-v1.1', split), `${id}.txt`);
}

/**
 * Loads a NEREL split.
 *
 * @example loadNerel('/data', 'test', 3)[0].entities[0] // { type: 'NATIONALITY', … }
 */
export function loadNerel(data: string, split: NerelSplit, limit?: number): NerelDoc[] {
  const dir = requirePath(data, 'NEREL', 'NEREL-v1.1', split);
  let ids = nerelIds(data, split);
  if (limit !== undefined) ids = ids.slice(0, limit);
  return ids.map((id) =>
    parseBrat(id, readFileSync(join(dir, `${id}.txt`), 'utf8'), readFileSync(join(dir, `${id}.ann`), 'utf8')),
  );
}

/**
 * Parses a brat `.ann` against its text. Lines that are neither T, R, N, A, E nor comments are the
 * continuation of an entity text with an embedded newline and are skipped.
 *
 * @example parseBrat('1', 'Жолт Хорняк', 'T1\tPERSON 0 11\tЖолт Хорняк').entities.length // 1
 */
export function parseBrat(id: string, rawText: string, ann: string): NerelDoc {
  const text = rawText.replace(/^\uFEFF/, '');
  const u = codePointToUtf16(text);
  const entities = new Map<string, NerelEntity>();
  const links: Array<[string, string | null, string]> = [];
  for (const line of ann.split('\n')) {
    if (line.startsWith('T')) {
      const m = /^(T\d+)\t(\S+) ([\d ;]+)\t?(.*)$/.exec(line);
      if (!m) continue;
      const fragments = m[3]!
        .trim()
        .split(';')
        .map((f) => f.trim().split(' ').map(Number))
        .filter((p) => p.length === 2 && p.every((n) => Number.isFinite(n)))
        .map(([s, e]) => ({ start: u(s!), end: u(e!) }));
      if (fragments.length === 0) continue;
      entities.set(m[1]!, {
        id: m[1]!,
        type: m[2]!,
        start: Math.min(...fragments.map((f) => f.start)),
        end: Math.max(...fragments.map((f) => f.end)),
        fragments,
        text: m[4] ?? '',
      });
    } else if (line.startsWith('N')) {
      const m = /^N\d+\tReference (T\d+) Wikidata:(\S+)\t?(.*)$/.exec(line);
      if (!m) continue;
      links.push([m[1]!, m[2] === 'NULL' ? null : m[2]!, m[3] ?? '']);
    }
  }
  for (const [tid, qid, name] of links) {
    const e = entities.get(tid);
    if (!e) continue;
    e.wikidata = qid;
    if (name) e.normName = name;
  }
  return { id, text, entities: [...entities.values()] };
}
