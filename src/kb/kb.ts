/**
 * The compiled knowledge base in memory: entities by id, name keys, role holders by date,
 * countries by code, adjective and metonym, handles, the titles lexicon, and a first-word phrase
 * index for taggers. Built from `src/generated/kb.json` (see `npm run pack`), optionally with a
 * user KB layered over it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ENTITY_TYPES } from '../doc.js';
import { AnnalistError } from '../pipeline/errors.js';
import {
  nameKeys,
  normalizeKey,
  keyWords,
  PhraseIndex,
  type KeyWordSlot,
  type Lemmatizer,
  type PhraseMatch,
} from './keys.js';
import { compileRecord, readKbJsonl, spanEnd, spanStart } from './pack.js';
import {
  NAME_LANGS,
  type CompiledKb,
  type EntityType,
  type KbDiagnostic,
  type KbEntity,
  type KbRole,
  type TitleEntry,
} from './types.js';

/** Why a candidate matched a key. */
export type KbMatchVia = 'alias' | 'lemma';

/** One entity a key may stand for. */
export interface KbCandidate {
  entity: KbEntity;
  via: KbMatchVia;
  /** Language of the name that matched (`name` for the canonical English name). */
  lang: string;
  /** The name that matched (for a lemma key: the key itself). */
  matched: string;
  /** True when the match is the entity's canonical name in that language. */
  canonical: boolean;
}

/** A person holding a role at a date. */
export interface Holder {
  entity: KbEntity;
  role: KbRole;
}

interface KeyHit {
  id: string;
  via: KbMatchVia;
  lang: string;
  matched: string;
  canonical: boolean;
}

interface Span {
  id: string;
  role: KbRole;
  from: string;
  to: string;
}

/** The titles lexicon, indexed like names: by surface and lemma key words. */
export class TitleLexicon {
  readonly entries: readonly TitleEntry[];
  /** First key word → title phrases starting with it (longest first). */
  readonly index = new PhraseIndex<TitleEntry>();

  constructor(entries: readonly TitleEntry[]) {
    this.entries = entries;
    for (const e of entries) {
      this.index.add(keyWords(nameKeys(e.phrase, e.lang).surface), e);
      if (e.lk) this.index.add(keyWords(e.lk), e);
    }
  }

  /** Titles whose phrase (surface or lemma) is exactly this key. */
  get(key: string, lang?: string): TitleEntry[] {
    const words = keyWords(normalizeKey(key));
    const m = this.index.longestAt(words, 0);
    if (!m || m.length !== words.length) return [];
    return lang ? m.values.filter((e) => e.lang === lang) : m.values;
  }
}

const TYPE_RANK: Record<string, number> = Object.fromEntries(
  ['COUNTRY', 'CITY', 'ORG', 'PERSON', 'TREATY', 'LOC', 'EVENT_NAME', 'FACILITY', 'PRODUCT'].map((t, i) => [
    t,
    i,
  ]),
);

/** Counts of a KB by entity type. */
export interface KbStats {
  byType: Record<EntityType, number>;
  total: number;
}

/**
 * The knowledge base. Read-only once built.
 *
 * @example
 * const kb = await loadKb();
 * kb.holders('president', 'USA', '2022-06-01')[0]?.entity.name // 'Joe Biden'
 * kb.countryByAdjective('американский')?.iso3 // 'USA'
 * kb.metonymOf('Q35525') // 'USA' (the White House)
 */
export class Kb {
  private readonly byId = new Map<string, KbEntity>();
  private readonly keys = new Map<string, KeyHit[]>();
  private readonly spans = new Map<string, Span[]>();
  private readonly iso3 = new Map<string, KbEntity>();
  private readonly iso2 = new Map<string, KbEntity>();
  private readonly adjectives = new Map<string, string[]>();
  private readonly metonyms = new Map<string, string>();
  private readonly handles = new Map<string, string>();
  /**
   * First key word → multi-word names starting with it, longest first, each with the ids it names.
   * Holds surface keys of every name and Russian lemma keys, so a tagger can feed it
   * `tokenKeyWords(...)` of a sentence and take `longestAt` at each position.
   */
  readonly prefixIndex = new PhraseIndex<string>();
  readonly titles: TitleLexicon;

