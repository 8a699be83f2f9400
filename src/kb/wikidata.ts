/**
 * Import from a Wikidata JSON dump into a user KB (JSONL in the source format of data/kb).
 *
 * The dump is read as a stream of lines — the full dump's array form (`[`, one entity per line
 * with a trailing comma, `]`) or a filtered extract of one entity per line — plain, `.gz` or
 * `.bz2`. Memory stays flat: one line at a time, output flushed in batches; only the ids already
 * written (for resuming) and a small country map are kept.
 */
import {
  closeSync,
  createReadStream,
  existsSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  statSync,
  writeSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import type { Kb } from './kb.js';
import type { EntityType, KbRole, KbSourceRecord } from './types.js';

/** `instance of` (P31) classes kept, with the type and sector they give. Order = priority. */
export const WIKIDATA_CLASSES: ReadonlyMap<string, { type: EntityType; sector?: string }> = new Map([
  ['Q5', { type: 'PERSON' }], // human
  ['Q3624078', { type: 'COUNTRY' }], // sovereign state
  ['Q6256', { type: 'COUNTRY' }], // country
  ['Q15634554', { type: 'COUNTRY' }], // state with limited recognition
  ['Q161243', { type: 'COUNTRY' }], // dependent territory
  ['Q46395', { type: 'COUNTRY' }], // British overseas territory
  ['Q5119', { type: 'CITY' }], // capital city
  ['Q1637706', { type: 'CITY' }], // city with millions of inhabitants
  ['Q1549591', { type: 'CITY' }], // big city
  ['Q200250', { type: 'CITY' }], // metropolis
  ['Q515', { type: 'CITY' }], // city
  ['Q1093829', { type: 'CITY' }], // city in the United States
  ['Q3957', { type: 'CITY' }], // town
  ['Q131569', { type: 'TREATY' }], // treaty
  ['Q625298', { type: 'TREATY' }], // peace treaty
  ['Q245065', { type: 'ORG', sector: 'IGO' }], // intergovernmental organization
  ['Q484652', { type: 'ORG', sector: 'IGO' }], // international organization
  ['Q192350', { type: 'ORG', sector: 'GOV' }], // ministry
  ['Q327333', { type: 'ORG', sector: 'GOV' }], // government agency
  ['Q66344', { type: 'ORG', sector: 'GOV' }], // central bank
  ['Q7278', { type: 'ORG', sector: 'PTY' }], // political party
  ['Q192283', { type: 'ORG', sector: 'MED' }], // news agency
  ['Q11032', { type: 'ORG', sector: 'MED' }], // newspaper
  ['Q1331793', { type: 'ORG', sector: 'MED' }], // media company
  ['Q891723', { type: 'ORG', sector: 'BUS' }], // public company
  ['Q783794', { type: 'ORG', sector: 'BUS' }], // company
  ['Q4830453', { type: 'ORG', sector: 'BUS' }], // business
  ['Q6881511', { type: 'ORG', sector: 'BUS' }], // enterprise
  ['Q22687', { type: 'ORG', sector: 'BUS' }], // bank
  ['Q163740', { type: 'ORG', sector: 'NGO' }], // nonprofit organization
  ['Q3918', { type: 'ORG', sector: 'EDU' }], // university
  ['Q43229', { type: 'ORG' }], // organization
]);

/**
 * Offices (P39 values) mapped to role codes. Only QIDs we are sure of; any other office is kept as
 * `{ role: 'position', position: QID }`.
 */
export const WIKIDATA_POSITIONS: ReadonlyMap<string, { role: string; of: string }> = new Map([
  ['Q11696', { role: 'president', of: 'USA' }], // President of the United States
  ['Q11699', { role: 'vice_president', of: 'USA' }], // Vice President of the United States
  ['Q14213', { role: 'foreign_minister', of: 'USA' }], // United States Secretary of State
  ['Q4416090', { role: 'senator', of: 'USA' }], // United States senator
  ['Q2666591', { role: 'central_bank_governor', of: 'USA' }], // Chair of the Federal Reserve
  ['Q218295', { role: 'president', of: 'RUS' }], // President of Russia
  ['Q14211', { role: 'prime_minister', of: 'GBR' }], // Prime Minister of the United Kingdom
  ['Q4970706', { role: 'prime_minister', of: 'DEU' }], // Chancellor of Germany
  ['Q191954', { role: 'president', of: 'FRA' }], // President of France
]);

const LANGS = ['en', 'ru', 'kk'] as const;

export interface WikidataImportOptions {
  /** The dump: `.json`, `.json.gz`, `.json.bz2`, or a one-entity-per-line extract. */
  dump: string;
  /** The user KB to append to. */
  out: string;
  /** Stop after writing this many records. */
  limit?: number;
  /** The shipped KB: its QID → ISO3 map, and its ids (skipped unless `includeShipped`). */
  kb?: Kb;
  /** Also import entities the shipped KB already has (they would override it). */
  includeShipped?: boolean;
  /** Called about four times a second while reading. */
  onProgress?: (p: WikidataProgress) => void;
}

export interface WikidataProgress {
  /** Bytes of the dump file read so far (compressed bytes for .gz/.bz2). */
  bytes: number;
  totalBytes: number;
  lines: number;
  written: number;
}

export interface WikidataImportStats {
  lines: number;
  entities: number;
  malformed: number;
  written: number;
  alreadyWritten: number;
  inShippedKb: number;
  noLabel: number;
  /** Country references (P17/P27) that no ISO3 code was found for. */
  unresolvedCountries: number;
  byType: Partial<Record<EntityType, number>>;
  /** True when the import stopped at `limit`. */
  limited: boolean;
}

interface Snak {
  snaktype?: string;
  datavalue?: { value?: unknown };
}

interface Claim {
  mainsnak?: Snak;
  rank?: string;
  qualifiers?: Record<string, Snak[]>;
}

interface WdEntity {
  id?: unknown;
  type?: unknown;
  labels?: Record<string, { value?: unknown }>;
  aliases?: Record<string, { value?: unknown }[]>;
  claims?: Record<string, Claim[]>;
}

function claimsOf(e: WdEntity, prop: string): Claim[] {
  const list = e.claims?.[prop];
  if (!Array.isArray(list)) return [];
  const live = list.filter((c) => c && c.rank !== 'deprecated');
  const preferred = live.filter((c) => c.rank === 'preferred');
  return preferred.length ? [...preferred, ...live.filter((c) => c.rank !== 'preferred')] : live;
}

function itemId(s: Snak | undefined): string | null {
  if (!s || s.snaktype !== 'value') return null;
  const v = s.datavalue?.value as { id?: unknown; 'numeric-id'?: unknown } | undefined;
  if (!v || typeof v !== 'object') return null;
  if (typeof v.id === 'string') return v.id;
  if (typeof v['numeric-id'] === 'number') return `Q${v['numeric-id']}`;
  return null;
}

function stringValue(s: Snak | undefined): string | null {
  if (!s || s.snaktype !== 'value') return null;
  const v = s.datavalue?.value;
  return typeof v === 'string' ? v : null;
}

/** A Wikidata time value as YYYY-MM-DD, YYYY-MM or YYYY by its precision (null before year 1). */
export function wikidataDate(s: Snak | undefined): string | null {
  if (!s || s.snaktype !== 'value') return null;
  const v = s.datavalue?.value as { time?: unknown; precision?: unknown } | undefined;
  if (!v || typeof v.time !== 'string') return null;
  const m = /^\+(\d{4,})-(\d{2})-(\d{2})T/.exec(v.time);
  if (!m || m[1]!.length > 4) return null;
  const precision = typeof v.precision === 'number' ? v.precision : 11;
  if (precision < 9 || m[1] === '0000') return null;
  if (precision === 9 || m[2] === '00') return m[1]!;
  if (precision === 10 || m[3] === '00') return `${m[1]}-${m[2]}`;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function label(e: WdEntity, lang: string): string | null {
  const v = e.labels?.[lang]?.value;
  return typeof v === 'string' && v.trim() ? v : null;
}

function aliases(e: WdEntity, lang: string): string[] {
  const list = e.aliases?.[lang];
  if (!Array.isArray(list)) return [];
  return list.map((a) => a?.value).filter((v): v is string => typeof v === 'string' && !!v.trim());
}

/** Lines of a stream, decoded as UTF-8, one at a time (pulling, so backpressure holds). */
async function* linesOf(stream: Readable): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of stream) {
    rest += typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    let from = 0;
    let nl = rest.indexOf('\n');
    while (nl >= 0) {
      yield rest.slice(from, nl);
      from = nl + 1;
      nl = rest.indexOf('\n', from);
    }
    rest = rest.slice(from);
  }
  rest += decoder.end();
  if (rest) yield rest;
}

