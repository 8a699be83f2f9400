/**
 * Reading, checking and compiling the KB sources: `data/kb/*.jsonl` and
 * `data/lexicon/titles.<lang>.tsv` become `src/generated/kb.json`. The same checks back
 * `annalist kb check` and the validation of a user KB.
 */
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ENTITY_TYPES } from '../doc.js';
import { nameKeys, type Lemmatizer } from './keys.js';
import {
  NAME_LANGS,
  ROLE_CODES,
  SECTOR_CODES,
  type CompiledKb,
  type EntityType,
  type KbDiagnostic,
  type KbEntity,
  type KbRole,
  type KbSourceRecord,
  type LangWords,
  type TitleEntry,
} from './types.js';

/** Where a record came from. */
export interface SourceLoc {
  file: string;
  line: number;
}

/** A parsed record and its location. */
export interface LocatedRecord {
  record: KbSourceRecord;
  loc: SourceLoc;
}

const QID = /^Q[1-9]\d*$/;
const LOCAL_ID = /^kb:[a-z][a-z0-9_-]*\/[a-z0-9][a-z0-9._-]*$/;
const ISO3 = /^[A-Z]{3}$/;
const ISO2 = /^[A-Z]{2}$/;
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const TYPES: ReadonlySet<string> = new Set(ENTITY_TYPES);
const ROLES: ReadonlySet<string> = new Set(ROLE_CODES);
const SECTORS: ReadonlySet<string> = new Set(SECTOR_CODES);
// prettier-ignore
const FIELDS: ReadonlySet<string> = new Set([
  'id', 'type', 'name', 'en', 'ru', 'kk', 'country', 'sector', 'roles', 'handles', 'metonym_of', 'source',
  'iso2', 'iso3', 'capital', 'adj', 'demonym',
]);
// prettier-ignore
const ROLE_FIELDS: ReadonlySet<string> = new Set([
  'role', 'of', 'from', 'to', 'to_country', 'region', 'state', 'portfolio', 'position',
]);

/** True when `id` is a QID or a well-formed local id (`kb:person/kassym-jomart-tokayev`). */
export function isValidKbId(id: string): boolean {
  return QID.test(id) || LOCAL_ID.test(id);
}

/** True when `s` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real date. */
export function isValidPartialDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** First day a partial date can mean ("2019" → "2019-01-01"); missing → the start of time. */
export function spanStart(s: string | null | undefined): string {
  if (!s) return '0000-01-01';
  if (s.length === 4) return `${s}-01-01`;
  if (s.length === 7) return `${s}-01`;
  return s;
}

/** Last day a partial date can mean ("2019" → "2019-12-31"); null or missing → the end of time. */
export function spanEnd(s: string | null | undefined): string {
  if (!s) return '9999-12-31';
  if (s.length === 4) return `${s}-12-31`;
  if (s.length === 7) return `${s}-31`;
  return s;
}

