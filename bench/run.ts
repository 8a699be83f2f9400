/**
 * `annalist bench`: throughput, latency and memory of our pipeline (tokenize-only floor, text layer,
 * full default pipeline) and of the peers (compromise, wink-nlp) on the same real news texts, each job
 * in its own process, one at a time, so that figures are per core and peak memory is per system.
 */
import { fork } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dataDir } from '../eval/paths.js';
import { gitCommit } from '../eval/results.js';
import { corpusStats, loadCorpus, piecesOf, type CorpusName } from './corpus.js';
import {
  runJob,
  type Job,
  type KbResult,
  type StressResult,
  type SystemName,
  type SystemResult,
} from './jobs.js';

export interface BenchOptions {
  data?: string;
  /** Articles per measured pass (the corpus is looped when larger); default: the whole corpus once. */
  docs?: number;
  /** Stages of the "full" configuration (default: the pipeline's default stages). */
  stages?: string[];
  /** Run every job in this process (peak memory is then cumulative). */
  inProcess?: boolean;
  /** Leave out compromise and wink-nlp. */
  noPeers?: boolean;
  /** Leave out the stress documents. */
  noStress?: boolean;
  /** Per-job time limit in seconds (default 600). */
  timeoutSec?: number;
}

export interface Targets {
  textLayerArticlesPerSec: { target: number; ru: number | null; en: number | null; met: boolean };
  textLayerVsFloor: { target: number; ru: number | null; en: number | null; met: boolean };
  fullArticlesPerSec: { target: number; ru: number | null; en: number | null; met: boolean };
  textLayerPeakRssMb: { target: number; value: number | null; met: boolean };
  fullPeakRssMb: { target: number; value: number | null; met: boolean };
}

export interface BenchReport {
  date: string;
  commit: string;
  machine: { cpus: number; cpu: string; node: string; platform: string; loadAverage: number[] };
  inProcess: boolean;
  corpora: Partial<
    Record<CorpusName, { articles: number; chars: number; bytes: number; words: number; pieces: number }>
  >;
  results: SystemResult[];
  /** Our full pipeline's throughput divided by each other system's (above 1: we are faster). */
  ratios: Record<string, { natural: number | null; kb1: number | null }>;
  targets: Targets;
  kb: KbResult | { loadMs: null; entities: null; note: string };
  stress: StressResult | { error: string } | null;
  notes: string[];
}

const LABELS: Record<SystemName, string> = {
  floor: 'tokenize-only floor',
  text: 'text layer',
  full: 'full pipeline',
  compromise: 'compromise',
  wink: 'wink-nlp',
};

function runInChild<T>(job: Job, timeoutSec: number): Promise<T> {
  const worker = fileURLToPath(new URL('./worker.ts', import.meta.url));
  return new Promise<T>((resolve, reject) => {
    const child = fork(worker, [], {
      execArgv: process.execArgv,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      child.kill('SIGKILL');
      reject(new Error(`did not finish within ${timeoutSec} s (stopped)`));
    }, timeoutSec * 1000);
    child.once('message', (msg: { ok: boolean; result?: T; error?: string }) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (msg.ok) resolve(msg.result as T);
      else reject(new Error(msg.error ?? 'the job failed'));
    });
    child.once('error', (err) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      reject(err);
    });
    child.once('exit', (code) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      reject(new Error(`the worker exited with code ${code} before answering`));
    });
    child.send(job);
  });
}

const ratio = (a: number | undefined, b: number | undefined): number | null =>
  a && b ? Math.round((a / b) * 100) / 100 : null;

/**
 * Runs the whole benchmark. `progress` hears a line before each job.
 *
 * @example const report = await runBench({ docs: 200 });
 */
