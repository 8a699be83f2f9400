/**
 * PETRARCH validation records (openeventdata/petrarch2 `PETR.UnitTest.records.xml` and
 * UniversalPetrarch `PETR2_GSR_validation.xml`): English sentences with expected CAMEO codings
 * (`<EventCoding sourcecode targetcode eventcode>`, or `noevents="True"`). They are our development
 * set for English event rules (the PLOVER GSR, which has no split, stays the test set).
 *
 * The unit tests use fictional actors (Arnor = ARN, Gondor = GON…) named in `PETR.Validate.actors.txt`;
 * `loadPetrarchActors` reads that dictionary so that actors can be judged by name.
 */
import { readFileSync } from 'node:fs';
import { requirePath } from '../paths.js';

export interface PetrarchCoding {
  source: string;
  target: string;
  /** CAMEO code as written (may be a PETRARCH-internal test code; see `isCameoCode`). */
  code: string;
}

export interface PetrarchRecord {
  id: string;
  /** `unit` (PETR.UnitTest.records) or `gsr` (PETR2_GSR_validation). */
  file: 'unit' | 'gsr';
  category: string;
  /** `YYYY-MM-DD`, or null when the record has none. */
  date: string | null;
  text: string;
  codings: PetrarchCoding[];
  /** The record says no event should be coded. */
  noEvents: boolean;
}

/** Codes the unit tests use to exercise the coder itself; they are not CAMEO (SOURCE.md). */
const INTERNAL = new Set(['212', '222', '223', '224', '345', '802']);

/**
 * True for a real CAMEO event code: 3–4 digits, root 01–20, not a PETRARCH test code (9xx and the
 * ones listed in SOURCE.md).
 *
 * @example isCameoCode('0841') // true
 * @example isCameoCode('903') // false
 */
export function isCameoCode(code: string): boolean {
  if (!/^\d{3,4}$/.test(code) || INTERNAL.has(code)) return false;
  const root = Number(code.slice(0, 2));
  return root >= 1 && root <= 20;
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([A-Za-z_]+)\s*=\s*"([^"]*)"/g)) out[m[1]!] = m[2]!;
  return out;
}

const isoDate = (d: string | undefined): string | null =>
  d && /^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : null;

/**
 * Parses one validation XML file. Comments are dropped first (they hold notes, and some hold
 * commented-out records); a record runs from its `<Sentence` tag to the next one, since the GSR file
 * self-closes its `<Sentence …/>` tags.
 *
 * @example parsePetrarch('<Sentence id="A" date="19950101" category="DEMO"><EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding><Text>t</Text></Sentence>', 'unit')[0].codings[0].code // '064'
 */
export function parsePetrarch(raw: string, file: PetrarchRecord['file']): PetrarchRecord[] {
  const s = raw.replace(/<!--[\s\S]*?-->/g, '');
  const out: PetrarchRecord[] = [];
  const starts = [...s.matchAll(/<Sentence\b[^>]*>/g)];
  starts.forEach((m, i) => {
    const body = s.slice(m.index! + m[0].length, starts[i + 1]?.index ?? s.length);
    const a = attrs(m[0]);
    const text = /<Text>([\s\S]*?)<\/Text>/.exec(body)?.[1]?.replace(/\s+/g, ' ').trim();
    if (!text) return;
    const codings: PetrarchCoding[] = [];
    let noEvents = false;
    for (const c of body.matchAll(/<EventCoding\b[^>]*>/g)) {
      const ca = attrs(c[0]);
      if (/^true$/i.test(ca.noevents ?? '')) noEvents = true;
      else if (ca.eventcode)
        codings.push({ source: ca.sourcecode ?? '', target: ca.targetcode ?? '', code: ca.eventcode });
    }
    out.push({
      id: a.id ?? `${file}-${i}`,
      file,
      category: a.category ?? '',
      date: isoDate(a.date),
      text,
      codings,
      noEvents,
    });
  });
  return out;
}

/**
 * Actor code → names, from a PETRARCH actor dictionary (`NAME_WITH_UNDERSCORES [CODE]` with `+ALIAS`
 * lines). Names are lower-cased with spaces; a trailing underscore (a prefix pattern) is dropped.
 *
 * @example parsePetrarchActors('ARNOR_  [ARN]\n+ARNORIAN').get('ARN') // ['arnor', 'arnorian']
 */
export function parsePetrarchActors(raw: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const name = (s: string): string => s.replace(/_+$/, '').replace(/_/g, ' ').trim().toLowerCase();
  let current: string[] | null = null;
  for (const line of raw.replace(/<!--[\s\S]*?-->/g, '').split('\n')) {
    const t = line.replace(/#.*$/, '').trim();
    if (!t) continue;
    if (t.startsWith('+')) {
      current?.push(name(t.slice(1).replace(/\[.*$/, '')));
      continue;
    }
    const m = /^([^[]+?)\s*\[([A-Za-z-]+)[^\]]*\]/.exec(t);
    if (!m) {
      current = null;
      continue;
    }
    const code = m[2]!.toUpperCase();
    const list = out.get(code) ?? [];
    list.push(name(m[1]!));
    out.set(code, list);
    current = list;
  }
  return out;
}

/** Every record of both files (unit tests of category ERROR test the coder's input checks and are left out). */
export function loadPetrarch(data: string, limit?: number): PetrarchRecord[] {
  const unit = requirePath(data, 'petrarch-validation', 'petrarch2', 'PETR.UnitTest.records.xml');
  const gsr = requirePath(data, 'petrarch-validation', 'universalpetrarch', 'PETR2_GSR_validation.xml');
  const recs = [
    ...parsePetrarch(readFileSync(unit, 'utf8'), 'unit').filter((r) => r.category !== 'ERROR'),
    ...parsePetrarch(readFileSync(gsr, 'utf8'), 'gsr'),
  ];
  return limit !== undefined ? recs.slice(0, limit) : recs;
}

/** The unit tests' actor dictionary (fictional countries and their people). */
export function loadPetrarchActors(data: string): Map<string, string[]> {
  const p = requirePath(data, 'petrarch-validation', 'petrarch2', 'PETR.Validate.actors.txt');
  return parsePetrarchActors(readFileSync(p, 'utf8'));
}
