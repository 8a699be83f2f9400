/**
 * Entry of an extraction worker thread: loads the pipeline once, then answers `{ id, inputs }`
 * messages with `{ id, results }`. The main thread does the reading and the database writes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DocInput } from '../doc.js';
import { createExtractor, type ExtractorConfig } from './extractor.js';

const port = parentPort;
if (!port) throw new Error('src/store/worker.ts runs only as a worker thread');

try {
  const extract = await createExtractor(workerData as ExtractorConfig);
  port.on('message', (msg: { id: number; inputs: DocInput[] }) => {
    port.postMessage({ type: 'result', id: msg.id, results: extract(msg.inputs) });
  });
  port.postMessage({ type: 'ready' });
} catch (err) {
  port.postMessage({ type: 'fatal', message: err instanceof Error ? err.message : String(err) });
}
