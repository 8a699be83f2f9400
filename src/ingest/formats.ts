import type { DocInput } from '../doc.js';
import { InputError } from './errors.js';

const HEADER = /^[ \t]?date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+|\r?\n|$)/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Line endings become `\n` so that offsets are the same whatever system wrote the file. */
export function normaliseNewlines(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}

/**
 * Reads the reference format of the seed folder: ` date YYYY-MM-DD` then the text (on the same
 * line or the next). Returns null when the header is absent.
 *
 * @example parseSeedFormat(' date 2025-11-07 Текст.')  // { date: '2025-11-07', text: 'Текст.' }
 */
export function parseSeedFormat(raw: string): { date: string; text: string } | null {
  const m = HEADER.exec(raw);
  if (!m) return null;
  return { date: m[1]!, text: raw.slice(m[0].length) };
}

/** True when `s` is a real calendar date in `YYYY-MM-DD` form. */
export function isValidDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Parses one JSON Lines record (`{"text", "date"?, "url"?, "title"?, "lang"?, "id"?}`), throwing an
 * `InputError` with the file and line when it is not one.
 */
export function parseJsonlRecord(line: string, file: string, lineNo: number): DocInput {
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch (err) {
    throw new InputError('E_JSONL_PARSE', file, `invalid JSON: ${(err as Error).message}`, lineNo);
  }
  if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) {
    throw new InputError('E_JSONL_RECORD', file, 'each line must be a JSON object', lineNo);
  }
  const r = rec as Record<string, unknown>;
  if (typeof r.text !== 'string') {
    throw new InputError('E_JSONL_RECORD', file, 'the record has no "text" string', lineNo);
  }
  const str = (k: string): string | null => {
    const v = r[k];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') {
      throw new InputError('E_JSONL_RECORD', file, `"${k}" must be a string`, lineNo);
    }
    return v;
  };
  const date = str('date');
  if (date !== null && !isValidDate(date.slice(0, 10))) {
    throw new InputError('E_JSONL_RECORD', file, `"date" must be YYYY-MM-DD, got "${date}"`, lineNo);
  }
  const input: DocInput = {
    text: normaliseNewlines(r.text),
    date: date ? date.slice(0, 10) : null,
    url: str('url'),
    title: str('title'),
    lang: str('lang'),
    source: `${file}:${lineNo}`,
  };
  const id = str('id');
  if (id) input.id = id;
  return input;
}
