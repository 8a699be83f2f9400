import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isValidDate } from '../../ingest/formats.js';
import { loadKb, type Kb } from '../../kb/kb.js';
import { nameKeys, tokenKeyWords, type Lemmatizer } from '../../kb/keys.js';
import { checkRecords, defaultLemmatizer, formatDiagnostic, packKb, readKbJsonl } from '../../kb/pack.js';
import { resolveTitleWords } from '../../kb/titles.js';
import type { EntityType, KbDiagnostic, KbEntity } from '../../kb/types.js';
import { importWikidata, type WikidataProgress } from '../../kb/wikidata.js';
import { println, registerCommand, type CommandContext } from '../command.js';

const USAGE = `Usage: annalist kb <stats|lookup|check|import-wikidata> [options]

  kb stats [--format text|json]
      counts of KB entities by type
  kb lookup TEXT [--lang ru|en|kk] [--date YYYY-MM-DD] [--format text|json]
      the entities a name, a title ("Президент США") or an adjective resolves to, best first,
      each with its reason; without --date, titles resolve to current holders
  kb check [--dir DIR] [--lexicon DIR] [--user-kb FILE]
      checks the KB sources (default data/kb and data/lexicon of a checkout) and the user KB;
      with --user-kb alone, only that file
  kb import-wikidata DUMP [--out FILE] [--limit N] [--include-shipped]
      streams a Wikidata JSON dump (.json, .json.gz, .json.bz2 or one entity per line) and adds
      humans, organizations, countries, cities and treaties to a user KB (default
      ~/.annalist/kb-user.jsonl); run it again to resume

Common options:
  --user-kb FILE   user KB layered over the shipped one (default ~/.annalist/kb-user.jsonl when it
                   exists; "none" for the shipped KB alone)`;

/** Where a user KB lives unless told otherwise. */
export function defaultUserKbPath(): string {
  return path.join(os.homedir(), '.annalist', 'kb-user.jsonl');
}

function userKbOf(value: string | undefined): string | undefined {
  if (value === 'none' || value === '') return undefined;
  if (value) return value;
  const def = defaultUserKbPath();
  return existsSync(def) ? def : undefined;
}

/** The package root (where data/ lives in a checkout). */
function packageRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
}

function fail(stderr: NodeJS.WritableStream, message: string): number {
  println(stderr, `annalist kb: ${message}`);
  return 2;
}

async function stats(ctx: CommandContext, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'text' }, 'user-kb': { type: 'string' } },
  });
  if (positionals.length) return fail(ctx.stderr, `stats takes no arguments\n\n${USAGE}`);
  if (values.format !== 'text' && values.format !== 'json')
    return fail(ctx.stderr, '--format must be text or json');
  const kb = await loadKb({ userKb: userKbOf(values['user-kb']) });
  const s = kb.stats();
  if (values.format === 'json') {
    println(ctx.stdout, JSON.stringify(s));
    return 0;
  }
  for (const [type, n] of Object.entries(s.byType)) println(ctx.stdout, `${type.padEnd(11)} ${n}`);
  println(ctx.stdout, `${'total'.padEnd(11)} ${s.total}`);
  return 0;
}

/** One answer of `kb lookup`. */
export interface LookupCandidate {
  id: string;
  name: string;
  type: EntityType;
  country: string | null;
  reason: 'handle' | 'title+country+date' | 'alias' | 'lemma alias' | 'metonymy' | 'adjective';
  detail: string;
}

/**
 * What `kb lookup` prints: the candidates a text resolves to, best first — a handle, the holders
 * of a title, entities named by an alias or a lemma alias (each followed by the country it stands
 * for by metonymy), the country of an adjective.
 *
 * @example lookupText(kb, 'Президент США', { lang: 'ru', date: '2025-11-07', lemmatize })[0]?.name // 'Donald Trump'
 */
