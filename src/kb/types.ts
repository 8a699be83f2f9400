/**
 * Types of the knowledge base: the source records of `data/kb/*.jsonl` (see docs/KB-FORMAT.md),
 * the compiled form in `src/generated/kb.json`, and the role codes shared with the titles lexicon.
 */
import type { EntityType } from '../doc.js';

export type { EntityType } from '../doc.js';

/**
 * Role codes of `roles[].role` and of the titles lexicon. `position` is what the Wikidata importer
 * writes for an office it cannot map (`{ "role": "position", "position": "Q…" }`).
 */
export const ROLE_CODES = [
  'president',
  'vice_president',
  'prime_minister',
  'deputy_prime_minister',
  'monarch',
  'crown_prince',
  'prince',
  'foreign_minister',
  'defense_minister',
  'finance_minister',
  'economy_minister',
  'trade_minister',
  'energy_minister',
  'interior_minister',
  'minister',
  'central_bank_governor',
  'ambassador',
  'special_envoy',
  'senator',
  'speaker',
  'secretary_general',
  'head',
  'ceo',
  'chairman',
  'press_secretary',
  'chief_of_staff',
  'national_security_advisor',
  'aide',
  'mayor',
  'governor',
  'position',
  'counterpart',
] as const;

export type RoleCode = (typeof ROLE_CODES)[number];

/** PLOVER/CAMEO sector codes a record may carry. */
export const SECTOR_CODES = [
  'GOV',
  'MIL',
  'COP',
  'JUD',
  'LEG',
  'PTY',
  'REB',
  'OPP',
  'IGO',
  'NGO',
  'BUS',
  'MED',
  'EDU',
  'REL',
  'CVL',
  'SPY',
  'ROY',
] as const;

/** Languages a record names itself in. */
export const NAME_LANGS = ['en', 'ru', 'kk'] as const;
export type NameLang = (typeof NAME_LANGS)[number];

/** One office held over a span of time. Dates are `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `to: null` = still in office. */
export interface KbRole {
  role: string;
  /** ISO3 of a country, or the id of an organization in the KB. Absent only for `position`. */
  of?: string;
  from?: string | null;
  to?: string | null;
  /** Ambassadors and envoys: the receiving country (ISO3). */
  to_country?: string;
  /** Envoys: the region they cover, in English. */
  region?: string;
  /** Senators and governors: the state. */
  state?: string;
  /** `minister`, `speaker`: what of. */
  portfolio?: string;
  /** `position`: the QID of the Wikidata office. */
  position?: string;
}

/** Adjectives or demonyms of a country by language. */
export type LangWords = Partial<Record<NameLang, string[]>>;

/** A record as written in `data/kb/*.jsonl` or a user KB. */
export interface KbSourceRecord {
  id: string;
  type: EntityType;
  name: string;
  en?: string[];
  ru?: string[];
  kk?: string[];
  country?: string;
  sector?: string[];
  roles?: KbRole[];
  handles?: string[];
  metonym_of?: string;
  source: string;
  iso2?: string;
  iso3?: string;
  capital?: string;
  adj?: LangWords;
  demonym?: LangWords;
}

/**
 * An entity as the compiled KB holds it: the source record without `source`, plus the Russian
 * lemma keys computed at pack time (only those that differ from a surface key of the same names).
 */
export interface KbEntity extends Omit<KbSourceRecord, 'source'> {
  /** Lemma keys of the Russian names (`nameKeys(...).lemma`) that differ from every surface key. */
  lk?: string[];
  /** Lemma keys of the Russian adjectives and demonyms that differ from their surface keys. */
  alk?: string[];
}

/** One row of `data/lexicon/titles.<lang>.tsv`, compiled. */
export interface TitleEntry {
  lang: string;
  /** The phrase as written in the lexicon ("министр иностранных дел"). */
  phrase: string;
  /** Role codes to try, in order ("глава государства" → president, then monarch). */
  roles: string[];
  /** ISO3 the title implies when no country is named ("госсекретарь" → USA), else null. */
  country: string | null;
  /** Lemma key of the phrase when it differs from its surface key (Russian). */
  lk?: string;
}

/** The whole of `src/generated/kb.json`. */
export interface CompiledKb {
  format: 'annalist/kb@1';
  entities: KbEntity[];
  titles: TitleEntry[];
}

/** One problem found in the sources. Errors fail `npm run pack` and `kb check`; warnings do not. */
export interface KbDiagnostic {
  severity: 'error' | 'warning';
  code: string;
  file: string;
  /** 1-based line, or 0 when the problem is about the file as a whole. */
  line: number;
  message: string;
}
