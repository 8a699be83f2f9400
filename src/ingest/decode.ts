import { InputError } from './errors.js';

export type Encoding = 'utf-8' | 'windows-1251' | 'koi8-r' | 'utf-16le' | 'utf-16be';

const ALIASES: Record<string, Encoding> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  cp1251: 'windows-1251',
  'windows-1251': 'windows-1251',
  win1251: 'windows-1251',
  'koi8-r': 'koi8-r',
  koi8r: 'koi8-r',
  koi8: 'koi8-r',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
};

/** Normalises a user-given encoding name (`cp1251`, `koi8-r`, `utf8`), or throws naming the accepted ones. */
export function parseEncoding(name: string): Encoding {
  const enc = ALIASES[name.toLowerCase()];
  if (!enc) {
    throw new InputError(
      'E_ENCODING_UNKNOWN',
      '--encoding',
      `unknown encoding "${name}"; use one of utf-8, cp1251, koi8-r, utf-16le, utf-16be`,
    );
  }
  return enc;
}

// Frequent Russian letters; the right single-byte decoding makes them common, the wrong one rare.
const FREQUENT_RU = new Set('оеаинтсрвлкмдпуяыь'.split(''));

function russianScore(text: string): number {
  let good = 0;
  let cyr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const code = c.charCodeAt(0);
    if (code >= 0x0400 && code <= 0x04ff) {
      cyr++;
      if (FREQUENT_RU.has(c)) good++;
    }
  }
  return cyr === 0 ? 0 : good / cyr;
}

/** True when the bytes look like a binary file rather than text (NULs or many control bytes). */
export function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.1;
}

/**
 * Decodes bytes to text: a BOM wins; else valid UTF-8; else cp1251 or koi8-r, whichever reads
 * as Russian. Throws `E_BINARY` for binary data.
 *
 * @example decodeText(Buffer.from([0xcf, 0xf0, 0xe8]), 'x.txt').text // 'При'
 */
export function decodeText(
  buf: Uint8Array,
  file: string,
  encoding?: Encoding,
): { text: string; encoding: Encoding } {
  if (encoding) return { text: stripBom(new TextDecoder(encoding).decode(buf)), encoding };
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le' };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be' };
  }
  if (looksBinary(buf)) {
    throw new InputError('E_BINARY', file, 'looks like a binary file, not text; skipped');
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return { text: stripBom(text), encoding: 'utf-8' };
  } catch {
    const sample = buf.subarray(0, 65536);
    const cp = new TextDecoder('windows-1251').decode(sample);
    const koi = new TextDecoder('koi8-r').decode(sample);
    const enc: Encoding = russianScore(koi) > russianScore(cp) ? 'koi8-r' : 'windows-1251';
    return { text: new TextDecoder(enc).decode(buf), encoding: enc };
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