export function lookupText(
  kb: Kb,
  text: string,
  options: { lang: string; date?: string; lemmatize?: Lemmatizer },
): LookupCandidate[] {
  const out: LookupCandidate[] = [];
  const seen = new Set<string>();
  const add = (e: KbEntity, reason: LookupCandidate['reason'], detail: string) => {
    if (seen.has(e.id)) return;
    seen.add(e.id);
    out.push({ id: e.id, name: e.name, type: e.type, country: e.country ?? e.iso3 ?? null, reason, detail });
  };
  const { lang, date, lemmatize } = options;
  const trimmed = text.trim();
  if (/^@\w+$/.test(trimmed)) {
    const e = kb.byHandle(trimmed);
    if (e) add(e, 'handle', trimmed);
  }
  const seq = tokenKeyWords(trimmed, lang, lemmatize);
  const title = resolveTitleWords(kb, seq, { lang, date: date ?? null });
  if (title) {
    const when = date ? `on ${date}` : 'now';
    const of = title.of
      ? `${title.role} of ${title.of}${title.ofVia ? ` (${title.ofVia})` : ''}`
      : `${title.role} of ?`;
    for (const h of title.holders)
      add(h.entity, 'title+country+date', `"${title.title.phrase}" → ${of} ${when}`);
  }
  if (title) {
    // "President Trump", "госсекретарь Рубио": a person named beside the title.
    const end = title.start + title.length;
    for (const m of kb.prefixIndex.scan(seq)) {
      if (m.start < end && m.start + m.length > title.start) continue;
      for (const id of m.values) {
        const e = kb.get(id);
        if (e?.type === 'PERSON') add(e, 'alias', `named beside the title "${title.title.phrase}"`);
      }
    }
  }
  const keys = nameKeys(trimmed, lang, lemmatize);
  const named: { e: KbEntity; reason: 'alias' | 'lemma alias'; detail: string }[] = [];
  for (const c of kb.lookup(keys.surface, lang)) {
    named.push({
      e: c.entity,
      reason: c.via === 'alias' ? 'alias' : 'lemma alias',
      detail: `${c.lang}: ${c.matched}`,
    });
  }
  const whole = kb.prefixIndex.matchesAt(seq, 0).find((m) => m.length === seq.length);
  for (const id of whole?.values ?? []) {
    const e = kb.get(id);
    if (e && !named.some((n) => n.e.id === id))
      named.push({ e, reason: 'lemma alias', detail: `lemmas: ${keys.lemma ?? keys.surface}` });
  }
  if (date) {
    // A person in office on the date is the likelier reading of a shared name.
    const active = (e: KbEntity) => (e.type === 'PERSON' && kb.activeOn(e, date) ? 0 : 1);
    named.sort((a, b) => (a.e.type === 'PERSON' && b.e.type === 'PERSON' ? active(a.e) - active(b.e) : 0));
  }
  for (const n of named) {
    add(n.e, n.reason, n.detail);
    const iso = kb.metonymOf(n.e.id);
    const country = iso ? kb.countryByIso3(iso) : undefined;
    if (country) {
      const how = kb.get(n.e.id)?.metonym_of ? 'seat of government of' : 'capital of';
      add(country, 'metonymy', `${n.e.name} → ${how} ${iso}`);
    }
  }
  const adjWords = new Set([
    keys.surface,
    ...(keys.lemma ? [keys.lemma] : []),
    ...(seq.length === 1 ? seq[0]! : []),
  ]);
  for (const w of adjWords) {
    const c = kb.countryByAdjective(w);
    if (c) add(c, 'adjective', `${w} → ${c.iso3}`);
  }
  return out;
}

async function lookup(ctx: CommandContext, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      lang: { type: 'string' },
      date: { type: 'string' },
      format: { type: 'string', default: 'text' },
      'user-kb': { type: 'string' },
    },
  });
  const text = positionals.join(' ').trim();
  if (!text) return fail(ctx.stderr, `lookup needs a TEXT\n\n${USAGE}`);
  if (values.format !== 'text' && values.format !== 'json')
    return fail(ctx.stderr, '--format must be text or json');
  if (values.date !== undefined && !isValidDate(values.date)) {
    return fail(ctx.stderr, `--date must be a real date as YYYY-MM-DD, not "${values.date}"`);
  }
  const lang = values.lang ?? (/\p{Script=Cyrillic}/u.test(text) ? 'ru' : 'en');
  const kb = await loadKb({ userKb: userKbOf(values['user-kb']) });
  const lemmatize = lang === 'ru' ? await defaultLemmatizer() : undefined;
  const candidates = lookupText(kb, text, { lang, date: values.date, lemmatize });
  if (values.format === 'json') {
    println(
      ctx.stdout,
      JSON.stringify({ query: text, lang, date: values.date ?? null, candidates }, null, 2),
    );
    return 0;
  }
  if (!candidates.length) {
    println(ctx.stdout, `no candidates for "${text}"`);
    return 0;
  }
  candidates.forEach((c, i) => {
    println(
      ctx.stdout,
      `${i + 1}. ${c.name} (${c.id}, ${c.type}${c.country ? `, ${c.country}` : ''}) — ${c.reason}: ${c.detail}`,
    );
  });
  return 0;
}

