import { mkdtemp, mkdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, looksBinary } from './decode.js';
import { parseJsonlRecord, parseSeedFormat } from './formats.js';
import { readInputs, type ReadItem } from './read.js';

async function collect(paths: string[], opts = {}): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of readInputs(paths, opts)) out.push(item);
  return out;
}

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'annalist-read-'));
}

describe('seed format', () => {
  it('reads the date and the text on the same line', () => {
    expect(parseSeedFormat(' date 2025-11-07 Как пишет Axios.')).toEqual({
      date: '2025-11-07',
      text: 'Как пишет Axios.',
    });
  });
  it('accepts no leading space and the text on the next line', () => {
    expect(parseSeedFormat('date 2025-11-07\nТекст.')).toEqual({ date: '2025-11-07', text: 'Текст.' });
  });
  it('returns null without a header', () => {
    expect(parseSeedFormat('Просто текст.')).toBeNull();
  });
});

describe('decoding', () => {
  const ru = 'Президент Казахстана прибыл в Вашингтон';
  it('strips a UTF-8 BOM', () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ru)]);
    expect(decodeText(buf, 'a.txt')).toEqual({ text: ru, encoding: 'utf-8' });
  });
  it('detects cp1251 and koi8-r', () => {
    // Encode by reversing the decoders: build byte tables from the 256 single-byte values.
    const encodeWith = (enc: string): Buffer => {
      const dec = new TextDecoder(enc);
      const table = new Map<string, number>();
      for (let b = 0; b < 256; b++) table.set(dec.decode(Uint8Array.of(b)), b);
      return Buffer.from([...ru].map((c) => table.get(c) ?? 0x3f));
    };
    expect(decodeText(encodeWith('windows-1251'), 'a.txt')).toEqual({ text: ru, encoding: 'windows-1251' });
    expect(decodeText(encodeWith('koi8-r'), 'a.txt')).toEqual({ text: ru, encoding: 'koi8-r' });
  });
  it('recognises binary data', () => {
    expect(looksBinary(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toBe(true);
    expect(looksBinary(Buffer.from(ru))).toBe(false);
    expect(() => decodeText(Uint8Array.from([1, 2, 0, 4]), 'img.png')).toThrow(/img\.png.*binary/);
  });
});

describe('JSON Lines records', () => {
  it('reads the fields and names the line on errors', () => {
    const rec = parseJsonlRecord(
      '{"text":"A\\r\\nB","date":"2025-11-07","id":"x1","lang":"en"}',
      'f.jsonl',
      3,
    );
    expect(rec).toMatchObject({
      text: 'A\nB',
      date: '2025-11-07',
      id: 'x1',
      lang: 'en',
      source: 'f.jsonl:3',
    });
    expect(() => parseJsonlRecord('{"text": 1}', 'f.jsonl', 4)).toThrow('f.jsonl:4');
    expect(() => parseJsonlRecord('{oops', 'f.jsonl', 5)).toThrow(/f\.jsonl:5: invalid JSON/);
    expect(() => parseJsonlRecord('{"text":"a","date":"2025-02-31"}', 'f.jsonl', 6)).toThrow(/date/);
  });
});

describe('readInputs on a batch with bad input', () => {
  it('reports each bad file with its name and line, and goes on', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a.txt'), ' date 2025-11-07 Первый текст.');
    await writeFile(join(dir, 'b-empty.txt'), '');
    await writeFile(join(dir, 'c-header-only.txt'), ' date 2025-11-07\n');
    await writeFile(join(dir, 'd-binary.txt'), Buffer.from([0, 1, 2, 3, 0, 5]));
    await writeFile(
      join(dir, 'e.jsonl'),
      '{"text":"Один."}\nnot json\n{"text":"Три.","date":"2025-01-02"}\n',
    );
    await writeFile(join(dir, 'f.gold.json'), '{}');
    await mkdir(join(dir, 'sub'));
    await writeFile(join(dir, 'sub', 'g.txt'), 'Plain text\r\nwith CRLF.');
    const items = await collect([dir, join(dir, 'missing.txt')], { date: '2024-01-01' });
    const ok = items.filter((i) => i.ok).map((i) => (i.ok ? i.input : null));
    const errors = items.filter((i) => !i.ok).map((i) => (!i.ok ? i.error.message : ''));
    expect(ok.map((d) => d?.text)).toEqual(['Первый текст.', 'Один.', 'Три.', 'Plain text\nwith CRLF.']);
    expect(ok[0]?.date).toBe('2025-11-07');
    expect(ok[1]?.date).toBe('2024-01-01');
    expect(ok[2]?.date).toBe('2025-01-02');
    expect(errors).toHaveLength(5);
    expect(errors[0]).toMatch(/b-empty\.txt: is empty/);
    expect(errors[1]).toMatch(/c-header-only\.txt: has only a header line/);
    expect(errors[2]).toMatch(/d-binary\.txt: looks like a binary file/);
    expect(errors[3]).toMatch(/e\.jsonl:2: invalid JSON/);
    expect(errors[4]).toMatch(/missing\.txt: cannot read: no such file/);
  });

  it('reports an unreadable entry (a dangling link) and goes on', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a.txt'), 'Readable.');
    await symlink(join(dir, 'gone.txt'), join(dir, 'b.txt'));
    const items = await collect([dir]);
    expect(items.filter((i) => i.ok)).toHaveLength(1);
    const bad = items.find((i) => !i.ok);
    expect(bad && !bad.ok ? bad.error.message : '').toMatch(/b\.txt: cannot read: no such file/);
  });

  it('refuses a file over the size limit with a clear error', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'big.txt'), 'x'.repeat(2000));
    const items = await collect([join(dir, 'big.txt')], { maxFileBytes: 1000 });
    expect(items[0]?.ok).toBe(false);
    expect(!items[0]?.ok && items[0]?.error.message).toMatch(/big\.txt: is 2000 bytes, over the limit/);
  });
});
