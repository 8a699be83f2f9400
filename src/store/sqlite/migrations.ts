/**
 * The SQLite schema as an ordered list of migrations. `PRAGMA user_version` records the last one
 * applied; `openStore` applies the rest inside one write transaction, so two processes opening a new
 * database at once cannot both apply them. Never edit a released migration: append a new one.
 */

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

const FTS_TOKENIZER = `tokenize = 'unicode61 remove_diacritics 2'`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description:
      'documents, sentences, entities, mentions, events with participants and evidence, quotes, errors, full-text indexes',
    sql: `
-- Large columns last: SQLite reads a row's columns in order, and a long text spills into overflow
-- pages that queries on the short columns then never touch.
CREATE TABLE documents (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  source TEXT,
  url TEXT,
  -- host of the URL: the outlet that published the article
  outlet TEXT,
  -- outlet of the original article (of this one unless it is a copy), else the original's id:
  -- events count distinct origin keys as their independent sources
  origin_key TEXT NOT NULL,
  title TEXT,
  date TEXT,
  lang TEXT NOT NULL,
  pipeline_version TEXT NOT NULL,
  duplicate_of TEXT REFERENCES documents(id) ON DELETE SET NULL,
  ingested_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- MinHash signature (MINHASH_SIZE 32-bit values)
  fingerprint BLOB,
  warnings TEXT NOT NULL DEFAULT '[]',
  text TEXT NOT NULL
);
CREATE INDEX documents_date ON documents(date);
CREATE INDEX documents_duplicate_of ON documents(duplicate_of) WHERE duplicate_of IS NOT NULL;

-- LSH band keys of the MinHash signature, to find near-duplicate candidates by index. No foreign
-- key and no index on doc: rows are removed by their full key, computed from the old signature.
CREATE TABLE document_bands (
  key INTEGER NOT NULL,
  doc INTEGER NOT NULL,
  PRIMARY KEY (key, doc)
) WITHOUT ROWID;

CREATE TABLE sentences (
  doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  lang TEXT NOT NULL,
  PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

-- one row per KB identity (Wikidata QID, kb:…, new:…)
CREATE TABLE entities (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  country TEXT,
  wikidata TEXT,
  names TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX entities_wikidata ON entities(wikidata) WHERE wikidata IS NOT NULL;

-- every name, inflected form and name word of an entity, folded (see names.ts), for lookups
CREATE TABLE entity_names (
  key TEXT NOT NULL,
  entity TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  exact INTEGER NOT NULL,
  PRIMARY KEY (key, entity)
) WITHOUT ROWID;
CREATE INDEX entity_names_entity ON entity_names(entity);

-- the entity as one article's output had it (roles at the article's date, names)
CREATE TABLE document_entities (
  doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
  entity TEXT NOT NULL REFERENCES entities(id),
  ord INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (doc, entity)
) WITHOUT ROWID;
CREATE INDEX document_entities_entity ON document_entities(entity);

CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
  entity TEXT NOT NULL REFERENCES entities(id),
  sentence INTEGER,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  lemma TEXT,
  rule TEXT,
  via TEXT
);
CREATE INDEX mentions_doc ON mentions(doc);
CREATE INDEX mentions_entity ON mentions(entity);

-- one row per real-world event, merged across articles (GDELT's event table)
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  merge_key TEXT,
  type TEXT NOT NULL,
  cameo TEXT,
  plover_type TEXT,
  plover_mode TEXT,
  date TEXT,
  -- days the event is filed under: its date's days, else the first report's publication day
  day_start TEXT,
  day_end TEXT,
  status TEXT NOT NULL,
  amount_value REAL,
  amount_currency TEXT,
  amount_text TEXT,
  topic TEXT,
  location TEXT REFERENCES entities(id),
  confidence REAL NOT NULL,
  num_mentions INTEGER NOT NULL DEFAULT 0,
  num_articles INTEGER NOT NULL DEFAULT 0,
  num_sources INTEGER NOT NULL DEFAULT 0,
  first_reported TEXT,
  added_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX events_merge ON events(merge_key, day_start) WHERE merge_key IS NOT NULL;
CREATE INDEX events_type_day ON events(type, day_start);
CREATE INDEX events_day ON events(day_start);
CREATE INDEX events_location ON events(location) WHERE location IS NOT NULL;

CREATE TABLE event_participants (
  event INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  entity TEXT NOT NULL REFERENCES entities(id),
  role TEXT NOT NULL CHECK (role IN ('source', 'target')),
  ord INTEGER NOT NULL,
  -- copies of the entity's country and the event's first day, so that actor and country queries
  -- run on this index alone
  country TEXT,
  day_start TEXT,
  PRIMARY KEY (event, role, entity)
) WITHOUT ROWID;
CREATE INDEX event_participants_entity ON event_participants(entity, day_start);
CREATE INDEX event_participants_country ON event_participants(country, day_start) WHERE country IS NOT NULL;

-- evidence: one row per report of an event in an article (GDELT's mentions table)
CREATE TABLE event_mentions (
  id INTEGER PRIMARY KEY,
  event INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
  doc_event_id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  sentence INTEGER,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  lemmas TEXT,
  topic TEXT,
  rule TEXT NOT NULL,
  confidence REAL NOT NULL,
  status TEXT NOT NULL,
  date TEXT,
  date_text TEXT,
  -- the event exactly as the article's output had it (JSON), to give the document back whole
  data TEXT NOT NULL
);
CREATE INDEX event_mentions_event ON event_mentions(event, doc);
CREATE INDEX event_mentions_doc ON event_mentions(doc);

CREATE TABLE quotes (
  id INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  speaker TEXT REFERENCES entities(id),
  data TEXT NOT NULL,
  text TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL
);
CREATE INDEX quotes_doc ON quotes(doc);
CREATE INDEX quotes_speaker ON quotes(speaker) WHERE speaker IS NOT NULL;

-- line 0 stands for "the whole file", so that (file, line, code) is unique and a re-run does not repeat rows
CREATE TABLE ingest_errors (
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL,
  line INTEGER NOT NULL DEFAULT 0,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  at TEXT NOT NULL,
  UNIQUE (file, line, code)
);

-- full text of articles (titles weigh more)
CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, text, content = 'documents', content_rowid = 'seq', ${FTS_TOKENIZER}
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
  INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

-- lemmas of the articles' words (FTS5 does not stem Russian: "Токаева" is found through "токаев").
-- Contentless: the lemma string is only indexed, never stored; rowid = documents.seq.
CREATE VIRTUAL TABLE documents_lemmas_fts USING fts5(
  lemmas, content = '', contentless_delete = 1, ${FTS_TOKENIZER}
);

-- evidence sentences, for events --q
CREATE VIRTUAL TABLE event_mentions_fts USING fts5(
  text, lemmas, topic, content = 'event_mentions', content_rowid = 'id', ${FTS_TOKENIZER}
);
CREATE TRIGGER event_mentions_fts_insert AFTER INSERT ON event_mentions BEGIN
  INSERT INTO event_mentions_fts (rowid, text, lemmas, topic) VALUES (new.id, new.text, new.lemmas, new.topic);
END;
CREATE TRIGGER event_mentions_fts_delete AFTER DELETE ON event_mentions BEGIN
  INSERT INTO event_mentions_fts (event_mentions_fts, rowid, text, lemmas, topic)
  VALUES ('delete', old.id, old.text, old.lemmas, old.topic);
END;
`,
  },
];

/** The schema version this code writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
