import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/store/ingest.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { FILLER, LONG_ARTICLE } from './fixtures.js';

const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'src', 'cli', 'main.ts');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'annalist-ingest-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
function fresh(name: string): { dir: string; db: string } {
  const d = join(dir, `${name}-${++n}`);
  mkdirSync(d, { recursive: true });
  return { dir: d, db: join(dir, `${name}-${n}.db`) };
}

/** Distinct Russian articles (their own words, so that none is a near-duplicate of another). */
function articleText(i: number): string {
  const words = Array.from({ length: 60 }, (_, k) => `термин${(i * 7919 + k * 104729) % 1000003}`).join(' ');
  return `Новость номер ${i}. Правительство обсудило вопрос ${i}. ${words}. ${FILLER}`;
}

function writeArticles(d: string, count: number, from = 0): void {
  for (let i = from; i < from + count; i++)
    writeFileSync(join(d, `a${String(i).padStart(4, '0')}.txt`), ` date 2025-11-07 ${articleText(i)}`);
}

function openRaw(path: string): BetterSqlite3.Database {
  return new BetterSqlite3(path, { readonly: true, fileMustExist: true });
}

function countDocs(path: string): number {
  try {
    const db = openRaw(path);
    try {
      return Number(db.prepare('SELECT COUNT(*) FROM documents').pluck().get());
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

async function integrity(path: string): Promise<string[]> {
  const store = await SqliteStore.open(path);
  try {
    return await store.integrityCheck();
  } finally {
    await store.close();
  }
}

function cli(args: string[], opts: { heapMb?: number } = {}) {
  const nodeArgs = [
    ...(opts.heapMb ? [`--max-old-space-size=${opts.heapMb}`] : []),
    '--import',
    'tsx',
    MAIN,
    ...args,
  ];
  const child = spawn(process.execPath, nodeArgs, {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>(
    (res) => {
      child.on('close', (code, signal) => res({ code, signal, stdout, stderr }));
    },
  );
  return { child, done };
}

describe('ingest', () => {
  it('reads text, JSON Lines, HTML and feeds; records bad inputs and goes on', async () => {
    const { dir: d, db } = fresh('mixed');
    writeArticles(d, 3);
    writeFileSync(
      join(d, 'news.jsonl'),
      [
        JSON.stringify({
          text: articleText(10),
          date: '2025-11-06',
          url: 'https://a.kz/10',
          title: 'Десять',
        }),
        '{"text": "broken',
        JSON.stringify({ text: articleText(11) }),
        JSON.stringify({ title: 'no text' }),
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(d, 'page.html'),
      `<!doctype html><html lang="ru"><head><title>Заголовок страницы</title>
       <meta property="article:published_time" content="2025-11-05T10:00:00+06:00"></head>
       <body><nav>Меню сайта</nav><article><h1>Заголовок</h1><p>${LONG_ARTICLE}</p></article></body></html>`,
    );
    writeFileSync(join(d, 'notes.html'), 'plain words without any markup at all');
    writeFileSync(join(d, 'empty.html'), '<html><body><script>var x = 1;</script></body></html>');
    writeFileSync(join(d, 'binary.htm'), Buffer.from([0x3c, 0x68, 0x00, 0x00, 0x01, 0x02, 0x3e]));
    writeFileSync(
      join(d, 'feed.rss'),
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Лента</title><language>ru</language>
       <item><title>Первая</title><link>https://feed.kz/1</link><pubDate>Thu, 06 Nov 2025 14:00:00 +0500</pubDate>
         <description><![CDATA[<p>${articleText(20)}</p>]]></description></item>
       <item><title>Вторая</title><link>https://feed.kz/2</link><description>${articleText(21)}</description></item>
       </channel></rss>`,
    );
    writeFileSync(
      join(d, 'atom.xml'),
      `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru"><title>A</title>
       <entry><title>Атом</title><link href="https://atom.kz/1"/><published>2025-11-04T08:00:00Z</published>
       <content type="html">&lt;p&gt;${articleText(30)}&lt;/p&gt;</content></entry></feed>`,
    );
    writeFileSync(
      join(d, 'broken.rss'),
      '<?xml version="1.0"?>\n<rss><channel>\n<item><title>x</title>\n</channel></rss>',
    );
    const errors: string[] = [];
    const s = await ingest([d], {
      db,
      stages: [],
      workers: 0,
      onError: (e) => errors.push(`${e.code} ${e.file}:${e.line ?? ''}`),
    });
    expect(s.inserted).toBe(3 + 2 + 1 + 2 + 1);
    expect(s.failed).toBe(6);
    expect(s.fatal).toBeNull();
    const codes = Object.fromEntries(s.errorCodes.map((c) => [c.code, c.count]));
    expect(codes).toEqual({
      E_JSONL_PARSE: 1,
      E_JSONL_RECORD: 1,
      E_HTML_PARSE: 1,
      E_HTML_EMPTY: 1,
      E_BINARY: 1,
      E_FEED_XML: 1,
    });
    expect(errors).toContain(`E_JSONL_PARSE ${join(d, 'news.jsonl')}:2`);
    expect(errors).toContain(`E_FEED_XML ${join(d, 'broken.rss')}:4`);

    const store = await SqliteStore.open(db);
    const stored = await store.listErrors();
    expect(stored).toHaveLength(6);
    expect(stored.find((e) => e.code === 'E_FEED_XML')!.message).toMatch(/broken XML/);
    const page = (await store.search('транспортной инфраструктуры'))[0]!;
    expect(page.title).toBe('Заголовок страницы');
    expect(page.date).toBe('2025-11-05');
    expect(page.lang).toBe('ru');
    const item = (await store.search('Первая'))[0]!;
    expect(item.url).toBe('https://feed.kz/1');
    expect(item.date).toBe('2025-11-06');
    expect((await store.search('Атом'))[0]!.date).toBe('2025-11-04');
    await store.close();
  });

  it('is idempotent, and re-extracts when the pipeline version changes', async () => {
    const { dir: d, db } = fresh('idem');
    writeArticles(d, 12);
    const first = await ingest([d], { db, stages: [], workers: 0 });
    expect([first.inserted, first.skipped]).toEqual([12, 0]);
    const again = await ingest([d], { db, stages: [], workers: 0 });
    expect([again.inserted, again.replaced, again.skipped]).toEqual([0, 0, 12]);
    const upgraded = await ingest([d], { db, stages: ['segment'], workers: 0 });
    expect([upgraded.inserted, upgraded.replaced, upgraded.skipped]).toEqual([0, 12, 0]);
    const store = await SqliteStore.open(db);
    const stats = await store.stats();
    expect(stats.documents).toBe(12);
    expect(stats.sentences).toBeGreaterThan(12);
    expect(stats.pipelineVersions).toEqual([{ version: upgraded.pipelineVersion, count: 12 }]);
    await store.close();
  });

  it('extracts in worker threads with the pipeline and finds words by lemma', async () => {
    const { dir: d, db } = fresh('workers');
    writeArticles(d, 6);
    writeFileSync(
      join(d, 'meet.txt'),
      ' date 2025-11-07 Президент Казахстана Касым-Жомарт Токаев провел переговоры с Дональдом Трампом в Вашингтоне.',
    );
    const s = await ingest([d], { db, workers: 2, stages: ['segment', 'langid', 'morph'] });
    expect([s.inserted, s.failed]).toEqual([7, 0]);
    const store = await SqliteStore.open(db);
    const hits = await store.search('Токаева переговорах', { highlight: ['[', ']'] });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.snippet).toMatch(/\[Токаев\]/);
    await store.close();
  });

  it('rejects an oversized record with its file and line, and stores the rest', async () => {
    const { dir: d, db } = fresh('huge');
    const file = join(d, 'huge.jsonl');
    const out = createWriteStream(file);
    out.write(JSON.stringify({ text: articleText(1) }) + '\n');
    out.write('{"text":"');
    const chunk = 'Очень длинный текст. '.repeat(50_000);
    for (let written = 0; written < 50 * 1024 * 1024; written += Buffer.byteLength(chunk)) out.write(chunk);
    out.write('"}\n');
    out.write(JSON.stringify({ text: articleText(2) }) + '\n');
    out.end();
    await once(out, 'finish');
    const errors: Array<{ code: string; line: number | null; message: string }> = [];
    const s = await ingest([file], { db, stages: [], workers: 0, onError: (e) => errors.push(e) });
    expect(s.inserted).toBe(2);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'E_DOC_TOO_LARGE', line: 2 });
    expect(errors[0]!.message).toMatch(/over the limit of 1,000,000/);
  }, 60_000);

  it('stops with a clear error when the disk is full, stays consistent, and a re-run finishes', async () => {
    const { dir: d, db } = fresh('full');
    writeArticles(d, 150);
    const s = await ingest([d], {
      db,
      stages: [],
      workers: 0,
      batchSize: 10,
      storeOptions: { maxPageCount: 120 },
    });
    expect(s.fatal?.code).toBe('E_DB_FULL');
    expect(s.fatal?.message).toMatch(/full.*run the same command again/s);
    const stored = countDocs(db);
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(150);
    expect(stored % 10).toBe(0);
    expect(await integrity(db)).toEqual([]);
    const rerun = await ingest([d], { db, stages: [], workers: 0 });
    expect([rerun.inserted, rerun.skipped, rerun.failed]).toEqual([150 - stored, stored, 0]);
    expect(countDocs(db)).toBe(150);
  });

  it('streams a 200 MB JSON Lines file in bounded memory', async () => {
    const { dir: d, db } = fresh('stream');
    const file = join(d, 'big.jsonl');
    const out = createWriteStream(file);
    const line = JSON.stringify({ id: 'same-article', text: `${LONG_ARTICLE} `.repeat(8) }) + '\n';
    const lines = Math.ceil((200 * 1024 * 1024) / Buffer.byteLength(line));
    for (let i = 0; i < lines; i++) if (!out.write(line)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    // 96 MB of heap cannot hold the 200 MB file: reading it whole would crash.
    const { done } = cli(['ingest', file, '--db', db, '--stages', 'none', '--workers', '0', '--quiet'], {
      heapMb: 96,
    });
    const r = await done;
    expect(r.stderr).toMatch(/1 new, 0 re-extracted, \d+ already stored, 0 failed/);
    expect(r.code).toBe(0);
    rmSync(file);
  }, 60_000);
});

describe('ingest processes', () => {
  it('survives kill -9 mid-run: consistent, and a re-run stores the rest with nothing doubled', async () => {
    const { dir: d, db } = fresh('kill');
    writeArticles(d, 400);
    const { child, done } = cli([
      'ingest',
      d,
      '--db',
      db,
      '--stages',
      'none',
      '--workers',
      '1',
      '--batch-size',
      '20',
      '--quiet',
    ]);
    const t0 = Date.now();
    while (countDocs(db) < 40 && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 10));
    process.kill(-child.pid!, 'SIGKILL');
    const r = await done;
    expect(r.signal).toBe('SIGKILL');
    const partial = countDocs(db);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(400);
    expect(await integrity(db)).toEqual([]);
    const rerun = await ingest([d], { db, stages: [], workers: 0 });
    expect(rerun.inserted + rerun.skipped).toBe(400);
    expect(rerun.skipped).toBe(partial);
    const raw = openRaw(db);
    expect(
      raw.prepare('SELECT COUNT(*), COUNT(DISTINCT id), COUNT(DISTINCT source) FROM documents').raw().get(),
    ).toEqual([400, 400, 400]);
    raw.close();
    expect(await integrity(db)).toEqual([]);
  }, 60_000);

  it('survives kill -9 with entities and events: the result equals an uninterrupted run', async () => {
    const { dir: d, db } = fresh('kill-events');
    const leaders = [
      ['Касым-Жомарт Токаев', 'Дональдом Трампом'],
      ['Владимир Путин', 'Касым-Жомартом Токаевым'],
      ['Шавкат Мирзиёев', 'Владимиром Путиным'],
      ['Дональд Трамп', 'Владимиром Путиным'],
    ];
    // Enough documents that the run cannot finish between two polls of the count below.
    const total = 80;
    for (let i = 0; i < total; i++) {
      const [a, b] = leaders[i % leaders.length]!;
      const day = String(1 + (i % 12)).padStart(2, '0');
      writeFileSync(
        join(d, `e${String(i).padStart(3, '0')}.txt`),
        ` date 2025-10-${day} ${a} провел переговоры с ${b} в столице ${day} октября. ${articleText(100 + i)}`,
      );
    }
    const { child, done } = cli(['ingest', d, '--db', db, '--workers', '1', '--batch-size', '2', '--quiet']);
    const t0 = Date.now();
    while (countDocs(db) < 4 && Date.now() - t0 < 40_000) await new Promise((r) => setTimeout(r, 10));
    if (child.exitCode !== null)
      throw new Error(`the ingest ended before it could be killed: ${(await done).stderr}`);
    process.kill(-child.pid!, 'SIGKILL');
    await done;
    expect(countDocs(db)).toBeLessThan(total);
    const rerun = await ingest([d], { db, workers: 1 });
    expect(rerun.inserted + rerun.skipped).toBe(total);
    const clean = `${db}.clean.db`;
    await ingest([d], { db: clean, workers: 1 });
    const count = (path: string) => {
      const raw = openRaw(path);
      const row = raw
        .prepare(
          `SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM sentences), (SELECT COUNT(*) FROM mentions),
                  (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM event_mentions),
                  (SELECT SUM(num_mentions) FROM events), (SELECT COUNT(DISTINCT doc || '/' || doc_event_id) FROM event_mentions)`,
        )
        .raw()
        .get() as number[];
      raw.close();
      return row;
    };
    const resumed = count(db);
    expect(resumed).toEqual(count(clean));
    expect(resumed[4]).toBeGreaterThan(0);
    expect(resumed[4]).toBe(resumed[5]);
    expect(resumed[4]).toBe(resumed[6]);
    expect(await integrity(db)).toEqual([]);
  }, 60_000);

  it('lets two ingests run on one database at once', async () => {
    const { dir: d, db } = fresh('concurrent');
    writeArticles(d, 300);
    const args = [
      'ingest',
      d,
      '--db',
      db,
      '--stages',
      'none',
      '--workers',
      '1',
      '--batch-size',
      '10',
      '--quiet',
    ];
    const [a, b] = await Promise.all([cli(args).done, cli(args).done]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(countDocs(db)).toBe(300);
    const stored = (s: string) => Number(/(\d+) new/.exec(s)?.[1]);
    expect(stored(a.stderr) + stored(b.stderr)).toBe(300);
    expect(await integrity(db)).toEqual([]);
  }, 60_000);
});
