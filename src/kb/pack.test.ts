import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPack } from '../../scripts/pack.js';
import type { Lemmatizer } from './keys.js';
import { formatDiagnostic, packKb } from './pack.js';
import type { CompiledKb } from './types.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'annalist-pack-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/** A fresh source folder holding the given files. */
function sources(files: Record<string, string>): string {
  const dir = path.join(tmp, `case-${n++}`);
  for (const [name, text] of Object.entries(files)) {
    const full = path.join(dir, name);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return dir;
}

const line = (o: object) => JSON.stringify(o);
const USA = line({
  id: 'Q30',
  type: 'COUNTRY',
  name: 'United States',
  ru: ['США'],
  iso2: 'US',
  iso3: 'USA',
  source: 'ISO 3166-1',
});
const KAZ = line({
  id: 'Q232',
  type: 'COUNTRY',
  name: 'Kazakhstan',
  ru: ['Казахстан'],
  iso2: 'KZ',
  iso3: 'KAZ',
  source: 'ISO 3166-1',
});
const AUS = line({
  id: 'Q408',
  type: 'COUNTRY',
  name: 'Australia',
  ru: ['Австралия'],
  iso2: 'AU',
  iso3: 'AUS',
  source: 'ISO 3166-1',
});

async function check(files: Record<string, string>) {
  const dir = sources(files);
  const r = await packKb({
    kbDir: path.join(dir, 'kb'),
    lexiconDir: path.join(dir, 'lexicon'),
    displayRoot: dir,
  });
  return { ...r, messages: r.diagnostics.map(formatDiagnostic) };
}

describe('pack validation', () => {
  it('reports a malformed line with its file and line, and keeps the other records', async () => {
    const r = await check({
      'kb/countries.jsonl': `# countries\n${USA}\n\n{"id":"Q232","type":"COUNTRY",\n${KAZ}\n`,
    });
    expect(r.messages).toEqual([
      expect.stringMatching(/^kb\/countries\.jsonl:4: error E_JSON: malformed JSON/),
    ]);
    expect(r.compiled.entities.map((e) => e.id)).toEqual(['Q232', 'Q30']);
  });

  it('reports missing required fields and unknown types', async () => {
    const r = await check({
      'kb/x.jsonl': [
        USA,
        line({ type: 'CITY', name: 'Nowhere', source: 's' }),
        line({ id: 'kb:city/x', type: 'TOWN', name: 'X', source: 's' }),
        line({ id: 'kb:city/y', type: 'CITY', source: 's' }),
        line({ id: 'kb:org/z', type: 'ORG', name: 'Z' }),
        line({ id: 'Kazakh Airlines', type: 'ORG', name: 'Z', source: 's' }),
        line({ id: 'Q5', type: 'COUNTRY', name: 'No code', ru: ['Нет'], source: 's' }),
      ].join('\n'),
    });
    expect(r.messages).toEqual([
      expect.stringMatching(/^kb\/x\.jsonl:2: error E_REQUIRED: the record has no "id"/),
      expect.stringMatching(/^kb\/x\.jsonl:3: error E_TYPE: kb:city\/x: unknown type "TOWN"/),
      expect.stringMatching(/^kb\/x\.jsonl:4: error E_REQUIRED: kb:city\/y: the record has no "name"/),
      expect.stringMatching(/^kb\/x\.jsonl:5: error E_REQUIRED: kb:org\/z: the record has no "source"/),
      expect.stringMatching(/^kb\/x\.jsonl:6: error E_ID: "Kazakh Airlines" is neither a QID/),
      expect.stringMatching(/^kb\/x\.jsonl:7: error E_REQUIRED: Q5: a COUNTRY needs "iso3"/),
    ]);
    expect(r.errors).toBe(6);
  });

  it('reports unknown country codes wherever a country is named', async () => {
    const r = await check({
      'kb/countries.jsonl': USA,
      'kb/people.jsonl': [
        line({ id: 'kb:person/a', type: 'PERSON', name: 'A', ru: ['А'], country: 'XYZ', source: 's' }),
        line({ id: 'kb:person/b', type: 'PERSON', name: 'B', ru: ['Б'], country: 'usa', source: 's' }),
        line({
          id: 'kb:person/c',
          type: 'PERSON',
          name: 'C',
          ru: ['В'],
          roles: [{ role: 'ambassador', of: 'USA', to_country: 'KAZ', from: '2020' }],
          source: 's',
        }),
        line({ id: 'kb:org/d', type: 'ORG', name: 'D', metonym_of: 'RUS', source: 's' }),
      ].join('\n'),
    });
    expect(r.messages).toEqual([
      expect.stringMatching(
        /people\.jsonl:2: error E_COUNTRY: kb:person\/b: "country" must be an ISO 3166-1 alpha-3 code/,
      ),
      expect.stringMatching(/people\.jsonl:1: error E_COUNTRY: kb:person\/a: unknown country code "XYZ"/),
      expect.stringMatching(
        /people\.jsonl:3: error E_COUNTRY: kb:person\/c: roles\[0\]\.to_country: unknown country code "KAZ"/,
      ),
      expect.stringMatching(
        /people\.jsonl:4: error E_COUNTRY: kb:org\/d: "metonym_of" names an unknown country code "RUS"/,
      ),
    ]);
  });

  it('reports role spans that end before they start, bad dates, unknown roles and missing org ids', async () => {
    // prettier-ignore
    const r = await check({
      'kb/countries.jsonl': USA,
      'kb/people.jsonl': [
        line({ id: 'kb:person/a', type: 'PERSON', name: 'A', ru: ['А'], roles: [{ role: 'president', of: 'USA', from: '2021-01-20', to: '2017-01-20' }], source: 's' }),
        line({ id: 'kb:person/b', type: 'PERSON', name: 'B', ru: ['Б'], roles: [{ role: 'president', of: 'USA', from: '2021-02-30' }], source: 's' }),
        line({ id: 'kb:person/c', type: 'PERSON', name: 'C', ru: ['В'], roles: [{ role: 'tsar', of: 'USA' }], source: 's' }),
        line({ id: 'kb:person/d', type: 'PERSON', name: 'D', ru: ['Г'], roles: [{ role: 'ceo', of: 'kb:org/nowhere', from: '2020', to: '2020-06' }], source: 's' }),
        line({ id: 'kb:person/e', type: 'PERSON', name: 'E', ru: ['Д'], roles: [{ role: 'senator', of: 'USA', from: '2019', to: '2019-05' }], source: 's' }),
      ].join('\n'),
    });
    expect(r.messages).toEqual([
      expect.stringMatching(
        /people\.jsonl:1: error E_ROLE_SPAN: roles\[0\]: the president span ends \(2017-01-20\) before it starts \(2021-01-20\)/,
      ),
      expect.stringMatching(/people\.jsonl:2: error E_DATE: roles\[0\]: "from" must be YYYY-MM-DD/),
      expect.stringMatching(/people\.jsonl:3: error E_ROLE: roles\[0\]: unknown role code "tsar"/),
      expect.stringMatching(
        /people\.jsonl:4: error E_REF: kb:person\/d: roles\[0\]\.of: "kb:org\/nowhere" is neither/,
      ),
    ]);
  });

  it('reports duplicate ids, naming the first, and keeps the first record', async () => {
    const r = await check({
      'kb/a.jsonl': USA,
      'kb/b.jsonl': `${line({ id: 'Q30', type: 'COUNTRY', name: 'USA again', ru: ['США'], iso3: 'USA', source: 's' })}\n`,
    });
    expect(r.messages).toEqual([
      expect.stringMatching(/^kb\/b\.jsonl:1: error E_DUP_ID: duplicate id Q30 \(first at kb\/a\.jsonl:1\)/),
    ]);
    expect(r.compiled.entities.find((e) => e.id === 'Q30')?.name).toBe('United States');
  });

  it('reports an alias claimed by two entities of one type, but allows homonyms of different countries', async () => {
    // prettier-ignore
    const r = await check({
      'kb/countries.jsonl': [USA, AUS].join('\n'),
      'kb/cities.jsonl': [
        line({ id: 'Q6106', type: 'CITY', name: 'Portland', ru: ['Портленд'], country: 'USA', source: 's' }),
        line({ id: 'kb:city/portland-victoria', type: 'CITY', name: 'Portland', ru: ['Портленд'], country: 'AUS', source: 's' }),
        line({ id: 'kb:city/portland-maine', type: 'CITY', name: 'Portland, Maine', en: ['Portland'], ru: ['Портленд'], country: 'USA', source: 's' }),
        line({ id: 'kb:city/springfield', type: 'CITY', name: 'Springfield', ru: ['Спрингфилд'], source: 's' }),
        line({ id: 'kb:city/springfield-2', type: 'CITY', name: 'Springfield', ru: ['Спрингфилд'], country: 'USA', source: 's' }),
      ].join('\n'),
      'kb/people.jsonl': line({ id: 'kb:person/portland', type: 'PERSON', name: 'Portland', ru: ['Портленд'], source: 's' }),
    });
    const alias = r.messages.filter((m) => m.includes('E_ALIAS'));
    expect(alias).toEqual([
      expect.stringMatching(
        /cities\.jsonl:3: error E_ALIAS: kb:city\/portland-maine: the name "portland" is also a CITY name of Q6106 \(kb\/cities\.jsonl:1\)/,
      ),
      expect.stringMatching(
        /cities\.jsonl:3: error E_ALIAS: kb:city\/portland-maine: the name "портленд" is also a CITY name of Q6106/,
      ),
      expect.stringMatching(/cities\.jsonl:5: error E_ALIAS: kb:city\/springfield-2: the name "springfield"/),
      expect.stringMatching(/cities\.jsonl:5: error E_ALIAS: kb:city\/springfield-2: the name "спрингфилд"/),
    ]);
  });

  it('checks capitals and the titles lexicon', async () => {
    const r = await check({
      'kb/countries.jsonl': line({
        id: 'Q30',
        type: 'COUNTRY',
        name: 'United States',
        ru: ['США'],
        iso3: 'USA',
        capital: 'Q61',
        source: 's',
      }),
      'lexicon/titles.ru.tsv':
        '# phrase\trole\tcountry\tnotes\nпрезидент\tpresident\nпрезидент\tpresident\nцарь\ttsar\nгоссекретарь\tforeign_minister\tXXX\nплохая строка\n',
    });
    expect(r.messages).toEqual([
      expect.stringMatching(/countries\.jsonl:1: error E_REF: Q30: capital Q61 is not in the KB/),
      expect.stringMatching(/titles\.ru\.tsv:3: error E_DUP_TITLE: "президент" has the same key as line 2/),
      expect.stringMatching(/titles\.ru\.tsv:4: error E_ROLE: unknown role code\(s\) "tsar"/),
      expect.stringMatching(/titles\.ru\.tsv:5: error E_COUNTRY: unknown country code "XXX"/),
      expect.stringMatching(/titles\.ru\.tsv:6: error E_TSV: expected tab-separated columns/),
    ]);
  });

  it('warns about unknown fields, sectors and missing Russian names without failing', async () => {
    const r = await check({
      'kb/countries.jsonl': USA,
      'kb/orgs.jsonl': line({
        id: 'kb:org/a',
        type: 'ORG',
        name: 'A',
        sector: ['XYZ'],
        colour: 'red',
        source: 's',
      }),
      'kb/people.jsonl': line({ id: 'kb:person/a', type: 'PERSON', name: 'A', source: 's' }),
    });
    expect(r.errors).toBe(0);
    expect(r.diagnostics.map((d) => d.code).sort()).toEqual(['W_NO_RU', 'W_SECTOR', 'W_UNKNOWN_FIELD']);
  });
});

describe('pack output', () => {
  const upper: Lemmatizer = (w) => w.toLowerCase().replace(/ы$/, '');
  // prettier-ignore
  const files = {
    'kb/b.jsonl': [
      line({ id: 'kb:org/zeta', type: 'ORG', name: 'Zeta', ru: ['Зеты'], country: 'USA', source: 's' }),
      line({ id: 'kb:person/a', type: 'PERSON', name: 'A', ru: ['А'], roles: [{ role: 'president', of: 'USA', from: '2019', to: null }], source: 's' }),
    ].join('\n'),
    'kb/a.jsonl': USA,
    'lexicon/titles.ru.tsv': 'президент\tpresident\t\tnote\n',
    'lexicon/titles.en.tsv': 'President\tpresident\n',
  };

  it('is sorted, deterministic, leaves out sources, keeps open role ends and adds lemma keys', async () => {
    const dir = sources(files);
    const opts = { kbDir: path.join(dir, 'kb'), lexiconDir: path.join(dir, 'lexicon'), lemmatize: upper };
    const a = await packKb(opts);
    const b = await packKb(opts);
    expect(a.json).toBe(b.json);
    const kb = JSON.parse(a.json) as CompiledKb;
    expect(kb.entities.map((e) => e.id)).toEqual(['Q30', 'kb:org/zeta', 'kb:person/a']);
    expect(a.json).not.toContain('"source"');
    expect(kb.entities[1]!.lk).toEqual(['зет']);
    expect(kb.entities[2]!.roles).toEqual([{ role: 'president', of: 'USA', from: '2019', to: null }]);
    expect(kb.titles.map((t) => `${t.lang}:${t.phrase}`)).toEqual(['en:President', 'ru:президент']);
    // One record per line keeps diffs of the committed file readable.
    expect(a.json.split('\n').filter((l) => l.startsWith('{"id"'))).toHaveLength(3);
  });

  it('scripts/pack writes the output, and --check names a stale file', async () => {
    const root = sources({
      'data/kb/a.jsonl': USA,
      'data/lexicon/titles.en.tsv': 'President\tpresident\n',
    });
    const log: string[] = [];
    expect(await runPack(['--only', 'kb', '--root', root, '--check'], (l) => log.push(l))).toBe(1);
    expect(log.join('\n')).toMatch(/src\/generated\/kb\.json is stale/);
    expect(await runPack(['--only', 'kb', '--root', root], (l) => log.push(l))).toBe(0);
    expect(readFileSync(path.join(root, 'src/generated/kb.json'), 'utf8')).toContain('"id":"Q30"');
    log.length = 0;
    expect(await runPack(['--only', 'kb', '--root', root, '--check'], (l) => log.push(l))).toBe(0);
    writeFileSync(path.join(root, 'data/kb/a.jsonl'), `${USA}\n${KAZ}\n`);
    expect(await runPack(['--only', 'kb', '--root', root, '--check'], (l) => log.push(l))).toBe(1);
    expect(log.join('\n')).toMatch(/stale/);
  });

  it('scripts/pack does not write over errors unless told to', async () => {
    const root = sources({ 'data/kb/a.jsonl': `${USA}\n{oops\n` });
    const log: string[] = [];
    expect(await runPack(['--only', 'kb', '--root', root], (l) => log.push(l))).toBe(1);
    expect(log.join('\n')).toMatch(/data\/kb\/a\.jsonl:2: error E_JSON/);
    expect(log.join('\n')).toMatch(/not written/);
    expect(await runPack(['--only', 'kb', '--root', root, '--allow-errors'], (l) => log.push(l))).toBe(1);
    expect(readFileSync(path.join(root, 'src/generated/kb.json'), 'utf8')).toContain('"id":"Q30"');
  });
});