class Diagnostics {
  readonly list: KbDiagnostic[] = [];
  error(loc: SourceLoc, code: string, message: string): void {
    this.list.push({ severity: 'error', code, file: loc.file, line: loc.line, message });
  }
  warn(loc: SourceLoc, code: string, message: string): void {
    this.list.push({ severity: 'warning', code, file: loc.file, line: loc.line, message });
  }
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(v: unknown): string[] | null {
  if (!Array.isArray(v)) return null;
  const out: string[] = [];
  for (const x of v) {
    if (typeof x !== 'string' || !x.trim()) return null;
    out.push(x);
  }
  return out;
}

function langWords(v: unknown, field: string, loc: SourceLoc, d: Diagnostics): LangWords | undefined {
  if (v === undefined) return undefined;
  if (!isObj(v)) {
    d.error(loc, 'E_FIELD', `"${field}" must be an object like {"ru": [...], "en": [...]}`);
    return undefined;
  }
  const out: LangWords = {};
  for (const [lang, words] of Object.entries(v)) {
    if (!(NAME_LANGS as readonly string[]).includes(lang)) {
      d.warn(loc, 'W_UNKNOWN_FIELD', `"${field}.${lang}" is not a language the KB uses (en, ru, kk)`);
      continue;
    }
    const list = stringList(words);
    if (!list) d.error(loc, 'E_FIELD', `"${field}.${lang}" must be an array of non-empty strings`);
    else out[lang as keyof LangWords] = list;
  }
  return out;
}

function parseRole(v: unknown, i: number, loc: SourceLoc, d: Diagnostics): KbRole | null {
  const where = `roles[${i}]`;
  if (!isObj(v)) {
    d.error(loc, 'E_ROLE', `${where} must be an object {"role", "of", "from", "to"}`);
    return null;
  }
  for (const k of Object.keys(v)) {
    if (!ROLE_FIELDS.has(k)) d.warn(loc, 'W_UNKNOWN_FIELD', `${where} has an unknown field "${k}"`);
  }
  const role = v.role;
  if (typeof role !== 'string' || !ROLES.has(role)) {
    d.error(loc, 'E_ROLE', `${where}: unknown role code ${JSON.stringify(role)} (see docs/KB-FORMAT.md)`);
    return null;
  }
  const r: KbRole = { role };
  if (typeof v.of === 'string' && v.of) r.of = v.of;
  else if (role !== 'position') {
    d.error(loc, 'E_ROLE', `${where}: "of" (an ISO3 code or a KB id) is required`);
    return null;
  }
  for (const k of ['from', 'to'] as const) {
    const x = v[k];
    if (x === undefined) continue;
    if (x === null) {
      r[k] = null;
      continue;
    }
    if (typeof x !== 'string' || !isValidPartialDate(x)) {
      d.error(
        loc,
        'E_DATE',
        `${where}: "${k}" must be YYYY-MM-DD, YYYY-MM or YYYY, not ${JSON.stringify(x)}`,
      );
      return null;
    }
    r[k] = x;
  }
  if (r.from && r.to && spanEnd(r.to) < spanStart(r.from)) {
    d.error(loc, 'E_ROLE_SPAN', `${where}: the ${role} span ends (${r.to}) before it starts (${r.from})`);
  }
  for (const k of ['to_country', 'region', 'state', 'portfolio', 'position'] as const) {
    const x = v[k];
    if (x === undefined) continue;
    if (typeof x !== 'string' || !x) {
      d.error(loc, 'E_FIELD', `${where}: "${k}" must be a non-empty string`);
      continue;
    }
    r[k] = x;
  }
  if (r.to_country !== undefined && !ISO3.test(r.to_country)) {
    d.error(loc, 'E_COUNTRY', `${where}: "to_country" must be an ISO3 code, not "${r.to_country}"`);
  }
  return r;
}

/**
 * Parses and checks one source line on its own (no cross-record checks). Returns null, with an
 * error, when the line cannot become a record: bad JSON, not an object, or a missing or invalid
 * `id`, `type` or `name`.
 */
export function parseRecordLine(
  text: string,
  loc: SourceLoc,
  diagnostics: KbDiagnostic[],
): KbSourceRecord | null {
  const d = new Diagnostics();
  const rec = parseRecordInto(text, loc, d);
  diagnostics.push(...d.list);
  return rec;
}

function parseRecordInto(text: string, loc: SourceLoc, d: Diagnostics): KbSourceRecord | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    d.error(loc, 'E_JSON', `malformed JSON: ${(err as Error).message}`);
    return null;
  }
  if (!isObj(raw)) {
    d.error(loc, 'E_RECORD', 'each line must be one JSON object');
    return null;
  }
  const id = raw.id;
  if (typeof id !== 'string' || !id) {
    d.error(loc, 'E_REQUIRED', 'the record has no "id"');
    return null;
  }
  if (!isValidKbId(id)) {
    d.error(
      loc,
      'E_ID',
      `"${id}" is neither a QID (Q123) nor a local id like kb:person/kassym-jomart-tokayev`,
    );
    return null;
  }
  const type = raw.type;
  if (typeof type !== 'string' || !TYPES.has(type)) {
    d.error(loc, 'E_TYPE', `${id}: unknown type ${JSON.stringify(type)}; one of ${ENTITY_TYPES.join(' ')}`);
    return null;
  }
  const name = raw.name;
  if (typeof name !== 'string' || !name.trim()) {
    d.error(loc, 'E_REQUIRED', `${id}: the record has no "name"`);
    return null;
  }
  const rec: KbSourceRecord = { id, type: type as EntityType, name, source: '' };
  for (const k of Object.keys(raw)) {
    if (!FIELDS.has(k)) d.warn(loc, 'W_UNKNOWN_FIELD', `${id}: unknown field "${k}"`);
  }
  if (typeof raw.source === 'string' && raw.source.trim()) rec.source = raw.source;
  else d.error(loc, 'E_REQUIRED', `${id}: the record has no "source" (the public fact it rests on)`);

  for (const lang of NAME_LANGS) {
    if (raw[lang] === undefined) continue;
    const list = stringList(raw[lang]);
    if (!list) d.error(loc, 'E_FIELD', `${id}: "${lang}" must be an array of non-empty strings`);
    else rec[lang] = list;
  }
  if ((type === 'COUNTRY' || type === 'CITY' || type === 'PERSON') && !rec.ru?.length) {
    d.warn(loc, 'W_NO_RU', `${id}: a ${type} should have its Russian name in "ru"`);
  }
  const iso3Field = (k: 'country' | 'metonym_of' | 'iso3'): void => {
    const v = raw[k];
    if (v === undefined || v === null) return;
    if (typeof v !== 'string' || !ISO3.test(v)) {
      d.error(loc, 'E_COUNTRY', `${id}: "${k}" must be an ISO 3166-1 alpha-3 code, not ${JSON.stringify(v)}`);
      return;
    }
    rec[k] = v;
  };
  iso3Field('country');
  iso3Field('metonym_of');
  iso3Field('iso3');
  if (raw.iso2 !== undefined) {
    if (typeof raw.iso2 !== 'string' || !ISO2.test(raw.iso2)) {
      d.error(
        loc,
        'E_COUNTRY',
        `${id}: "iso2" must be an ISO 3166-1 alpha-2 code, not ${JSON.stringify(raw.iso2)}`,
      );
    } else rec.iso2 = raw.iso2;
  }
  if (type === 'COUNTRY') {
    if (!rec.iso3) d.error(loc, 'E_REQUIRED', `${id}: a COUNTRY needs "iso3"`);
    else if (rec.country && rec.country !== rec.iso3) {
      d.error(loc, 'E_COUNTRY', `${id}: "country" (${rec.country}) differs from "iso3" (${rec.iso3})`);
    }
  }
  if (raw.sector !== undefined) {
    const list = typeof raw.sector === 'string' ? [raw.sector] : stringList(raw.sector);
    if (!list) d.error(loc, 'E_FIELD', `${id}: "sector" must be an array of sector codes`);
    else {
      for (const s of list) if (!SECTORS.has(s)) d.warn(loc, 'W_SECTOR', `${id}: unknown sector code "${s}"`);
      rec.sector = list;
    }
  }
  if (raw.handles !== undefined) {
    const list = stringList(raw.handles);
    if (!list) d.error(loc, 'E_FIELD', `${id}: "handles" must be an array of strings`);
    else {
      rec.handles = list.map((h) => {
        if (h.startsWith('@')) d.warn(loc, 'W_HANDLE', `${id}: write handles without "@" ("${h}")`);
        return h.replace(/^@/, '');
      });
    }
  }
  if (raw.capital !== undefined) {
    if (typeof raw.capital !== 'string' || !isValidKbId(raw.capital)) {
      d.error(
        loc,
        'E_REF',
        `${id}: "capital" must be the id of a CITY record, not ${JSON.stringify(raw.capital)}`,
      );
    } else rec.capital = raw.capital;
  }
  const adj = langWords(raw.adj, 'adj', loc, d);
  if (adj) rec.adj = adj;
  const dem = langWords(raw.demonym, 'demonym', loc, d);
  if (dem) rec.demonym = dem;
  if (raw.roles !== undefined) {
    if (!Array.isArray(raw.roles)) d.error(loc, 'E_ROLE', `${id}: "roles" must be an array`);
    else {
      const roles: KbRole[] = [];
      raw.roles.forEach((r, i) => {
        const role = parseRole(r, i, loc, d);
        if (role) roles.push(role);
      });
      if (roles.length) rec.roles = roles;
    }
  }
  return rec;
}

