/**
 * One benchmark job = one system on one corpus, measured in a fresh process so that its peak memory is
 * its own. The same functions run in-process when forking is not possible.
 */
import { countWords } from '../eval/text.js';
import { loadCorpus, piecesOf, stressDocs, type Article, type CorpusName } from './corpus.js';

export type SystemName = 'floor' | 'text' | 'full' | 'compromise' | 'wink';

export type Job =
  | { kind: 'system'; system: SystemName; stages?: string[]; corpus: CorpusName; data: string; docs?: number }
  | { kind: 'kb' }
  | { kind: 'stress'; data: string; stages?: string[] };

/**
 * Throughput and latency of one pass over a list of articles. Throughput is per CPU-second of the
 * process, so that it stays a per-core figure when other processes share the machine; latencies are
 * wall-clock.
 */
export interface Timing {
  articles: number;
  words: number;
  chars: number;
  /** Wall-clock seconds spent in the system (sum of per-article times). */
  seconds: number;
  /** CPU seconds the process used meanwhile (user + system): what "per core" means on a shared machine. */
  cpuSeconds: number;
  /** Articles and words per CPU-second. */
  articlesPerSec: number;
  wordsPerSec: number;
  /** Articles per wall-clock second (lower than the above when other processes compete for the CPU). */
  wallArticlesPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface SystemResult {
  system: SystemName;
  corpus: CorpusName;
  stages: string[] | null;
  version: string | null;
  /** Building the system: loading dictionaries, models, the KB. */
  loadMs: number;
  natural: Timing;
  /** The same over ~1 KB pieces (1,024 characters). */
  kb1: Timing;
  /** Resident memory after the corpus was read, before the system was built. */
  baseRssMb: number;
  peakRssMb: number;
}

export interface KbResult {
  loadMs: number | null;
  entities: number | null;
  note: string | null;
}

export interface StressResult {
  namesListMs: number;
  namesListEntities: number;
  longSentenceMs: number;
  longSentenceTokens: number;
}

const TEXT_LAYER = ['segment', 'langid', 'morph'];

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/**
 * Runs `fn` on every article once, timing each call.
 *
 * @example measure((t) => t.length, [{ id: 'a', text: 'x' }]).articles // 1
 */
export function measure(fn: (text: string) => unknown, articles: readonly Article[]): Timing {
  const lat: number[] = new Array<number>(articles.length);
  let words = 0;
  let chars = 0;
  let total = 0;
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < articles.length; i++) {
    const t = articles[i]!.text;
    const t0 = performance.now();
    fn(t);
    const dt = performance.now() - t0;
    lat[i] = dt;
    total += dt;
    words += countWords(t);
    chars += t.length;
  }
  const cpu = process.cpuUsage(cpu0);
  const sorted = [...lat].sort((a, b) => a - b);
  const seconds = total / 1000;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const r = (x: number, d = 1): number => Math.round(x * 10 ** d) / 10 ** d;
  return {
    articles: articles.length,
    words,
    chars,
    seconds: r(seconds, 3),
    cpuSeconds: r(cpuSeconds, 3),
    articlesPerSec: cpuSeconds > 0 ? r(articles.length / cpuSeconds) : 0,
    wordsPerSec: cpuSeconds > 0 ? Math.round(words / cpuSeconds) : 0,
    wallArticlesPerSec: seconds > 0 ? r(articles.length / seconds) : 0,
    p50Ms: r(quantile(sorted, 0.5), 3),
    p99Ms: r(quantile(sorted, 0.99), 3),
    maxMs: r(sorted[sorted.length - 1] ?? 0, 3),
  };
}

/** `n` articles, looping the list when `n` is larger than it. */
export function take(list: readonly Article[], n: number | undefined): Article[] {
  if (n === undefined || list.length === 0) return [...list];
  const out: Article[] = [];
  for (let i = 0; i < n; i++) out.push(list[i % list.length]!);
  return out;
}

