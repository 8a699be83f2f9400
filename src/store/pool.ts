/**
 * A small pool of extraction worker threads. Jobs go to the least busy worker; a worker that dies
 * fails its jobs (their documents are reported, not lost silently) and is replaced.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocInput } from '../doc.js';
import { AnnalistError } from '../pipeline/errors.js';
import type { ExtractResult, Extractor, ExtractorConfig } from './extractor.js';

/** Runs extraction jobs somewhere (worker threads, or this thread). */
export interface ExtractionRunner {
  run(inputs: DocInput[]): Promise<ExtractResult[]>;
  close(): Promise<void>;
}

/** Extraction in the calling thread (`--workers 0`). */
export function inlineRunner(extract: Extractor): ExtractionRunner {
  return {
    run: async (inputs) => extract(inputs),
    close: async () => {},
  };
}

function spawn(config: ExtractorConfig): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    // Running from the TypeScript sources (tsx, vitest): the worker loads them through tsx's API.
    const target = new URL('./worker.ts', here).href;
    const tsxDir = dirname(createRequire(here).resolve('tsx/package.json'));
    const api = pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href;
    const code =
      `import(${JSON.stringify(api)}).then(({ tsImport }) => ` +
      `tsImport(${JSON.stringify(target)}, ${JSON.stringify(here)}))`;
    return new Worker(code, { eval: true, workerData: config });
  }
  return new Worker(new URL('./worker.js', here), { workerData: config });
}

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (r: ExtractResult[]) => void; reject: (e: Error) => void }>;
}

/**
 * Starts `n` workers and waits until each has loaded the pipeline. Throws `E_PIPELINE_LOAD` when
 * they cannot.
 *
 * @example const pool = await startWorkerPool(2, config); const results = await pool.run(inputs);
 */
export async function startWorkerPool(n: number, config: ExtractorConfig): Promise<ExtractionRunner> {
  const slots: Slot[] = [];
  let nextId = 1;
  let closing = false;

  const start = (): Promise<Slot> =>
    new Promise((resolve, reject) => {
      const slot: Slot = { worker: spawn(config), pending: new Map() };
      let ready = false;
      slot.worker.on(
        'message',
        (msg: { type: string; id?: number; results?: ExtractResult[]; message?: string }) => {
          if (msg.type === 'ready') {
            ready = true;
            resolve(slot);
          } else if (msg.type === 'fatal') {
            reject(
              new AnnalistError(
                'E_PIPELINE_LOAD',
                `The extraction pipeline could not be loaded: ${msg.message}`,
              ),
            );
          } else if (msg.type === 'result' && msg.id !== undefined) {
            const p = slot.pending.get(msg.id);
            slot.pending.delete(msg.id);
            p?.resolve(msg.results ?? []);
          }
        },
      );
      const die = (err: Error): void => {
        if (!ready) {
          reject(
            new AnnalistError('E_PIPELINE_LOAD', `An extraction worker failed to start: ${err.message}`),
          );
          return;
        }
        for (const p of slot.pending.values()) p.reject(err);
        slot.pending.clear();
        const i = slots.indexOf(slot);
        if (i >= 0) slots.splice(i, 1);
        if (!closing) {
          // Replace the dead worker so that the rest of the run keeps its parallelism.
          start().then(
            (s) => slots.push(s),
            () => {},
          );
        }
      };
      slot.worker.on('error', die);
      slot.worker.on('exit', (code) => {
        if (!closing) die(new Error(`worker exited with code ${code}`));
      });
    });

  try {
    for (const s of await Promise.all(Array.from({ length: n }, start))) slots.push(s);
  } catch (err) {
    closing = true;
    await Promise.all(slots.map((s) => s.worker.terminate()));
    throw err;
  }

  return {
    run(inputs) {
      if (slots.length === 0) return Promise.reject(new Error('no extraction worker is running'));
      let slot = slots[0]!;
      for (const s of slots) if (s.pending.size < slot.pending.size) slot = s;
      const id = nextId++;
      return new Promise<ExtractResult[]>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.postMessage({ id, inputs });
      });
    },
    async close() {
      closing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
