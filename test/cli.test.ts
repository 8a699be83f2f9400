import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { HAVE_SEED, SEED_TXT, readJson } from './helpers.js';

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  });
  return { stream, text: () => chunks.join('') };
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = sink();
  const err = sink();
  const code = await runCli(args, out.stream, err.stream);
  return { code, out: out.text(), err: err.text() };
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(
  readJson<object>(new URL('../schema/document.schema.json', import.meta.url).pathname),
);

describe('annalist extract', () => {
  it('prints a valid document for the bundled example', async () => {
    const r = await run(['extract', 'examples/ru-state-visit.txt', '--format', 'json', '--tokens']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.date).toBe('2025-09-12');
    expect(doc.entities.some((e: { name: string }) => e.name === 'Shavkat Mirziyoyev')).toBe(true);
    expect(doc.events.some((e: { type: string }) => e.type === 'VISIT')).toBe(true);
    expect(
      doc.tokens.every(
        (t: { start: number; end: number; text: string }) => doc.text.slice(t.start, t.end) === t.text,
      ),
    ).toBe(true);
  });

  it.skipIf(!HAVE_SEED)('prints the seed with every sentence, languages and lemmas', async () => {
    const r = await run(['extract', SEED_TXT, '--format', 'json', '--tokens']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.schema).toBe('annalist/document@1');
    expect(doc.date).toBe('2025-11-07');
    expect(new Set(doc.sentences.map((s: { lang: string }) => s.lang))).toEqual(new Set(['ru', 'en']));
    const lemmaOf = (w: string): string => doc.tokens.find((t: { text: string }) => t.text === w).lemma;
    expect(['Токаева', 'Казахстана', 'Латником', 'соглашениям'].map(lemmaOf)).toEqual([
      'токаев',
      'казахстан',
      'латник',
      'соглашение',
    ]);
  });

  it('prints JSON Lines with the source, reports bad files and goes on', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'annalist-cli-'));
    await writeFile(join(dir, 'a.txt'), ' date 2025-11-07 Токаев прибыл в Москву.');
    await writeFile(join(dir, 'b.txt'), '');
    await writeFile(
      join(dir, 'c.jsonl'),
      '{"text":"Putin met Tokayev on Monday.","date":"2025-11-07"}\n{broken\n',
    );
    const r = await run(['extract', dir, '--format', 'jsonl', '--no-text']);
    expect(r.code).toBe(1);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0].source).toBe(join(dir, 'a.txt'));
    expect(lines[0].text).toBeUndefined();
    for (const l of lines) expect(validate(l), JSON.stringify(validate.errors)).toBe(true);
    expect(r.err).toMatch(/b\.txt: is empty/);
    expect(r.err).toMatch(/c\.jsonl:2: invalid JSON/);
  });

  it('refuses bad options with a usage error', async () => {
    expect((await run(['extract', 'x.txt', '--format', 'xml'])).code).toBe(2);
    expect((await run(['extract', 'x.txt', '--date', '2025-02-30'])).code).toBe(2);
    expect((await run(['nope'])).code).toBe(2);
  });
});