/** Reads every `*.jsonl` of a folder (sorted by name); comment and blank lines are skipped. */
export function readKbSources(
  kbDir: string,
  diagnostics: KbDiagnostic[],
  displayRoot = process.cwd(),
): LocatedRecord[] {
  const out: LocatedRecord[] = [];
  if (!existsSync(kbDir)) {
    diagnostics.push({
      severity: 'error',
      code: 'E_NO_SOURCES',
      file: rel(kbDir, displayRoot),
      line: 0,
      message: 'no such folder',
    });
    return out;
  }
  const files = readdirSync(kbDir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  for (const f of files) {
    const full = path.join(kbDir, f);
    const file = rel(full, displayRoot);
    const lines = readFileSync(full, 'utf8').split('\n');
    lines.forEach((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith('#')) return;
      const loc = { file, line: i + 1 };
      const rec = parseRecordLine(line, loc, diagnostics);
      if (rec) out.push({ record: rec, loc });
    });
  }
  return out;
}

/**
 * Streams a JSONL KB (a user KB) and parses each record; malformed lines become diagnostics.
 */
export async function readKbJsonl(
  file: string,
  diagnostics: KbDiagnostic[],
  options: { displayRoot?: string; warnings?: boolean } = {},
): Promise<LocatedRecord[]> {
  const out: LocatedRecord[] = [];
  const displayRoot = options.displayRoot ?? process.cwd();
  const keepWarnings = options.warnings ?? true;
  const local: KbDiagnostic[] = [];
  const name = rel(file, displayRoot);
  const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const raw of rl) {
    n++;
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const loc = { file: name, line: n };
    const rec = parseRecordLine(line, loc, local);
    for (const x of local) if (keepWarnings || x.severity === 'error') diagnostics.push(x);
    local.length = 0;
    if (rec) out.push({ record: rec, loc });
  }
  return out;
}

