/**
 * `ingest`: reads inputs, extracts them in worker threads, writes them to a store in batches.
 *
 * Safe to interrupt at any point: each batch is one transaction, and documents already stored with
 * the same pipeline version are skipped, so re-running the same command finishes the job with nothing
 * lost or doubled.
 */
import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { docId, type DocInput } from '../doc.js';
import type { Encoding } from '../ingest/decode.js';
import '../ingest/index.js';
import { readInputs } from '../ingest/read.js';
import { AnnalistError } from '../pipeline/errors.js';
import { createExtractor, type ExtractResult, type ExtractorConfig } from './extractor.js';
import { defaultDbPath, openStore, type StoreOptions } from './open.js';
import { inlineRunner, startWorkerPool, type ExtractionRunner } from './pool.js';
import { pipelineVersion } from './prepare.js';
import type { IngestErrorRecord, PreparedDocument, Store } from './types.js';

export interface IngestOptions {
  /** Database file (default `annalist.db` or `$ANNALIST_DB`); ignored when `store` is given. */
  db?: string;
  /** An open store to write to (left open afterwards). */
  store?: Store;
  /** Options for opening `db`. */
  storeOptions?: StoreOptions;
  /** Extraction threads; 0 extracts in this thread. Default: the number of cores. */
  workers?: number;
  /** Pipeline stages; default the pipeline's `DEFAULT_STAGES`. An empty list stores texts unanalysed. */
  stages?: readonly string[];
  /** Publication date for inputs that carry none. */
  date?: string | null;
  /** Language of the inputs, when known. */
  lang?: string | null;
  encoding?: Encoding;
  /** Documents per write transaction (default 256). */
  batchSize?: number;
  /** Longer texts are rejected with `E_DOC_TOO_LARGE` (default 1,000,000 characters). */
  maxDocChars?: number;
  /** Stops reading; what is extracted already is still written. */
  signal?: AbortSignal;
  onProgress?: (p: IngestProgress) => void;
  /** Called for every input that fails (it is also recorded in the store's `ingest_errors`). */
  onError?: (e: IngestErrorRecord) => void;
}

export interface IngestProgress {
  /** Inputs read (documents and failed inputs). */
  read: number;
  inserted: number;
  replaced: number;
  /** Already stored with this pipeline version (or repeated within the run). */
  skipped: number;
  /** Stored documents that are near-duplicates of an earlier one. */
  duplicates: number;
  failed: number;
  bytesDone: number;
  /** Total input size, or null when reading stdin. */
  bytesTotal: number | null;
  elapsedMs: number;
}

export interface IngestSummary extends IngestProgress {
  pipelineVersion: string;
  db: string;
  /** Failures by error code. */
  errorCodes: Array<{ code: string; count: number }>;
  /** True when stopped by the signal (Ctrl-C) before reading everything. */
  interrupted: boolean;
  /** A store error that stopped the run (`E_DB_FULL`, `E_DB_BUSY`, …); what was written before stays. */
  fatal: { code: string; message: string } | null;
}

const CHUNK = 32;

async function defaultStages(): Promise<readonly string[]> {
  try {
    return (await import('../pipeline/pipeline.js')).DEFAULT_STAGES;
  } catch (err) {
    throw new AnnalistError(
      'E_PIPELINE_LOAD',
      `The extraction pipeline could not be loaded: ${(err as Error).message}`,
    );
  }
}

interface InputPlan {
  /** Files in reading order (directories expanded as `readInputs` would), and `-`. */
  files: string[];
  sizes: Map<string, number>;
  /** Total bytes, or null when reading stdin. */
  total: number | null;
  /** Paths that could not be read (reported as errors). */
  unreadable: Array<{ path: string; message: string }>;
}

/**
 * Expands the inputs into files in the order `readInputs` walks them (sorted, no dot files, no gold
 * files), leaving out the database's own files so that a store kept among its inputs is not read.
 */
