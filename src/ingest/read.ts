import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { DocInput } from '../doc.js';
import { decodeText, type Encoding } from './decode.js';
import { InputError } from './errors.js';
import { isValidDate, normaliseNewlines, parseJsonlRecord, parseSeedFormat } from './formats.js';

/** One item of a batch: a document to process, or an error about one input. */
export type ReadItem = { ok: true; input: DocInput } | { ok: false; error: InputError };

export interface ReadOptions {
  /** Publication date for plain text files without a header. */
  date?: string | null;
  /** Language hint for every document. */
  lang?: string | null;
  /** Decode single-byte files with this encoding instead of detecting it. */
  encoding?: Encoding;
  /** Called for each directory entry that cannot be read. */
  maxFileBytes?: number;
}

/**
 * A reader for a kind of file, chosen by extension. Text, seed format and JSON Lines are built in;
 * HTML and feed readers register themselves here.
 */
export type FileReader = (
  path: string,
  buf: Buffer,
  opts: ReadOptions,
) => AsyncIterable<ReadItem> | ReadItem[];

const readers = new Map<string, FileReader>();

/** Registers a reader for file extensions such as `.html`. */
export function registerReader(exts: string[], reader: FileReader): void {
  for (const e of exts) readers.set(e.toLowerCase(), reader);
}

const JSONL_EXTS = new Set(['.jsonl', '.ndjson']);
const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;

/** Turns decoded text into a document input: seed header when present, else plain text. */
export function textToInput(raw: string, source: string, opts: ReadOptions): ReadItem {
  const text = normaliseNewlines(raw);
  const seed = parseSeedFormat(text);
  const body = seed ? seed.text : text;
  if (seed && !isValidDate(seed.date)) {
    return {
      ok: false,
      error: new InputError('E_DATE', source, `header date "${seed.date}" is not a real date`, 1),
    };
  }
  if (body.trim() === '') {
    const what = seed ? 'has only a header line and no text' : 'is empty';
    return { ok: false, error: new InputError('E_EMPTY', source, `${what}; nothing to extract`) };
  }
  return {
    ok: true,
    input: { text: body, date: seed?.date ?? opts.date ?? null, lang: opts.lang ?? null, source },
  };
}

async function* readJsonl(
  path: string,
  opts: ReadOptions,
  stream?: NodeJS.ReadableStream,
): AsyncGenerator<ReadItem> {
  const input = stream ?? createReadStream(path, { encoding: 'utf8' });
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    const trimmed = lineNo === 1 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
    if (trimmed.trim() === '') continue;
    try {
      const rec = parseJsonlRecord(trimmed, path, lineNo);
      if (!rec.lang && opts.lang) rec.lang = opts.lang;
      if (!rec.date && opts.date) rec.date = opts.date;
      if (rec.text.trim() === '') {
        yield { ok: false, error: new InputError('E_EMPTY', path, 'the record\'s "text" is empty', lineNo) };
        continue;
      }
      yield { ok: true, input: rec };
    } catch (err) {
      yield { ok: false, error: err as InputError };
    }
  }
}

async function* readOneFile(path: string, opts: ReadOptions): AsyncGenerator<ReadItem> {
  const ext = extname(path).toLowerCase();
  if (JSONL_EXTS.has(ext)) {
    yield* readJsonl(path, opts);
    return;
  }
  const info = await stat(path);
  const max = opts.maxFileBytes ?? DEFAULT_MAX_BYTES;
  if (info.size > max) {
    yield {
      ok: false,
      error: new InputError('E_TOO_LARGE', path, `is ${info.size} bytes, over the limit of ${max}; skipped`),
    };
    return;
  }
  const buf = await readFile(path);
  const custom = readers.get(ext);
  if (custom) {
    yield* custom(path, buf, opts);
    return;
  }
  const { text } = decodeText(buf, path, opts.encoding);
  yield textToInput(text, path, opts);
}

async function* walk(dir: string): AsyncGenerator<{ path: string } | { error: InputError }> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    yield { error: new InputError('E_READ', dir, `cannot read directory: ${(err as Error).message}`) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if ((e.isFile() || e.isSymbolicLink()) && !e.name.endsWith('.gold.json')) yield { path: p };
  }
}

async function readStdin(opts: ReadOptions): Promise<ReadItem[]> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const buf = Buffer.concat(chunks);
  const { text } = decodeText(buf, '<stdin>', opts.encoding);
  // JSON Lines on stdin are recognised by their first character.
  if (text.trimStart().startsWith('{')) {
    const items: ReadItem[] = [];
    const { Readable } = await import('node:stream');
    for await (const item of readJsonl('<stdin>', opts, Readable.from([text]))) items.push(item);
    return items;
  }
  return [textToInput(text, '<stdin>', opts)];
}

/**
 * Reads files, directories (recursively, sorted) and `-` (stdin) into document inputs. Problems
 * with one file or line are yielded as errors naming the file and line; the batch goes on.
 *
 * @example for await (const item of readInputs(['examples/'])) if (item.ok) console.log(item.input.source);
 */
export async function* readInputs(paths: string[], opts: ReadOptions = {}): AsyncGenerator<ReadItem> {
  for (const p of paths) {
    if (p === '-') {
      try {
        yield* await readStdin(opts);
      } catch (err) {
        yield { ok: false, error: asInputError(err, '<stdin>') };
      }
      continue;
    }
    let isDir = false;
    try {
      isDir = (await stat(p)).isDirectory();
    } catch (err) {
      yield { ok: false, error: asInputError(err, p) };
      continue;
    }
    const files = isDir ? walk(p) : single(p);
    for await (const f of files) {
      if ('error' in f) {
        yield { ok: false, error: f.error };
        continue;
      }
      try {
        yield* readOneFile(f.path, opts);
      } catch (err) {
        yield { ok: false, error: asInputError(err, f.path) };
      }
    }
  }
}

async function* single(path: string): AsyncGenerator<{ path: string }> {
  yield { path };
}

function asInputError(err: unknown, file: string): InputError {
  if (err instanceof InputError) return err;
  const e = err as NodeJS.ErrnoException;
  const what =
    e.code === 'ENOENT'
      ? 'no such file or directory'
      : e.code === 'EACCES'
        ? 'permission denied'
        : e.code === 'EISDIR'
          ? 'is a directory'
          : (e.message ?? String(err));
  return new InputError('E_READ', file, `cannot read: ${what}`);
}