function rel(p: string, root: string): string {
  const r = path.relative(root, p);
  return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : p;
}

/** What a check may know besides the records under check (the shipped KB, for a user KB). */
export interface CheckContext {
  /** ISO3 codes of known countries. */
  countries?: Iterable<string>;
  /** Ids of known entities, with their types. */
  ids?: Iterable<[string, EntityType]>;
}

/** The surface keys of every name of a record. */
export function recordKeys(r: { name: string; en?: string[]; ru?: string[]; kk?: string[] }): Set<string> {
  const keys = new Set<string>();
  const add = (n: string, lang: string) => {
    const k = nameKeys(n, lang).surface;
    if (k) keys.add(k);
  };
  add(r.name, 'en');
  for (const lang of NAME_LANGS) for (const n of r[lang] ?? []) add(n, lang);
  return keys;
}

/**
 * Cross-record checks: duplicate ids (the later record is dropped from `records`), unknown
 * country codes, references to missing ids, role spans, aliases claimed by two entities of the
 * same type (allowed when both name a country and the countries differ: two CITY "Portland"),
 * shared adjectives, capitals and handles. Returns the records that remain.
 */
export function checkRecords(
  records: LocatedRecord[],
  diagnostics: KbDiagnostic[],
  ctx: CheckContext = {},
): LocatedRecord[] {
  const d = new Diagnostics();
  const byId = new Map<string, LocatedRecord>();
  const kept: LocatedRecord[] = [];
  for (const lr of records) {
    const prev = byId.get(lr.record.id);
    if (prev) {
      d.error(
        lr.loc,
        'E_DUP_ID',
        `duplicate id ${lr.record.id} (first at ${prev.loc.file}:${prev.loc.line})`,
      );
      continue;
    }
    byId.set(lr.record.id, lr);
    kept.push(lr);
  }
  const types = new Map<string, EntityType>(ctx.ids ?? []);
  for (const { record } of kept) types.set(record.id, record.type);

  const countries = new Set<string>(ctx.countries ?? []);
  const iso3At = new Map<string, LocatedRecord>();
  const iso2At = new Map<string, LocatedRecord>();
  for (const lr of kept) {
    const r = lr.record;
    if (r.type !== 'COUNTRY') continue;
    if (r.iso3) {
      const p = iso3At.get(r.iso3);
      if (p)
        d.error(
          lr.loc,
          'E_DUP_ISO',
          `${r.id}: iso3 ${r.iso3} is also ${p.record.id} (${p.loc.file}:${p.loc.line})`,
        );
      else iso3At.set(r.iso3, lr);
      countries.add(r.iso3);
    }
    if (r.iso2) {
      const p = iso2At.get(r.iso2);
      if (p)
        d.error(
          lr.loc,
          'E_DUP_ISO',
          `${r.id}: iso2 ${r.iso2} is also ${p.record.id} (${p.loc.file}:${p.loc.line})`,
        );
      else iso2At.set(r.iso2, lr);
    }
  }
  const knownCountry = (code: string) => countries.has(code);

  const capitalOf = new Map<string, LocatedRecord>();
  const handleOf = new Map<string, LocatedRecord>();
  for (const lr of kept) {
    const r = lr.record;
    const { loc } = lr;
    if (r.country && !knownCountry(r.country))
      d.error(loc, 'E_COUNTRY', `${r.id}: unknown country code "${r.country}"`);
    if (r.metonym_of && !knownCountry(r.metonym_of)) {
      d.error(loc, 'E_COUNTRY', `${r.id}: "metonym_of" names an unknown country code "${r.metonym_of}"`);
    }
    if (r.capital) {
      const t = types.get(r.capital);
      if (!t) d.error(loc, 'E_REF', `${r.id}: capital ${r.capital} is not in the KB`);
      else if (t !== 'CITY') d.error(loc, 'E_REF', `${r.id}: capital ${r.capital} is a ${t}, not a CITY`);
      const p = capitalOf.get(r.capital);
      if (p)
        d.warn(
          loc,
          'W_CAPITAL_SHARED',
          `${r.id}: capital ${r.capital} is also the capital of ${p.record.id}`,
        );
      else capitalOf.set(r.capital, lr);
    }
    (r.roles ?? []).forEach((role, i) => {
      if (role.of !== undefined) {
        if (ISO3.test(role.of)) {
          if (!knownCountry(role.of))
            d.error(loc, 'E_COUNTRY', `${r.id}: roles[${i}].of: unknown country code "${role.of}"`);
        } else if (!types.has(role.of)) {
          d.error(
            loc,
            'E_REF',
            `${r.id}: roles[${i}].of: "${role.of}" is neither an ISO3 code nor an id in the KB`,
          );
        }
      }
      if (role.to_country && ISO3.test(role.to_country) && !knownCountry(role.to_country)) {
        d.error(
          loc,
          'E_COUNTRY',
          `${r.id}: roles[${i}].to_country: unknown country code "${role.to_country}"`,
        );
      }
    });
    for (const h of r.handles ?? []) {
      const k = h.toLowerCase();
      const p = handleOf.get(k);
      if (p && p.record.id !== r.id)
        d.warn(loc, 'W_HANDLE', `${r.id}: handle "${h}" is also claimed by ${p.record.id}`);
      else handleOf.set(k, lr);
    }
  }

  // Aliases: one surface key, one entity per type, unless the two are homonyms of different countries.
  const claims = new Map<string, LocatedRecord[]>();
  for (const lr of kept) {
    for (const key of recordKeys(lr.record)) {
      const k = `${lr.record.type}\u0000${key}`;
      const list = claims.get(k);
      if (!list) {
        claims.set(k, [lr]);
        continue;
      }
      const countryOf = (x: KbSourceRecord) => x.country ?? x.iso3;
      const c = countryOf(lr.record);
      const clash = list.find((o) => {
        const oc = countryOf(o.record);
        return !(c && oc && c !== oc);
      });
      if (clash) {
        d.error(
          lr.loc,
          'E_ALIAS',
          `${lr.record.id}: the name "${key}" is also a ${lr.record.type} name of ${clash.record.id} (${clash.loc.file}:${clash.loc.line}); ` +
            'remove it from one, or give both their (different) countries if they are true homonyms',
        );
      }
      list.push(lr);
    }
  }

  // Adjectives and demonyms should point to one country.
  const adjOf = new Map<string, LocatedRecord>();
  for (const lr of kept) {
    const r = lr.record;
    if (r.type !== 'COUNTRY') continue;
    for (const [field, words] of [
      ['adj', r.adj],
      ['demonym', r.demonym],
    ] as const) {
      for (const lang of NAME_LANGS) {
        for (const w of words?.[lang] ?? []) {
          const k = nameKeys(w, lang).surface;
          const p = adjOf.get(k);
          if (p && p.record.id !== r.id) {
            d.warn(
              lr.loc,
              'W_ADJ_SHARED',
              `${r.id}: ${field} "${w}" also belongs to ${p.record.id}; it will resolve to no country`,
            );
          } else adjOf.set(k, lr);
        }
      }
    }
  }
  diagnostics.push(...d.list);
  return kept;
}

