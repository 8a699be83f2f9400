import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { KAZ, TEXT_MEET_OTHER, TOKAYEV, TRUMP, USA, meetDoc, prepared } from './fixtures.js';

let dir: string;
let db: string;

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await runCli(args, stdout, stderr);
  return { code, out, err };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'annalist-cli-'));
  db = join(dir, 'news.db');
  const store = await SqliteStore.open(db);
  await store.writeDocuments([
    prepared(meetDoc()),
    prepared({
      text: TEXT_MEET_OTHER,
      date: '2025-11-07',
      url: 'https://ria.ru/1',
      entities: [KAZ, TOKAYEV, TRUMP, USA],
      events: [
        {
          type: 'MEET',
          source: [TRUMP],
          target: [TOKAYEV],
          date: null,
          evidence: 'Токаев и Трамп встретились в Белом доме в четверг, сообщает агентство.',
        },
      ],
    }),
  ]);
  await store.close();
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('store commands', () => {
  it('events: table, json, csv, one event in full, and usage errors', async () => {
    const table = await run(['events', '--db', db, '--actor', 'Tokayev']);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/MEET\s+occurred\s+Kassym-Jomart Tokayev → Donald Trump\s+2\/2/);
    const json = JSON.parse(
      (await run(['events', '--db', db, '--type', 'sign_agreement', '--format', 'json'])).out,
    );
    expect(json).toHaveLength(1);
    expect(json[0].amount.value).toBe(1e9);
    const csv = (await run(['events', '--db', db, '--format', 'csv'])).out.trim().split('\n');
    expect(csv).toHaveLength(3);
    const one = await run(['events', '--db', db, '--id', String(json[0].id)]);
    expect(one.out).toMatch(/1 mention\(s\) in 1 article\(s\) from 1 independent source\(s\)/);
    expect(one.out).toContain('https://akorda.kz/news/1');
    expect((await run(['events', '--db', db, '--from', 'last week'])).code).toBe(2);
    expect((await run(['events', '--db', db, '--status', 'maybe'])).code).toBe(2);
    const unknown = await run(['events', '--db', db, '--actor', 'Nobody Atall']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/E_ACTOR_UNKNOWN/);
    const missing = await run(['events', '--db', join(dir, 'none.db')]);
    expect(missing.err).toMatch(/E_DB_MISSING/);
  });

  it('entity, search and stats', async () => {
    const entity = await run(['entity', 'Токаев', '--db', db]);
    expect(entity.code).toBe(0);
    expect(entity.out).toMatch(/^Kassym-Jomart Tokayev \(PERSON, KAZ\)/);
    expect(entity.out).toMatch(/Donald Trump \(Q22686\)/);
    expect((await run(['entity', 'Nobody', '--db', db])).code).toBe(1);
    const search = await run(['search', 'переговоры', '--db', db]);
    expect(search.code).toBe(0);
    expect(search.out).toContain('[переговоры]');
    const stats = await run(['stats', '--db', db, '--check']);
    expect(stats.out).toMatch(/documents\s+2 /);
    expect(stats.out).toMatch(/check: ok/);
    expect(JSON.parse((await run(['stats', '--db', db, '--format', 'json'])).out).events).toBe(2);
  });

  it('export writes each format to a file', async () => {
    for (const format of ['plover', 'gdelt', 'csv', 'jsonl', 'graphml']) {
      const file = join(dir, `out.${format}`);
      const r = await run(['export', '--db', db, '--format', format, '--out', file]);
      expect(r.code, format).toBe(0);
      expect(r.err).toMatch(/written to/);
      expect(readFileSync(file, 'utf8').length).toBeGreaterThan(50);
    }
    const gdelt = readFileSync(join(dir, 'out.gdelt'), 'utf8').trim().split('\n');
    expect(gdelt.every((l) => l.split('\t').length === 61)).toBe(true);
    expect((await run(['export', '--db', db, '--format', 'xml'])).code).toBe(2);
  });

  it('ingest exits 0 when every input is stored and 1 when some fail', async () => {
    const inputs = join(dir, 'inputs');
    mkdirSync(inputs);
    writeFileSync(join(inputs, 'a.txt'), ' date 2025-11-07 Первая статья о переговорах.');
    const target = join(dir, 'ingest.db');
    const ok = await run(['ingest', inputs, '--db', target, '--stages', 'none', '--workers', '0']);
    expect(ok.code).toBe(0);
    expect(ok.err).toMatch(/1 new, 0 re-extracted, 0 already stored, 0 failed/);
    writeFileSync(join(inputs, 'b.jsonl'), '{"text": "Вторая"}\nnot json\n');
    const bad = await run(['ingest', inputs, '--db', target, '--stages', 'none', '--workers', '0']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/E_JSONL_PARSE: .*b\.jsonl:2: invalid JSON/);
    expect(bad.err).toMatch(/1 new, 0 re-extracted, 1 already stored, 1 failed/);
    const errors = await run(['stats', '--errors', '--db', target]);
    expect(errors.out).toMatch(/E_JSONL_PARSE\s+.*b\.jsonl:2/);
    expect((await run(['ingest', inputs, '--db', target, '--workers', 'two'])).code).toBe(2);
  });
});