  constructor(entities: Iterable<KbEntity>, titles: readonly TitleEntry[]) {
    for (const e of entities) this.byId.set(e.id, e);
    for (const e of this.byId.values()) this.indexEntity(e);
    this.titles = new TitleLexicon(titles);
    // Capitals after all countries are known: a capital stands for its country.
    for (const c of this.iso3.values()) {
      if (c.capital && c.iso3 && !this.metonyms.has(c.capital)) this.metonyms.set(c.capital, c.iso3);
    }
    for (const list of this.spans.values())
      list.sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0));
  }

  private addKey(key: string, hit: KeyHit): void {
    if (!key) return;
    let list = this.keys.get(key);
    if (!list) this.keys.set(key, (list = []));
    if (list.some((h) => h.id === hit.id && h.via === hit.via && h.lang === hit.lang)) return;
    list.push(hit);
    this.prefixIndex.add(keyWords(key), hit.id);
  }

  private indexEntity(e: KbEntity): void {
    this.addKey(normalizeKey(e.name), {
      id: e.id,
      via: 'alias',
      lang: 'name',
      matched: e.name,
      canonical: true,
    });
    for (const lang of NAME_LANGS) {
      (e[lang] ?? []).forEach((n, i) => {
        this.addKey(nameKeys(n, lang).surface, {
          id: e.id,
          via: 'alias',
          lang,
          matched: n,
          canonical: i === 0,
        });
      });
    }
    for (const k of e.lk ?? [])
      this.addKey(k, { id: e.id, via: 'lemma', lang: 'ru', matched: k, canonical: false });
    for (const r of e.roles ?? []) {
      if (!r.of) continue;
      const k = `${r.role}\u0000${r.of}`;
      let list = this.spans.get(k);
      if (!list) this.spans.set(k, (list = []));
      list.push({ id: e.id, role: r, from: spanStart(r.from), to: spanEnd(r.to) });
    }
    if (e.type === 'COUNTRY') {
      if (e.iso3) this.iso3.set(e.iso3, e);
      if (e.iso2) this.iso2.set(e.iso2, e);
      const iso = e.iso3;
      if (iso) {
        const words = [...(e.alk ?? [])];
        for (const lang of NAME_LANGS) {
          for (const w of [...(e.adj?.[lang] ?? []), ...(e.demonym?.[lang] ?? [])])
            words.push(nameKeys(w, lang).surface);
        }
        for (const w of words) {
          let list = this.adjectives.get(w);
          if (!list) this.adjectives.set(w, (list = []));
          if (!list.includes(iso)) list.push(iso);
        }
      }
    }
    if (e.metonym_of) this.metonyms.set(e.id, e.metonym_of);
    for (const h of e.handles ?? []) {
      const k = h.toLowerCase();
      if (!this.handles.has(k)) this.handles.set(k, e.id);
    }
  }

  /** The entity with this id. */
  get(id: string): KbEntity | undefined {
    return this.byId.get(id);
  }

  /** Every entity, in id order of the sources. */
  entities(): IterableIterator<KbEntity> {
    return this.byId.values();
  }

  get size(): number {
    return this.byId.size;
  }

  /**
   * Entities a key names, best first: an alias beats a lemma key, a name in `lang` beats other
   * languages, a canonical name beats an alias; then countries, cities, organizations, persons.
   * The key may be raw text: it is normalised (surface form) first.
   *
   * @example kb.lookup('сша')[0]?.entity.iso3 // 'USA'
   * @example kb.lookup('соединенный штат америка', 'ru')[0]?.via // 'lemma'
   */
  lookup(key: string, lang?: string): KbCandidate[] {
    const hits = this.keys.get(normalizeKey(key)) ?? this.keys.get(key) ?? [];
    const best = new Map<string, KeyHit>();
    const score = (h: KeyHit) =>
      (h.via === 'alias' ? 4 : 0) +
      (lang && (h.lang === lang || (h.lang === 'name' && lang === 'en')) ? 2 : 0) +
      (h.canonical ? 1 : 0);
    for (const h of hits) {
      const b = best.get(h.id);
      if (!b || score(h) > score(b)) best.set(h.id, h);
    }
    const out: KbCandidate[] = [];
    for (const h of best.values()) {
      const entity = this.byId.get(h.id);
      if (entity) out.push({ entity, via: h.via, lang: h.lang, matched: h.matched, canonical: h.canonical });
    }
    const s = (c: KbCandidate) =>
      (c.via === 'alias' ? 4 : 0) +
      (lang && (c.lang === lang || (c.lang === 'name' && lang === 'en')) ? 2 : 0) +
      (c.canonical ? 1 : 0);
    return out.sort(
      (a, b) =>
        s(b) - s(a) ||
        (TYPE_RANK[a.entity.type] ?? 99) - (TYPE_RANK[b.entity.type] ?? 99) ||
        (a.entity.id < b.entity.id ? -1 : 1),
    );
  }

  /**
   * Persons holding `role` of `of` (an ISO3 code or an organization id) on `date` (YYYY-MM-DD),
   * the most recently started first; without a date, those still in office.
   *
   * @example kb.holders('president', 'USA', '2019-06-01').map((h) => h.entity.name) // ['Donald Trump']
   */
  holders(role: string, of: string, date?: string): Holder[] {
    const list = this.spans.get(`${role}\u0000${of}`) ?? [];
    const out: Holder[] = [];
    for (const s of list) {
      const on = date ? s.from <= date && date <= s.to : s.role.to === null || s.role.to === undefined;
      if (!on) continue;
      const entity = this.byId.get(s.id);
      if (entity) out.push({ entity, role: s.role });
    }
    return out;
  }

  /** True when the entity holds some role on `date`. */
  activeOn(entity: KbEntity, date: string): boolean {
    return (entity.roles ?? []).some((r) => spanStart(r.from) <= date && date <= spanEnd(r.to));
  }

  /** The COUNTRY with this ISO 3166-1 alpha-3 code. */
  countryByIso3(code: string): KbEntity | undefined {
    return this.iso3.get(code.toUpperCase());
  }

  /** The COUNTRY with this ISO 3166-1 alpha-2 code. */
  countryByIso2(code: string): KbEntity | undefined {
    return this.iso2.get(code.toUpperCase());
  }

  /**
   * The country an adjective or demonym (lemma, any case) names, in Russian or English; undefined
   * when unknown or when two countries claim it ("корейский").
   *
   * @example kb.countryByAdjective('американский')?.iso3 // 'USA'
   * @example kb.countryByAdjective('Kazakh')?.iso3 // 'KAZ'
   */
  countryByAdjective(lemma: string): KbEntity | undefined {
    const list = this.adjectives.get(normalizeKey(lemma));
    if (!list || list.length !== 1) return undefined;
    return this.iso3.get(list[0]!);
  }

  /**
   * ISO3 of the country an entity stands for by metonymy: a capital ("Вашингтон" → USA) or a seat
   * of government with `metonym_of` ("Белый дом", "Kremlin").
   */
  metonymOf(id: string): string | undefined {
    return this.metonyms.get(id);
  }

  /** The entity with this social media handle (with or without `@`, any case). */
  byHandle(handle: string): KbEntity | undefined {
    const id = this.handles.get(handle.replace(/^@/, '').toLowerCase());
    return id ? this.byId.get(id) : undefined;
  }

  /** Longest name match at `start` of a sequence of key words (see `tokenKeyWords`). */
  longestAt(seq: readonly KeyWordSlot[], start: number): PhraseMatch<string> | null {
    return this.prefixIndex.longestAt(seq, start);
  }

  /** Counts by type (every type present, zero when empty) and the total. */
  stats(): KbStats {
    const byType = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<EntityType, number>;
    for (const e of this.byId.values()) byType[e.type]++;
    return { byType, total: this.byId.size };
  }
}

