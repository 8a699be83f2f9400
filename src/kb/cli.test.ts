import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCommand, type Command } from '../cli/command.js';
import '../cli/commands/kb.js';
import { ENTITY_TYPES } from '../doc.js';
import { loadKb } from './kb.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'annalist-kbcli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let kb: Command;
beforeAll(() => {
  kb = getCommand('kb')!;
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += String(c)));
  stderr.on('data', (c) => (err += String(c)));
  const code = await kb.run({ argv, stdout, stderr });
  return { code, out, err };
}

describe('annalist kb', () => {
  it('stats --format json gives counts by type and a total', async () => {
    const r = await run('stats', '--format', 'json', '--user-kb', 'none');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { byType: Record<string, number>; total: number };
    expect(Object.keys(json.byType)).toEqual([...ENTITY_TYPES]);
    expect(json.total).toBe(Object.values(json.byType).reduce((a, b) => a + b, 0));
    expect(json.total).toBeGreaterThan(0);
  });

  it('stats prints a table by default', async () => {
    const r = await run('stats', '--user-kb', 'none');
    expect(r.out).toMatch(/^COUNTRY\s+\d+$/m);
    expect(r.out).toMatch(/^total\s+\d+$/m);
  });

  it('lookup gives the candidates of a name with their reasons, metonymy included', async () => {
    const r = await run('lookup', 'Вашингтона', '--format', 'json', '--user-kb', 'none');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      lang: string;
      candidates: { id: string; type: string; reason: string }[];
    };
    expect(json.lang).toBe('ru');
    expect(json.candidates[0]).toMatchObject({ type: 'CITY', reason: 'lemma alias' });
    expect(json.candidates.find((c) => c.reason === 'metonymy')).toMatchObject({ type: 'COUNTRY' });
    const usa = (await loadKb()).countryByIso3('USA')!;
    expect(json.candidates.find((c) => c.reason === 'metonymy')?.id).toBe(usa.id);
  });

  it('lookup resolves adjectives and seats of government', async () => {
    const adj = JSON.parse(
      (await run('lookup', 'американский', '--format', 'json', '--user-kb', 'none')).out,
    );
    expect(adj.candidates[0]).toMatchObject({ reason: 'adjective', country: 'USA', type: 'COUNTRY' });
    const wh = JSON.parse((await run('lookup', 'Белый дом', '--format', 'json', '--user-kb', 'none')).out);
    expect(wh.candidates.map((c: { reason: string; country: string }) => `${c.reason}:${c.country}`)).toEqual(
      expect.arrayContaining(['alias:USA', 'metonymy:USA']),
    );
  });

  it('lookup of "Президент США" follows the date', async (ctx) => {
    const names = new Set([...(await loadKb()).entities()].map((e) => e.name));
    if (!names.has('Donald Trump') || !names.has('Joe Biden')) {
      console.warn('cli.test: skipping "Президент США", the KB has no Donald Trump or Joe Biden yet');
      ctx.skip();
    }
    const first = async (date: string) =>
      JSON.parse(
        (await run('lookup', 'Президент США', '--date', date, '--format', 'json', '--user-kb', 'none')).out,
      ).candidates[0];
    expect(await first('2025-11-07')).toMatchObject({ name: 'Donald Trump', reason: 'title+country+date' });
    expect(await first('2019-06-01')).toMatchObject({ name: 'Donald Trump' });
    expect(await first('2022-06-01')).toMatchObject({ name: 'Joe Biden' });
  });

  it('lookup rejects a bad date and a missing text', async () => {
    expect((await run('lookup', 'США', '--date', '2025-13-01')).code).toBe(2);
    expect((await run('lookup')).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
  });

  it('check reports source errors with file and line and fails', async () => {
    const dir = path.join(tmp, 'src', 'kb');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'a.jsonl'),
      '{"id":"Q30","type":"COUNTRY","name":"United States","ru":["США"],"iso3":"USA","source":"s"}\n{"id":"Q1","type":"PLANET","name":"X","source":"s"}\n',
    );
    const r = await run('check', '--dir', dir, '--user-kb', 'none');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/a\.jsonl:2: error E_TYPE: Q1: unknown type "PLANET"/);
    expect(r.err).toMatch(/1 record\(s\), 1 error\(s\)/);
    writeFileSync(
      path.join(dir, 'a.jsonl'),
      '{"id":"Q30","type":"COUNTRY","name":"United States","ru":["США"],"iso3":"USA","source":"s"}\n',
    );
    expect((await run('check', '--dir', dir, '--user-kb', 'none')).code).toBe(0);
  });

  it('import-wikidata writes a user KB from a dump, with plain progress lines off a terminal', async () => {
    const dump = path.join(tmp, 'dump.json');
    const human = {
      type: 'item',
      id: 'Q987654321',
      labels: { en: { value: 'Jane Roe' }, ru: { value: 'Джейн Роу' } },
      claims: {
        P31: [{ mainsnak: { snaktype: 'value', datavalue: { value: { id: 'Q5' } } }, rank: 'normal' }],
      },
    };
    writeFileSync(dump, `[\n${JSON.stringify(human)},\n{broken\n]\n`);
    const out = path.join(tmp, 'user', 'kb-user.jsonl');
    const r = await run('import-wikidata', dump, '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /1 record\(s\) written to .*kb-user\.jsonl \(PERSON 1\); 1 entities read, 1 malformed line\(s\) skipped/,
    );
    expect(r.err).toMatch(/annalist kb import-wikidata: 100% /);
    expect(readFileSync(out, 'utf8')).toContain('"id":"Q987654321"');
    const again = await run('import-wikidata', dump, '--out', out);
    expect(again.out).toMatch(/^0 record\(s\) written.*1 already in the file/);
    const stats = JSON.parse((await run('stats', '--format', 'json', '--user-kb', out)).out);
    const shipped = JSON.parse((await run('stats', '--format', 'json', '--user-kb', 'none')).out);
    expect(stats.total).toBe(shipped.total + 1);
    expect((await run('check', '--user-kb', out)).code).toBe(0);
    expect((await run('check', '--dir', path.join(tmp, 'nowhere'))).code).toBe(2);
  });

  it('import-wikidata rejects a bad limit and a missing dump', async () => {
    expect((await run('import-wikidata', path.join(tmp, 'nope.json'))).code).toBe(2);
    expect((await run('import-wikidata', path.join(tmp, 'dump.json'), '--limit', 'x')).code).toBe(2);
  });
});