/** Reads `titles.<lang>.tsv` files of a folder: phrase, role codes (`a|b`), implied ISO3, notes. */
export function readTitles(
  lexiconDir: string,
  diagnostics: KbDiagnostic[],
  countries: ReadonlySet<string>,
  lemmatize: Lemmatizer | undefined,
  displayRoot = process.cwd(),
): TitleEntry[] {
  const out: TitleEntry[] = [];
  if (!existsSync(lexiconDir)) return out;
  const d = new Diagnostics();
  const files = readdirSync(lexiconDir)
    .filter((f) => /^titles\.[a-z]{2}\.tsv$/.test(f))
    .sort();
  for (const f of files) {
    const lang = f.split('.')[1]!;
    const file = rel(path.join(lexiconDir, f), displayRoot);
    const seen = new Map<string, number>();
    readFileSync(path.join(lexiconDir, f), 'utf8')
      .split('\n')
      .forEach((raw, i) => {
        const line = raw.replace(/\r$/, '');
        if (!line.trim() || line.startsWith('#')) return;
        const loc = { file, line: i + 1 };
        const cols = line.split('\t');
        const phrase = cols[0]?.trim() ?? '';
        const roleCol = cols[1]?.trim() ?? '';
        const country = cols[2]?.trim() ?? '';
        if (cols.length < 2 || !phrase || !roleCol) {
          d.error(
            loc,
            'E_TSV',
            'expected tab-separated columns: phrase, role code(s), implied ISO3 or empty, notes',
          );
          return;
        }
        const roles = roleCol.split('|').map((r) => r.trim());
        const bad = roles.filter((r) => !ROLES.has(r));
        if (bad.length) {
          d.error(loc, 'E_ROLE', `unknown role code(s) ${bad.map((b) => `"${b}"`).join(', ')}`);
          return;
        }
        if (country && (!ISO3.test(country) || !countries.has(country))) {
          d.error(loc, 'E_COUNTRY', `unknown country code "${country}"`);
        }
        const keys = nameKeys(phrase, lang, lemmatize);
        const prev = seen.get(keys.surface);
        if (prev !== undefined) {
          d.error(loc, 'E_DUP_TITLE', `"${phrase}" has the same key as line ${prev}`);
          return;
        }
        seen.set(keys.surface, i + 1);
        const e: TitleEntry = { lang, phrase, roles, country: country || null };
        if (keys.lemma && keys.lemma !== keys.surface) e.lk = keys.lemma;
        out.push(e);
      });
  }
  diagnostics.push(...d.list);
  return out;
}