export interface LoadKbOptions {
  /** A JSONL KB in the source format layered over the shipped one (same ids are replaced). */
  userKb?: string;
  /** Lemmatizer for the Russian names of the user KB (default: the Russian analyzer). */
  lemmatize?: Lemmatizer;
  /** Compiled KB to load instead of the shipped `src/generated/kb.json`. */
  compiled?: string | CompiledKb;
  /** Receives problems met in the user KB (malformed lines are skipped). */
  onDiagnostic?: (d: KbDiagnostic) => void;
}

/** Path of the shipped compiled KB, next to this module's folder. */
export function shippedKbPath(): string {
  return fileURLToPath(new URL('../generated/kb.json', import.meta.url));
}

let shared: Promise<Kb> | null = null;

/**
 * Loads the shipped KB (once per process when called without options) and, with `userKb`, layers
 * a user KB over it.
 *
 * @example
 * const kb = await loadKb();
 * const mine = await loadKb({ userKb: `${os.homedir()}/.annalist/kb-user.jsonl` });
 */
export function loadKb(options: LoadKbOptions = {}): Promise<Kb> {
  const plain = !options.userKb && !options.compiled;
  if (plain && shared) return shared;
  const p = build(options);
  if (plain) {
    shared = p;
    p.catch(() => {
      shared = null;
    });
  }
  return p;
}

async function build(options: LoadKbOptions): Promise<Kb> {
  let compiled: CompiledKb;
  if (typeof options.compiled === 'object') compiled = options.compiled;
  else {
    const file = options.compiled ?? shippedKbPath();
    if (!existsSync(file)) {
      throw new AnnalistError(
        'E_KB_MISSING',
        `The compiled KB ${file} is missing; run "npm run pack" to build it.`,
      );
    }
    compiled = JSON.parse(readFileSync(file, 'utf8')) as CompiledKb;
    if (compiled.format !== 'annalist/kb@1') {
      throw new AnnalistError('E_KB_FORMAT', `${file} is not an annalist/kb@1 file; run "npm run pack".`);
    }
  }
  if (!options.userKb) return new Kb(compiled.entities, compiled.titles);
  if (!existsSync(options.userKb)) {
    throw new AnnalistError('E_KB_USER_MISSING', `The user KB ${options.userKb} does not exist.`);
  }
  let lemmatize = options.lemmatize;
  if (!lemmatize) {
    const { defaultLemmatizer } = await import('./pack.js');
    lemmatize = await defaultLemmatizer();
  }
  const diagnostics: KbDiagnostic[] = [];
  const records = await readKbJsonl(options.userKb, diagnostics, { warnings: false });
  if (options.onDiagnostic) for (const d of diagnostics) options.onDiagnostic(d);
  const merged = new Map<string, KbEntity>();
  for (const e of compiled.entities) merged.set(e.id, e);
  for (const { record } of records) merged.set(record.id, compileRecord(record, lemmatize));
  return new Kb(merged.values(), compiled.titles);
}