function openDump(file: string, onBytes: (n: number) => void): { stream: Readable; close(): void } {
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  raw.on('data', (c) => onBytes((c as Buffer).length));
  const lower = file.toLowerCase();
  let out: Readable = raw;
  if (lower.endsWith('.gz')) out = raw.pipe(createGunzip());
  else if (lower.endsWith('.bz2')) {
    // unbzip2-stream ships no types; it is a function returning a transform stream.
    const require = createRequire(import.meta.url);
    const bz2 = require('unbzip2-stream') as () => NodeJS.ReadWriteStream;
    // Its classic stream is not async-iterable; a PassThrough makes it one, keeping backpressure.
    const pass = new PassThrough();
    const bz = bz2();
    bz.on('error', (err: Error) => pass.destroy(err));
    out = raw.pipe(bz).pipe(pass);
  }
  // A corrupt archive must end the import with an error, not leave it waiting.
  if (out !== raw) raw.on('error', (err) => out.destroy(err));
  return {
    stream: out,
    close() {
      raw.destroy();
      if (out !== raw) out.destroy();
    },
  };
}

/**
 * Ids already in a user KB. QIDs are kept as sorted numbers (4 bytes each), so resuming over a
 * file of millions of records stays small; other ids go in a plain set.
 */
class IdSet {
  private nums = new Uint32Array(1024);
  private n = 0;
  private sorted = true;
  private readonly other = new Set<string>();