const mb = (bytes: number): number => Math.round(bytes / 1024 / 102.4) / 10;
const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 102.4) / 10;

async function buildSystem(
  system: SystemName,
  stages: string[] | undefined,
): Promise<{ run: (text: string) => unknown; stages: string[] | null; version: string | null }> {
  if (system === 'compromise' || system === 'wink') {
    const { loadCompromise, loadWink } = await import('../eval/peers.js');
    const peer = system === 'compromise' ? await loadCompromise() : await loadWink();
    return { run: (t) => peer.spans(t), stages: null, version: peer.version };
  }
  const { createPipeline, DEFAULT_STAGES } = await import('../src/pipeline/pipeline.js');
  const names =
    system === 'floor' ? ['segment'] : system === 'text' ? TEXT_LAYER : (stages ?? [...DEFAULT_STAGES]);
  const pipeline = await createPipeline({ stages: names });
  return { run: (t) => pipeline.process({ text: t }), stages: [...pipeline.stageNames], version: null };
}

/** Runs one job and returns its result (a JSON-serialisable object). */
export async function runJob(job: Job): Promise<SystemResult | KbResult | StressResult> {
  if (job.kind === 'kb') return runKb();
  if (job.kind === 'stress') return runStress(job.data, job.stages);
  const corpus = loadCorpus(job.data, job.corpus);
  const natural = take(corpus, job.docs);
  const pieces = take(piecesOf(corpus), job.docs);
  const baseRssMb = mb(process.memoryUsage().rss);
  const t0 = performance.now();
  const sys = await buildSystem(job.system, job.stages);
  const loadMs = Math.round(performance.now() - t0);
  // Steady state, as in a long-running process: one untimed pass warms the JIT and the per-form caches,
  // so that the natural and the 1 KB passes (same texts, cut differently) are measured alike.
  for (const a of natural) sys.run(a.text);
  const nat = measure(sys.run, natural);
  const kb1 = measure(sys.run, pieces);
  return {
    system: job.system,
    corpus: job.corpus,
    stages: sys.stages,
    version: sys.version,
    loadMs,
    natural: nat,
    kb1,
    baseRssMb,
    peakRssMb: peakRssMb(),
  };
}

async function runKb(): Promise<KbResult> {
  let mod: { loadKb?: () => Promise<{ stats?: () => { total: number } }> };
  try {
    mod = (await import(new URL('../src/kb/kb.ts', import.meta.url).href)) as typeof mod;
  } catch (err) {
    return {
      loadMs: null,
      entities: null,
      note: `no KB module to load (${(err as Error).message.split('\n')[0]})`,
    };
  }
  if (typeof mod.loadKb !== 'function')
    return { loadMs: null, entities: null, note: 'src/kb/kb.ts has no loadKb yet' };
  const t0 = performance.now();
  try {
    const kb = await mod.loadKb();
    const loadMs = Math.round(performance.now() - t0);
    return { loadMs, entities: kb.stats ? kb.stats().total : null, note: null };
  } catch (err) {
    return { loadMs: null, entities: null, note: `loadKb failed: ${(err as Error).message}` };
  }
}

async function runStress(data: string, stages?: string[]): Promise<StressResult> {
  const ru = loadCorpus(data, 'ru');
  const docs = stressDocs(data, ru);
  const { createPipeline } = await import('../src/pipeline/pipeline.js');
  const pipeline = await createPipeline(stages ? { stages } : {});
  pipeline.process({ text: ru[0]?.text ?? 'Текст.' });
  let t0 = performance.now();
  const a = pipeline.process({ text: docs.names });
  const namesListMs = Math.round(performance.now() - t0);
  t0 = performance.now();
  const b = pipeline.process({ text: docs.sentence });
  const longSentenceMs = Math.round(performance.now() - t0);
  return {
    namesListMs,
    namesListEntities: a.entities.length,
    longSentenceMs,
    longSentenceTokens: b.tokens.length,
  };
}