function pick<T extends object>(obj: T, keys: readonly (keyof T)[]): T {
  const out = {} as T;
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out;
}

const ROLE_ORDER: readonly (keyof KbRole)[] = [
  'role',
  'of',
  'from',
  'to',
  'to_country',
  'region',
  'state',
  'portfolio',
  'position',
];

/**
 * Turns a source record into the compiled entity: fields in a fixed order, `source` left out,
 * and the Russian lemma keys that differ from the surface keys added as `lk`/`alk`.
 */
export function compileRecord(r: KbSourceRecord, lemmatize: Lemmatizer | undefined): KbEntity {
  const e: KbEntity = { id: r.id, type: r.type, name: r.name };
  const base = pick(r, [
    'en',
    'ru',
    'kk',
    'country',
    'sector',
    'iso2',
    'iso3',
    'capital',
    'metonym_of',
    'handles',
  ]);
  Object.assign(e, base);
  if (r.adj) e.adj = pick(r.adj, NAME_LANGS);
  if (r.demonym) e.demonym = pick(r.demonym, NAME_LANGS);
  if (r.roles?.length) {
    e.roles = r.roles.map((role) => {
      const o = pick(role, ROLE_ORDER);
      // `to: null` means "still in office" and must survive compilation.
      if (role.to === null) o.to = null;
      return o;
    });
  }
  if (lemmatize) {
    const surface = recordKeys(r);
    const lk: string[] = [];
    for (const n of r.ru ?? []) {
      const l = nameKeys(n, 'ru', lemmatize).lemma;
      if (l && !surface.has(l) && !lk.includes(l)) lk.push(l);
    }
    if (lk.length) e.lk = lk;
    const alk: string[] = [];
    for (const w of [...(r.adj?.ru ?? []), ...(r.demonym?.ru ?? [])]) {
      const k = nameKeys(w, 'ru', lemmatize);
      if (k.lemma && k.lemma !== k.surface && !alk.includes(k.lemma)) alk.push(k.lemma);
    }
    if (alk.length) e.alk = alk;
  }
  return e;
}