async function planInputs(paths: readonly string[], skip: ReadonlySet<string>): Promise<InputPlan> {
  const files: string[] = [];
  const sizes = new Map<string, number>();
  const unreadable: InputPlan['unreadable'] = [];
  let stdin = false;
  const walk = async (p: string, top: boolean): Promise<void> => {
    if (skip.has(resolve(p))) return;
    let info;
    try {
      info = await stat(p);
    } catch (err) {
      if (top)
        files.push(p); // readInputs reports it with its reason
      else unreadable.push({ path: p, message: (err as Error).message });
      return;
    }
    if (info.isFile()) {
      files.push(p);
      sizes.set(p, info.size);
      return;
    }
    if (!info.isDirectory()) return;
    let entries;
    try {
      entries = await readdir(p, { withFileTypes: true });
    } catch (err) {
      unreadable.push({ path: p, message: `cannot read directory: ${(err as Error).message}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name.endsWith('.gold.json')) continue;
      if (e.isDirectory() || e.isFile()) await walk(join(p, e.name), false);
    }
  };
  for (const p of paths) {
    if (p === '-') {
      stdin = true;
      files.push(p);
    } else await walk(p, true);
  }
  let total = 0;
  for (const s of sizes.values()) total += s;
  return { files, sizes, total: stdin ? null : total, unreadable };
}

/** The file part of a reader's source (`a.jsonl:12` → `a.jsonl`, `f.rss#3` → `f.rss`). */
function fileOf(source: string, sizes: Map<string, number>): string {
  if (sizes.has(source)) return source;
  const m = /^(.*?)(?::\d+|#\d+)$/.exec(source);
  return m && sizes.has(m[1]!) ? m[1]! : source;
}

/**
 * Ingests files, directories (recursively), JSON Lines, HTML pages and RSS/Atom feeds into a store.
 * Input problems are recorded (and counted) without stopping; a store error (full disk, lock
 * timeout) stops the run and is returned in `fatal`.
 *
 * @example
 * const summary = await ingest(['articles/'], { db: 'news.db', workers: 2 });
 * console.log(summary.inserted, summary.failed);
 */
export async function ingest(paths: readonly string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const t0 = performance.now();
  const stages = opts.stages ?? (await defaultStages());
  const version = pipelineVersion(stages);
  const batchSize = Math.max(1, opts.batchSize ?? 256);
  const maxChars = opts.maxDocChars ?? 1_000_000;
  const workers = Math.max(0, Math.floor(opts.workers ?? availableParallelism()));
  const config: ExtractorConfig = { stages: [...stages], lang: opts.lang ?? null, version };
  const dbPath = opts.store ? opts.store.location : (opts.db ?? defaultDbPath());

  const store = opts.store ?? (await openStore(dbPath, opts.storeOptions));
  const own = resolve(store.location);
  const scan = await planInputs(paths, new Set([own, `${own}-wal`, `${own}-shm`, `${own}-journal`]));
  const p: IngestProgress = {
    read: 0,
    inserted: 0,
    replaced: 0,
    skipped: 0,
    duplicates: 0,
    failed: 0,
    bytesDone: 0,
    bytesTotal: scan.total,
    elapsedMs: 0,
  };
  const codes = new Map<string, number>();
  const errorBuf: IngestErrorRecord[] = [];
  const seen = new Set<string>();
  let fatal: IngestSummary['fatal'] = null;
  let interrupted = false;
  let lastReport = 0;
  let lastFlush = performance.now();

  const report = (force = false): void => {
    const t = performance.now();
    if (!force && t - lastReport < 100) return;
    lastReport = t;
    p.elapsedMs = t - t0;
    opts.onProgress?.({ ...p });
  };
  const fail = (file: string, line: number | null, code: string, message: string): void => {
    p.failed++;
    codes.set(code, (codes.get(code) ?? 0) + 1);
    const rec: IngestErrorRecord = { file, line, code, message, at: new Date().toISOString() };
    errorBuf.push(rec);
    opts.onError?.(rec);
  };

  let runner: ExtractionRunner;
  try {
    runner =
      workers > 0 ? await startWorkerPool(workers, config) : inlineRunner(await createExtractor(config));
  } catch (err) {
    if (!opts.store) await store.close();
    if (err instanceof AnnalistError) throw err;
    throw new AnnalistError(
      'E_PIPELINE_LOAD',
      `The extraction pipeline could not be loaded: ${(err as Error).message}`,
    );
  }

  const inflight: Array<{ inputs: DocInput[]; results: Promise<ExtractResult[]> }> = [];
  // The writes block this thread; the workers keep going only on jobs already sent to them. Enough
  // are kept in flight to cover a whole write batch, so that neither side waits for the other.
  const maxInflight = workers > 0 ? workers * 2 + Math.ceil(batchSize / CHUNK) : 2;
  let writeBuf: PreparedDocument[] = [];

  const flushWrites = async (all = true): Promise<void> => {
    while (writeBuf.length >= (all ? 1 : batchSize)) {
      const batch = writeBuf.slice(0, batchSize);
      writeBuf = writeBuf.slice(batchSize);
      for (const o of await store.writeDocuments(batch)) {
        if (o.action === 'inserted') p.inserted++;
        else if (o.action === 'replaced') p.replaced++;
        else p.skipped++;
        if (o.action !== 'skipped' && o.duplicateOf) p.duplicates++;
      }
    }
    if (errorBuf.length) await store.recordErrors(errorBuf.splice(0));
    lastFlush = performance.now();
    report();
  };

  const settleOldest = async (): Promise<void> => {
    const job = inflight.shift()!;
    let results: ExtractResult[];
    try {
      results = await job.results;
    } catch (err) {
      for (const input of job.inputs) {
        const src = input.source ?? '<input>';
        fail(src, null, 'E_EXTRACT', `the extraction worker stopped: ${(err as Error).message}`);
      }
      return;
    }
    for (const r of results) {
      if (r.ok) writeBuf.push(r.doc);
      else fail(r.source ?? '<input>', null, r.code, r.message);
    }
    if (writeBuf.length >= batchSize) await flushWrites(false);
    else if (performance.now() - lastFlush > 1000) await flushWrites();
  };

  let chunk: DocInput[] = [];
  const dispatch = async (): Promise<void> => {
    const inputs = chunk;
    chunk = [];
    const ids = inputs.map((i) => i.id ?? docId(i.text, i.url ?? null));
    const stored = await store.storedVersions(ids);
    const todo: DocInput[] = [];
    inputs.forEach((input, i) => {
      const id = ids[i]!;
      if (stored.get(id) === version || seen.has(id)) {
        p.skipped++;
        return;
      }
      seen.add(id);
      todo.push(input);
    });
    if (todo.length) inflight.push({ inputs: todo, results: runner.run(todo) });
    while (inflight.length >= maxInflight) await settleOldest();
  };

  // Progress in bytes: whole files once passed, and an estimate inside the file being read.
  let currentFile: string | null = null;
  let completed = 0;
  let partial = 0;
  const account = (source: string, bytes: number): void => {
    const file = fileOf(source, scan.sizes);
    if (file !== currentFile) {
      if (currentFile !== null) completed += scan.sizes.get(currentFile) ?? 0;
      currentFile = file;
      partial = 0;
    }
    partial = Math.min(scan.sizes.get(file) ?? 0, partial + bytes);
    p.bytesDone = completed + partial;
  };

  try {
    const readOpts = {
      date: opts.date ?? null,
      lang: opts.lang ?? null,
      ...(opts.encoding ? { encoding: opts.encoding } : {}),
    };
    for (const u of scan.unreadable) fail(u.path, null, 'E_READ', u.message);
    for await (const item of readInputs(scan.files, readOpts)) {
      if (opts.signal?.aborted) {
        interrupted = true;
        break;
      }
      p.read++;
      if (!item.ok) {
        const e = item.error;
        account(e.file, 0);
        const prefix = `${e.file}${e.line !== null ? `:${e.line}` : ''}: `;
        fail(
          e.file,
          e.line,
          e.code,
          e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message,
        );
      } else {
        const input = item.input;
        account(input.source ?? '', Buffer.byteLength(input.text) + 64);
        if (input.text.length > maxChars) {
          const src = input.source ?? '<input>';
          const m = /^(.*):(\d+)$/.exec(src);
          fail(
            m ? m[1]! : src,
            m ? Number(m[2]) : null,
            'E_DOC_TOO_LARGE',
            `the text is ${input.text.length.toLocaleString('en')} characters, over the limit of ` +
              `${maxChars.toLocaleString('en')} (--max-doc-chars); skipped`,
          );
        } else {
          chunk.push(input);
          if (chunk.length >= CHUNK) await dispatch();
        }
      }
      p.elapsedMs = performance.now() - t0;
      report();
    }
    if (chunk.length) await dispatch();
    while (inflight.length) await settleOldest();
    await flushWrites();
    if (!interrupted && scan.total !== null) p.bytesDone = scan.total;
  } catch (err) {
    if (err instanceof AnnalistError && err.code.startsWith('E_DB')) {
      fatal = { code: err.code, message: err.message };
    } else {
      await runner.close();
      if (!opts.store) await store.close().catch(() => {});
      throw err;
    }
  }
  await runner.close();
  if (!opts.store) await store.close().catch(() => {});
  p.elapsedMs = performance.now() - t0;
  report(true);
  return {
    ...p,
    pipelineVersion: version,
    db: dbPath,
    errorCodes: [...codes.entries()].sort((a, b) => b[1] - a[1]).map(([code, count]) => ({ code, count })),
    interrupted,
    fatal,
  };
}