async function check(ctx: CommandContext, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { dir: { type: 'string' }, lexicon: { type: 'string' }, 'user-kb': { type: 'string' } },
  });
  if (positionals.length) return fail(ctx.stderr, `check takes no arguments\n\n${USAGE}`);
  const root = packageRoot();
  if (values.dir !== undefined && !existsSync(values.dir))
    return fail(ctx.stderr, `no such folder: ${values.dir}`);
  // An explicit --user-kb alone checks that file; the sources of a checkout are checked otherwise.
  const sourcesDefault = values['user-kb'] === undefined && existsSync(path.join(root, 'data', 'kb'));
  const dir = values.dir ?? (sourcesDefault ? path.join(root, 'data', 'kb') : undefined);
  const diagnostics: KbDiagnostic[] = [];
  let checked = 0;
  if (dir) {
    const lexicon = values.lexicon ?? path.join(path.dirname(dir), 'lexicon');
    const r = await packKb({ kbDir: dir, lexiconDir: lexicon });
    diagnostics.push(...r.diagnostics);
    checked += r.compiled.entities.length;
  }
  const userKb = userKbOf(values['user-kb']);
  if (userKb) {
    const kb = await loadKb();
    const records = await readKbJsonl(userKb, diagnostics);
    const ids: [string, EntityType][] = [...kb.entities()].map((e) => [e.id, e.type]);
    const countries = [...kb.entities()].filter((e) => e.type === 'COUNTRY' && e.iso3).map((e) => e.iso3!);
    checked += checkRecords(records, diagnostics, { ids, countries }).length;
  }
  if (!dir && !userKb)
    return fail(ctx.stderr, 'no KB sources here (data/kb) and no user KB; give --dir or --user-kb');
  for (const d of diagnostics) println(d.severity === 'error' ? ctx.stdout : ctx.stderr, formatDiagnostic(d));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  println(
    ctx.stderr,
    `annalist kb check: ${checked} record(s), ${errors} error(s), ${diagnostics.length - errors} warning(s)`,
  );
  return errors ? 1 : 0;
}

function fmtBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(0)} kB`;
  return `${n} B`;
}

async function importCmd(ctx: CommandContext, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      limit: { type: 'string' },
      'include-shipped': { type: 'boolean', default: false },
    },
  });
  const dump = positionals[0];
  if (!dump || positionals.length > 1)
    return fail(ctx.stderr, `import-wikidata needs one DUMP file\n\n${USAGE}`);
  if (!existsSync(dump)) return fail(ctx.stderr, `no such file: ${dump}`);
  let limit: number | undefined;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit <= 0)
      return fail(ctx.stderr, `--limit must be a positive integer, not "${values.limit}"`);
  }
  const out = values.out ?? defaultUserKbPath();
  const tty = (ctx.stderr as NodeJS.WriteStream).isTTY === true;
  const started = Date.now();
  let lastPlain = -1;
  const onProgress = (p: WikidataProgress) => {
    const frac = p.totalBytes ? Math.min(1, p.bytes / p.totalBytes) : 0;
    const pct = Math.floor(frac * 100);
    const secs = (Date.now() - started) / 1000;
    const info = `${pct}% ${fmtBytes(p.bytes)}/${fmtBytes(p.totalBytes)} · ${p.lines} lines · ${p.written} written · ${secs.toFixed(0)}s`;
    if (tty) {
      const width = 28;
      const filled = Math.round(frac * width);
      ctx.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${info}\u001b[K`);
    } else if (Math.floor(pct / 10) > lastPlain) {
      lastPlain = Math.floor(pct / 10);
      println(ctx.stderr, `annalist kb import-wikidata: ${info}`);
    }
  };
  const kb = await loadKb();
  let s;
  try {
    s = await importWikidata({ dump, out, limit, kb, includeShipped: values['include-shipped'], onProgress });
  } catch (err) {
    if (tty) ctx.stderr.write('\n');
    println(
      ctx.stderr,
      `annalist kb import-wikidata: cannot read ${dump}: ${(err as Error).message}; what was read so far is kept in ${out}, run again to resume`,
    );
    return 1;
  }
  if (tty) ctx.stderr.write('\n');
  const types = Object.entries(s.byType)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  println(
    ctx.stdout,
    `${s.written} record(s) written to ${out}${types ? ` (${types})` : ''}; ${s.entities} entities read, ` +
      `${s.malformed} malformed line(s) skipped, ${s.alreadyWritten} already in the file, ${s.inShippedKb} already in the shipped KB` +
      (s.limited ? `; stopped at --limit ${limit}` : ''),
  );
  return 0;
}

registerCommand({
  name: 'kb',
  summary: 'inspect, check and extend the knowledge base',
  usage: USAGE,
  async run(ctx) {
    const [sub, ...rest] = ctx.argv;
    switch (sub) {
      case 'stats':
        return stats(ctx, rest);
      case 'lookup':
        return lookup(ctx, rest);
      case 'check':
        return check(ctx, rest);
      case 'import-wikidata':
        return importCmd(ctx, rest);
      default:
        return fail(
          ctx.stderr,
          `${sub ? `unknown sub-command "${sub}"` : 'a sub-command is needed'}\n\n${USAGE}`,
        );
    }
  },
});