  add(id: string): void {
    const m = /^Q(\d{1,9})$/.exec(id);
    if (!m) {
      this.other.add(id);
      return;
    }
    if (this.n === this.nums.length) {
      const bigger = new Uint32Array(this.nums.length * 2);
      bigger.set(this.nums);
      this.nums = bigger;
    }
    this.nums[this.n++] = Number(m[1]);
    this.sorted = false;
  }

  has(id: string): boolean {
    const m = /^Q(\d{1,9})$/.exec(id);
    if (!m) return this.other.has(id);
    if (!this.sorted) {
      this.nums = this.nums.slice(0, this.n).sort();
      this.sorted = true;
    }
    const x = Number(m[1]);
    let lo = 0;
    let hi = this.n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.nums[mid]!;
      if (v === x) return true;
      if (v < x) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

/**
 * Reads the ids of an existing user KB and cuts off a last line left half-written by an
 * interrupted import, so that appending resumes cleanly.
 */
async function existingIds(file: string): Promise<IdSet> {
  const ids = new IdSet();
  if (!existsSync(file)) return ids;
  const stream = createReadStream(file);
  let offset = 0;
  let lastNewlineEnd = 0;
  let partial: Buffer[] = [];
  for await (const chunk of stream) {
    const buf = chunk as Buffer;
    let start = 0;
    for (let i = buf.indexOf(0x0a); i >= 0; i = buf.indexOf(0x0a, start)) {
      partial.push(buf.subarray(start, i));
      const line =
        partial.length === 1 ? partial[0]!.toString('utf8') : Buffer.concat(partial).toString('utf8');
      partial = [];
      start = i + 1;
      lastNewlineEnd = offset + i + 1;
      const m = /^\{"id":"([^"]+)"/.exec(line);
      if (m) ids.add(m[1]!);
      else if (line.trim().startsWith('{')) {
        try {
          const id = (JSON.parse(line) as { id?: unknown }).id;
          if (typeof id === 'string') ids.add(id);
        } catch {
          // A malformed line in the user KB is the loader's to report, not the importer's.
        }
      }
    }
    if (start < buf.length) partial.push(Buffer.from(buf.subarray(start)));
    offset += buf.length;
  }
  if (lastNewlineEnd < offset) {
    const fd = openSync(file, 'r+');
    try {
      ftruncateSync(fd, lastNewlineEnd);
    } finally {
      closeSync(fd);
    }
  }
  return ids;
}

/** Turns one Wikidata entity into a KB record, or null when it is not of a kept class. */
export function recordFromEntity(
  e: WdEntity,
  countryIso3: ReadonlyMap<string, string>,
  stats?: Pick<WikidataImportStats, 'unresolvedCountries' | 'noLabel'>,
): KbSourceRecord | null {
  if (typeof e.id !== 'string' || !/^Q[1-9]\d*$/.test(e.id)) return null;
  const classes = new Set(
    claimsOf(e, 'P31')
      .map((c) => itemId(c.mainsnak))
      .filter((q): q is string => !!q),
  );
  let cls: { type: EntityType; sector?: string } | undefined;
  for (const [q, c] of WIKIDATA_CLASSES) {
    if (classes.has(q)) {
      cls = c;
      break;
    }
  }
  if (!cls) return null;
  const names: Record<string, string[]> = {};
  for (const lang of LANGS) {
    const l = label(e, lang);
    const list = [...(l ? [l] : []), ...aliases(e, lang)];
    names[lang] = [...new Set(list)];
  }
  const name = label(e, 'en') ?? label(e, 'ru') ?? label(e, 'kk');
  if (!name) {
    if (stats) stats.noLabel++;
    return null;
  }
  let type = cls.type;
  const rec: KbSourceRecord = { id: e.id, type, name, source: `Wikidata ${e.id} (imported from a dump)` };
  const en = names.en!.filter((n) => n !== name);
  if (en.length) rec.en = en;
  if (names.ru!.length) rec.ru = names.ru;
  if (names.kk!.length) rec.kk = names.kk;

  if (type === 'COUNTRY') {
    const iso3 = stringValue(claimsOf(e, 'P298')[0]?.mainsnak);
    const iso2 = stringValue(claimsOf(e, 'P297')[0]?.mainsnak);
    const code = iso3 && /^[A-Z]{3}$/.test(iso3) ? iso3 : countryIso3.get(e.id);
    if (code) {
      rec.iso3 = code;
      rec.country = code;
      if (iso2 && /^[A-Z]{2}$/.test(iso2)) rec.iso2 = iso2;
      const capital = itemId(claimsOf(e, 'P36')[0]?.mainsnak);
      if (capital) rec.capital = capital;
    } else {
      // Without an ISO code a former or unrecognised state is kept as a place.
      type = 'LOC';
      rec.type = type;
    }
  }
  if (type !== 'COUNTRY') {
    const prop = type === 'PERSON' ? 'P27' : 'P17';
    const q = itemId(claimsOf(e, prop)[0]?.mainsnak);
    if (q) {
      const code = countryIso3.get(q);
      if (code) rec.country = code;
      else if (stats) stats.unresolvedCountries++;
    }
  }
  if (cls.sector) rec.sector = [cls.sector];
  const handles = claimsOf(e, 'P2002')
    .map((c) => stringValue(c.mainsnak))
    .filter((h): h is string => !!h);
  if (handles.length) rec.handles = [...new Set(handles)];

  if (type === 'PERSON') {
    const roles: KbRole[] = [];
    const seen = new Set<string>();
    for (const c of claimsOf(e, 'P39')) {
      const q = itemId(c.mainsnak);
      if (!q) continue;
      const from = wikidataDate(c.qualifiers?.P580?.[0]);
      const to = wikidataDate(c.qualifiers?.P582?.[0]);
      const known = WIKIDATA_POSITIONS.get(q);
      const role: KbRole = known ? { role: known.role, of: known.of } : { role: 'position', position: q };
      if (from) role.from = from;
      role.to = to;
      if (!to && !from) delete role.to;
      const k = JSON.stringify(role);
      if (seen.has(k)) continue;
      seen.add(k);
      roles.push(role);
    }
    if (roles.length) rec.roles = roles;
  }
  return rec;
}

/** Field order of written records, the same as the hand-written sources. */
function serializeRecord(r: KbSourceRecord): string {
  // prettier-ignore
  const order: (keyof KbSourceRecord)[] = [
    'id', 'type', 'name', 'en', 'ru', 'kk', 'country', 'sector', 'iso2', 'iso3', 'capital', 'handles', 'roles', 'source',
  ];
  const o: Record<string, unknown> = {};
  for (const k of order) if (r[k] !== undefined) o[k] = r[k];
  return JSON.stringify(o);
}

/**
 * Streams a Wikidata dump into a user KB. Appends to `out`, skipping ids already there, so an
 * interrupted import resumes by running it again. Malformed lines are skipped and counted.
 *
 * @example
 * const stats = await importWikidata({ dump: 'latest-all.json.gz', out: `${os.homedir()}/.annalist/kb-user.jsonl`, kb: await loadKb() });
 */
export async function importWikidata(options: WikidataImportOptions): Promise<WikidataImportStats> {
  const stats: WikidataImportStats = {
    lines: 0,
    entities: 0,
    malformed: 0,
    written: 0,
    alreadyWritten: 0,
    inShippedKb: 0,
    noLabel: 0,
    unresolvedCountries: 0,
    byType: {},
    limited: false,
  };
  const countryIso3 = new Map<string, string>();
  if (options.kb) {
    for (const e of options.kb.entities())
      if (e.type === 'COUNTRY' && e.iso3 && /^Q\d+$/.test(e.id)) countryIso3.set(e.id, e.iso3);
  }
  mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
  const done = await existingIds(options.out);
  const fd = openSync(options.out, 'a');
  const totalBytes = statSync(options.dump).size;
  let bytes = 0;
  let buffer = '';
  const flush = () => {
    if (buffer) writeSync(fd, buffer);
    buffer = '';
  };
  let lastTick = 0;
  const tick = (force = false) => {
    if (!options.onProgress) return;
    const now = Date.now();
    if (!force && now - lastTick < 250) return;
    lastTick = now;
    options.onProgress({ bytes, totalBytes, lines: stats.lines, written: stats.written });
  };
  const dump = openDump(options.dump, (n) => {
    bytes += n;
  });
  try {
    for await (const raw of linesOf(dump.stream)) {
      stats.lines++;
      if ((stats.lines & 1023) === 0) tick();
      let line = raw.trim();
      if (!line || line === '[' || line === ']') continue;
      if (line.endsWith(',')) line = line.slice(0, -1);
      let e: WdEntity;
      try {
        const parsed: unknown = JSON.parse(line);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
          throw new Error('not an object');
        e = parsed as WdEntity;
        if (typeof e.id !== 'string') throw new Error('no id');
      } catch {
        stats.malformed++;
        continue;
      }
      stats.entities++;
      if (e.type !== undefined && e.type !== 'item') continue;
      // Countries seen in the dump give their ISO3 to later persons and places.
      const iso3 = stringValue(claimsOf(e, 'P298')[0]?.mainsnak);
      if (iso3 && /^[A-Z]{3}$/.test(iso3) && typeof e.id === 'string' && !countryIso3.has(e.id))
        countryIso3.set(e.id, iso3);
      const rec = recordFromEntity(e, countryIso3, stats);
      if (!rec) continue;
      if (done.has(rec.id)) {
        stats.alreadyWritten++;
        continue;
      }
      if (!options.includeShipped && options.kb?.get(rec.id)) {
        stats.inShippedKb++;
        continue;
      }
      // Each entity is once in a dump, so ids written in this run need no remembering.
      buffer += serializeRecord(rec) + '\n';
      stats.written++;
      stats.byType[rec.type] = (stats.byType[rec.type] ?? 0) + 1;
      if (buffer.length > 1 << 20) flush();
      if (options.limit !== undefined && stats.written >= options.limit) {
        stats.limited = true;
        break;
      }
    }
  } finally {
    flush();
    closeSync(fd);
    dump.close();
  }
  tick(true);
  return stats;
}