export async function runBench(
  opts: BenchOptions = {},
  progress: (line: string) => void = () => {},
): Promise<BenchReport> {
  const data = dataDir(opts.data);
  const timeout = opts.timeoutSec ?? 600;
  const exec = <T>(job: Job): Promise<T> =>
    opts.inProcess ? (runJob(job) as Promise<T>) : runInChild<T>(job, timeout);
  const notes: string[] = [];
  const loadBefore = loadavg().map((x) => Math.round(x * 100) / 100);
  const corpora: BenchReport['corpora'] = {};
  for (const c of ['ru', 'en'] as const) {
    const arts = loadCorpus(data, c);
    corpora[c] = { ...corpusStats(arts), pieces: piecesOf(arts).length };
  }
  const plan: Array<{ system: SystemName; corpus: CorpusName }> = [
    { system: 'floor', corpus: 'ru' },
    { system: 'text', corpus: 'ru' },
    { system: 'full', corpus: 'ru' },
    { system: 'floor', corpus: 'en' },
    { system: 'text', corpus: 'en' },
    { system: 'full', corpus: 'en' },
  ];
  if (!opts.noPeers) plan.push({ system: 'compromise', corpus: 'en' }, { system: 'wink', corpus: 'en' });
  const results: SystemResult[] = [];
  for (const p of plan) {
    progress(`${LABELS[p.system]} on ${p.corpus === 'ru' ? 'Russian' : 'English'} news…`);
    try {
      results.push(
        await exec<SystemResult>({
          kind: 'system',
          system: p.system,
          corpus: p.corpus,
          data,
          docs: opts.docs,
          stages: opts.stages,
        }),
      );
    } catch (err) {
      notes.push(`${LABELS[p.system]} on ${p.corpus}: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  progress('KB load…');
  let kb: BenchReport['kb'];
  try {
    kb = await exec<KbResult>({ kind: 'kb' });
  } catch (err) {
    kb = { loadMs: null, entities: null, note: (err as Error).message.split('\n')[0]! };
  }
  let stress: BenchReport['stress'] = null;
  if (!opts.noStress) {
    progress('stress documents (5,000 names; a 5,000-word sentence)…');
    try {
      stress = await exec<StressResult>({ kind: 'stress', data, stages: opts.stages });
    } catch (err) {
      stress = { error: (err as Error).message.split('\n')[0]! };
    }
  }
  const get = (s: SystemName, c: CorpusName): SystemResult | undefined =>
    results.find((r) => r.system === s && r.corpus === c);
  const ratios: BenchReport['ratios'] = {};
  for (const c of ['ru', 'en'] as const) {
    const full = get('full', c);
    for (const other of ['floor', 'text', 'compromise', 'wink'] as const) {
      const o = get(other, c);
      if (!full || !o) continue;
      ratios[`full/${other} (${c})`] = {
        natural: ratio(full.natural.articlesPerSec, o.natural.articlesPerSec),
        kb1: ratio(full.kb1.articlesPerSec, o.kb1.articlesPerSec),
      };
    }
    const text = get('text', c);
    const floor = get('floor', c);
    if (text && floor) {
      ratios[`text/floor (${c})`] = {
        natural: ratio(text.natural.articlesPerSec, floor.natural.articlesPerSec),
        kb1: ratio(text.kb1.articlesPerSec, floor.kb1.articlesPerSec),
      };
    }
  }
  const slow = (c: CorpusName): number | null => {
    const t = get('text', c);
    const f = get('floor', c);
    return t && f ? Math.round((f.kb1.articlesPerSec / t.kb1.articlesPerSec) * 100) / 100 : null;
  };
  const aps = (s: SystemName, c: CorpusName): number | null => get(s, c)?.kb1.articlesPerSec ?? null;
  const peak = (s: SystemName): number | null => {
    const v = results.filter((r) => r.system === s).map((r) => r.peakRssMb);
    return v.length ? Math.max(...v) : null;
  };
  const atLeast = (t: number, ...v: Array<number | null>): boolean => v.every((x) => x !== null && x >= t);
  const atMost = (t: number, ...v: Array<number | null>): boolean => v.every((x) => x !== null && x <= t);
  const targets: Targets = {
    textLayerArticlesPerSec: {
      target: 2000,
      ru: aps('text', 'ru'),
      en: aps('text', 'en'),
      met: atLeast(2000, aps('text', 'ru'), aps('text', 'en')),
    },
    textLayerVsFloor: { target: 5, ru: slow('ru'), en: slow('en'), met: atMost(5, slow('ru'), slow('en')) },
    fullArticlesPerSec: {
      target: 1000,
      ru: aps('full', 'ru'),
      en: aps('full', 'en'),
      met: atLeast(1000, aps('full', 'ru'), aps('full', 'en')),
    },
    textLayerPeakRssMb: { target: 300, value: peak('text'), met: atMost(300, peak('text')) },
    fullPeakRssMb: { target: 500, value: peak('full'), met: atMost(500, peak('full')) },
  };
  if (opts.inProcess) notes.push('run in one process: peak memory figures are cumulative, not per system');
  const busy = Math.max(loadBefore[0] ?? 0, loadavg()[0] ?? 0);
  if (busy > cpus().length * 0.75) {
    notes.push(
      `the machine was busy (load average ${busy.toFixed(1)} on ${cpus().length} cores) while measuring: throughput is counted per CPU-second, which other processes do not inflate, but latencies and shared caches suffer, so read the figures as lower bounds`,
    );
  }
  return {
    date: new Date().toISOString().slice(0, 10),
    commit: gitCommit(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? '?',
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      loadAverage: loadBefore,
    },
    inProcess: !!opts.inProcess,
    corpora,
    results,
    ratios,
    targets,
    kb,
    stress,
    notes,
  };
}

const n0 = (x: number): string => Math.round(x).toLocaleString('en-US');
const n1 = (x: number): string => x.toFixed(x >= 100 ? 0 : x >= 10 ? 1 : 2);

/** The report as a text table and a few lines. */
export function formatBench(r: BenchReport): string[] {
  const lines: string[] = [];
  lines.push(
    `annalist bench — ${r.date}, commit ${r.commit}; ${r.machine.cpu} (${r.machine.cpus} cores), Node ${r.machine.node}`,
  );
  lines.push(
    'Every figure is per core: one process, one job at a time; throughput is per CPU-second of that process, latency is wall-clock.',
  );
  for (const [c, s] of Object.entries(r.corpora)) {
    lines.push(
      `${c === 'ru' ? 'Russian' : 'English'} news: ${n0(s.articles)} articles, ${n0(s.words)} words, ${(s.bytes / 1e6).toFixed(1)} MB; ${n0(s.pieces)} pieces of ~1 KB (1,024 characters)`,
    );
  }
  lines.push('');
  const head = [
    'system',
    'news',
    'articles/s',
    'words/s',
    'p50 ms',
    'p99 ms',
    '1 KB art/s',
    '1 KB p99 ms',
    'load ms',
    'peak RSS MB',
    'full ×',
  ];
  const rows = r.results.map((x) => {
    const key = x.system === 'full' ? null : `full/${x.system} (${x.corpus})`;
    const rat = key ? r.ratios[key]?.kb1 : null;
    return [
      LABELS[x.system] + (x.version ? ` ${x.version.split(' ')[0]}` : ''),
      x.corpus,
      n0(x.natural.articlesPerSec),
      n0(x.natural.wordsPerSec),
      n1(x.natural.p50Ms),
      n1(x.natural.p99Ms),
      n0(x.kb1.articlesPerSec),
      n1(x.kb1.p99Ms),
      n0(x.loadMs),
      x.peakRssMb.toFixed(0),
      rat ? `${rat.toFixed(2)}×` : '',
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const fmt = (cells: string[]): string =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  lines.push(fmt(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(fmt));
  lines.push(
    '"full ×": our full pipeline\'s 1 KB throughput divided by that row\'s (above 1: we are faster).',
  );
  if (r.results.length) {
    const base = r.results.map((x) => x.baseRssMb);
    lines.push(
      `Peak RSS includes ${Math.min(...base).toFixed(0)}–${Math.max(...base).toFixed(0)} MB present before each system was built (Node, tsx, the corpus in memory).`,
    );
  }
  lines.push('');
  const t = r.targets;
  const mark = (m: boolean): string => (m ? 'met' : 'NOT met');
  const v = (x: number | null): string => (x === null ? '—' : n0(x));
  lines.push('Targets (1 KB articles, per core):');
  lines.push(
    `  text layer ≥ 2,000 articles/s: ru ${v(t.textLayerArticlesPerSec.ru)}, en ${v(t.textLayerArticlesPerSec.en)} — ${mark(t.textLayerArticlesPerSec.met)}`,
  );
  lines.push(
    `  text layer within 5× of the tokenize-only floor: ru ${t.textLayerVsFloor.ru ?? '—'}×, en ${t.textLayerVsFloor.en ?? '—'}× — ${mark(t.textLayerVsFloor.met)}`,
  );
  lines.push(
    `  full pipeline ≥ 1,000 articles/s: ru ${v(t.fullArticlesPerSec.ru)}, en ${v(t.fullArticlesPerSec.en)} — ${mark(t.fullArticlesPerSec.met)}`,
  );
  lines.push(
    `  peak memory: text layer ${v(t.textLayerPeakRssMb.value)} MB (< 300) — ${mark(t.textLayerPeakRssMb.met)}; full ${v(t.fullPeakRssMb.value)} MB (< 500) — ${mark(t.fullPeakRssMb.met)}`,
  );
  const full = r.results.find((x) => x.system === 'full');
  if (full?.stages) lines.push(`  (full pipeline = ${full.stages.join(', ')})`);
  lines.push('');
  lines.push(
    r.kb.loadMs !== null
      ? `KB load: ${r.kb.loadMs} ms (${r.kb.entities ?? '?'} entities), fresh process`
      : `KB load: skipped — ${r.kb.note}`,
  );
  if (r.stress) {
    if ('error' in r.stress) lines.push(`Stress: ${r.stress.error}`);
    else {
      lines.push(
        `Stress: a list of 5,000 names in ${n0(r.stress.namesListMs)} ms (${r.stress.namesListEntities} entities); ` +
          `one 5,000-word sentence (${n0(r.stress.longSentenceTokens)} tokens) in ${n0(r.stress.longSentenceMs)} ms`,
      );
    }
  }
  for (const n of r.notes) lines.push(`Note: ${n}`);
  return lines;
}

/** The benchmark as a Markdown section for docs/RESULTS.md. */
export function benchMarkdown(r: BenchReport): string {
  const out = [
    '## Speed and memory (`npm run bench`)',
    '',
    `Measured on ${r.date} at commit \`${r.commit}\` on ${r.machine.cpu} (${r.machine.cpus} cores), Node ${r.machine.node};`,
    'every figure is per core (one process, one job at a time; throughput per CPU-second of that process, latency',
    'wall-clock), over the real Russian news of `../shared/data` and the CoNLL-2003 English texts, after one untimed',
    'warm-up pass; "1 KB" articles are pieces of ~1,024 characters.',
    '',
    '| system | news | articles/s | words/s | p50 ms | p99 ms | 1 KB articles/s | peak RSS MB | our full pipeline, × |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const x of r.results) {
    const rat = x.system === 'full' ? null : r.ratios[`full/${x.system} (${x.corpus})`]?.kb1;
    out.push(
      `| ${LABELS[x.system]}${x.version ? ` ${x.version.split(' ')[0]}` : ''} | ${x.corpus} | ${n0(x.natural.articlesPerSec)} | ${n0(x.natural.wordsPerSec)} | ${n1(x.natural.p50Ms)} | ${n1(x.natural.p99Ms)} | ${n0(x.kb1.articlesPerSec)} | ${x.peakRssMb.toFixed(0)} | ${rat ? `${rat.toFixed(2)}×` : ''} |`,
    );
  }
  out.push(
    '',
    "The last column is our full pipeline's 1 KB throughput divided by that row's (above 1: we are faster).",
    ...formatBench(r).filter((l) => l.startsWith('Peak RSS')),
    '',
  );
  out.push(
    'Targets, on 1 KB articles per core:',
    '',
    ...formatBench(r)
      .filter(
        (l) =>
          l.startsWith('  ') || l.startsWith('KB load') || l.startsWith('Stress') || l.startsWith('Note'),
      )
      .map((l) => `- ${l.trim()}`),
  );
  return out.join('\n');
}
