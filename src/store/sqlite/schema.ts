/** Column types of the SQLite tables (see migrations.ts), for Kysely's typed query building. */
import type { Generated } from 'kysely';

export interface DocumentsTable {
  seq: Generated<number>;
  id: string;
  source: string | null;
  url: string | null;
  outlet: string | null;
  origin_key: string;
  title: string | null;
  date: string | null;
  lang: string;
  text: string;
  pipeline_version: string;
  fingerprint: Buffer | null;
  duplicate_of: string | null;
  warnings: string;
  ingested_at: string;
  updated_at: string;
}

export interface DocumentBandsTable {
  key: number;
  doc: number;
}

export interface SentencesTable {
  doc: number;
  idx: number;
  start: number;
  end: number;
  lang: string;
}

export interface EntitiesTable {
  id: string;
  name: string;
  type: string;
  country: string | null;
  wikidata: string | null;
  names: string;
  created_at: string;
  updated_at: string;
}

export interface EntityNamesTable {
  key: string;
  entity: string;
  exact: number;
}

export interface DocumentEntitiesTable {
  doc: number;
  entity: string;
  ord: number;
  data: string;
}

export interface MentionsTable {
  id: Generated<number>;
  doc: number;
  entity: string;
  sentence: number | null;
  start: number;
  end: number;
  text: string;
  lemma: string | null;
  rule: string | null;
  via: string | null;
}

export interface EventsTable {
  id: Generated<number>;
  merge_key: string | null;
  type: string;
  cameo: string | null;
  plover_type: string | null;
  plover_mode: string | null;
  date: string | null;
  day_start: string | null;
  day_end: string | null;
  status: string;
  amount_value: number | null;
  amount_currency: string | null;
  amount_text: string | null;
  topic: string | null;
  location: string | null;
  confidence: number;
  num_mentions: number;
  num_articles: number;
  num_sources: number;
  first_reported: string | null;
  added_at: string;
  updated_at: string;
}

export interface EventParticipantsTable {
  event: number;
  entity: string;
  role: 'source' | 'target';
  ord: number;
  country: string | null;
  day_start: string | null;
}

export interface EventMentionsTable {
  id: Generated<number>;
  event: number;
  doc: number;
  doc_event_id: string;
  ord: number;
  sentence: number | null;
  start: number;
  end: number;
  text: string;
  lemmas: string | null;
  topic: string | null;
  rule: string;
  confidence: number;
  status: string;
  date: string | null;
  date_text: string | null;
  data: string;
}

export interface QuotesTable {
  id: Generated<number>;
  doc: number;
  ord: number;
  speaker: string | null;
  data: string;
  text: string;
  start: number;
  end: number;
}

export interface IngestErrorsTable {
  id: Generated<number>;
  file: string;
  line: number;
  code: string;
  message: string;
  at: string;
}

/** Full-text tables: only `rowid` and the match column are used through Kysely. */
export interface FtsTable {
  rowid: number;
}

export interface Database {
  documents: DocumentsTable;
  document_bands: DocumentBandsTable;
  sentences: SentencesTable;
  entities: EntitiesTable;
  entity_names: EntityNamesTable;
  document_entities: DocumentEntitiesTable;
  mentions: MentionsTable;
  events: EventsTable;
  event_participants: EventParticipantsTable;
  event_mentions: EventMentionsTable;
  quotes: QuotesTable;
  ingest_errors: IngestErrorsTable;
  documents_fts: FtsTable & { documents_fts: string };
  documents_lemmas_fts: FtsTable & { documents_lemmas_fts: string };
  event_mentions_fts: FtsTable & { event_mentions_fts: string };
}
