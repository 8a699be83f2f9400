/**
 * Annalist's library entry.
 *
 * @example
 * import { extract } from 'annalist';
 * const doc = await extract({ text: 'Президент Казахстана прибыл в Вашингтон.', date: '2025-11-07' });
 * console.log(doc.sentences, doc.entities, doc.events);
 */
import type { DocInput } from './doc.js';
import { toDocumentJson, type DocumentJson, type OutputOptions } from './output.js';
import { createPipeline, type Pipeline, type PipelineConfig } from './pipeline/pipeline.js';

export * from './doc.js';
export { AnnalistError } from './pipeline/errors.js';
export {
  createPipeline,
  checkPlan,
  DEFAULT_STAGES,
  Pipeline,
  type PipelineConfig,
} from './pipeline/pipeline.js';
export { listStages, registerStage, getStage } from './pipeline/registry.js';
export type { DocField, StageDefinition, StageInstance, PipelineOptions } from './pipeline/types.js';
export { toDocumentJson, SCHEMA_ID, type DocumentJson, type OutputOptions } from './output.js';
export { readInputs, type ReadItem, type ReadOptions } from './ingest/read.js';
export { InputError } from './ingest/errors.js';
export { VERSION } from './version.js';
export { tuneRuntime } from './runtime.js';

let shared: Promise<Pipeline> | null = null;

/**
 * Processes one article with the default pipeline (built once and reused) and returns it in the
 * output contract.
 *
 * @example const json = await extract({ text: 'Tokayev met Trump on Thursday.', date: '2025-11-07' });
 */
export async function extract(
  input: DocInput | string,
  options: OutputOptions & { pipeline?: PipelineConfig } = {},
): Promise<DocumentJson> {
  let pipeline: Pipeline;
  if (options.pipeline) pipeline = await createPipeline(options.pipeline);
  else pipeline = await (shared ??= createPipeline());
  const doc = pipeline.process(typeof input === 'string' ? { text: input } : input);
  return toDocumentJson(doc, options);
}