/**
 * Writes the compiled KB as JSON with one entity or title per line: compact, deterministic, and
 * diffable when committed.
 */
export function serializeKb(kb: CompiledKb): string {
  const lines = [`{"format":${JSON.stringify(kb.format)},`, '"entities":['];
  kb.entities.forEach((e, i) => lines.push(JSON.stringify(e) + (i < kb.entities.length - 1 ? ',' : '')));
  lines.push('],', '"titles":[');
  kb.titles.forEach((t, i) => lines.push(JSON.stringify(t) + (i < kb.titles.length - 1 ? ',' : '')));
  lines.push(']}');
  return lines.join('\n') + '\n';
}

export interface PackKbOptions {
  /** Folder of `*.jsonl` sources (`data/kb`). */
  kbDir: string;
  /** Folder of `titles.<lang>.tsv` (`data/lexicon`); absent folder = no titles. */
  lexiconDir?: string;
  /** Russian lemmatizer for lemma keys; without one no lemma keys are written. */
  lemmatize?: Lemmatizer;
  /** File names in diagnostics are relative to this folder (default: the working directory). */
  displayRoot?: string;
}

export interface PackKbResult {
  compiled: CompiledKb;
  /** The text of `kb.json`. */
  json: string;
  diagnostics: KbDiagnostic[];
  errors: number;
  warnings: number;
}

/**
 * Reads, checks and compiles the KB sources. Never throws on bad data: problems are returned as
 * diagnostics with file and line, and the compiled KB holds every record that could be read.
 *
 * @example
 * const { json, errors } = await packKb({ kbDir: 'data/kb', lexiconDir: 'data/lexicon', lemmatize });
 * if (errors === 0) writeFileSync('src/generated/kb.json', json);
 */
export async function packKb(options: PackKbOptions): Promise<PackKbResult> {
  const diagnostics: KbDiagnostic[] = [];
  const root = options.displayRoot ?? process.cwd();
  const records = checkRecords(readKbSources(options.kbDir, diagnostics, root), diagnostics);
  const countries = new Set<string>();
  for (const { record } of records) if (record.type === 'COUNTRY' && record.iso3) countries.add(record.iso3);
  const titles = options.lexiconDir
    ? readTitles(options.lexiconDir, diagnostics, countries, options.lemmatize, root)
    : [];
  titles.sort(
    (a, b) =>
      cmp(a.lang, b.lang) || cmp(nameKeys(a.phrase, a.lang).surface, nameKeys(b.phrase, b.lang).surface),
  );
  const entities = records
    .map((lr) => compileRecord(lr.record, options.lemmatize))
    .sort((a, b) => cmp(a.id, b.id));
  const compiled: CompiledKb = { format: 'annalist/kb@1', entities, titles };
  const errors = diagnostics.filter((x) => x.severity === 'error').length;
  return {
    compiled,
    json: serializeKb(compiled),
    diagnostics,
    errors,
    warnings: diagnostics.length - errors,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Loads the Russian analyzer and wraps it as a lemmatizer (what `npm run pack` uses). */
export async function defaultLemmatizer(): Promise<Lemmatizer> {
  const { loadRussianMorph } = await import('../lang/ru/morph.js');
  const { morphLemmatizer } = await import('./keys.js');
  return morphLemmatizer(await loadRussianMorph());
}

/** Formats a diagnostic as `file:line: severity CODE: message`. */
export function formatDiagnostic(x: KbDiagnostic): string {
  const where = x.line > 0 ? `${x.file}:${x.line}` : x.file;
  return `${where}: ${x.severity} ${x.code}: ${x.message}`;
}
