import { Doc, type DocInput } from '../doc.js';
import { AnnalistError } from './errors.js';
import { getStage } from './registry.js';
import type { DocField, PipelineOptions, StageDefinition, StageInstance } from './types.js';
import '../stages/index.js';

/** The stages `extract` runs by default, in order. */
export const DEFAULT_STAGES: readonly string[] = [
  'segment',
  'langid',
  'morph',
  'values',
  'entities',
  'events',
];

export interface PipelineConfig extends PipelineOptions {
  /** Stage names, in order; defaults to `DEFAULT_STAGES`. */
  stages?: readonly string[];
}

/**
 * Checks that every stage reads only what an earlier stage (or the input) writes.
 * Throws `E_PIPELINE_UNSATISFIED` naming the stage and the missing field.
 */
export function checkPlan(defs: readonly StageDefinition[]): void {
  const available = new Set<DocField>(['text']);
  for (const def of defs) {
    for (const field of def.reads) {
      if (!available.has(field)) {
        const provider = defs.find((d) => d.writes.includes(field));
        const hint = provider
          ? `stage "${provider.name}" writes it but comes later; move it before "${def.name}"`
          : `add a stage that writes "${field}" before "${def.name}"`;
        throw new AnnalistError(
          'E_PIPELINE_UNSATISFIED',
          `Stage "${def.name}" reads "${field}", which no earlier stage writes: ${hint}.`,
        );
      }
    }
    for (const field of def.writes) available.add(field);
  }
}

/** A built pipeline: stages loaded and checked, ready to process documents. */
export class Pipeline {
  readonly stageNames: readonly string[];
  private readonly instances: readonly StageInstance[];

  constructor(instances: readonly StageInstance[]) {
    this.instances = instances;
    this.stageNames = instances.map((s) => s.name);
  }

  /**
   * Runs every stage over one document. A stage that throws on a document does not stop the
   * batch: the error becomes a warning on that document and later stages still run.
   *
   * @example const doc = pipeline.process({ text: 'Токаев прибыл в Вашингтон.', date: '2025-11-06' });
   */
  process(input: DocInput | Doc): Doc {
    const doc = input instanceof Doc ? input : new Doc(input);
    for (const stage of this.instances) {
      try {
        stage.run(doc);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        doc.warn('W_STAGE_FAILED', `Stage "${stage.name}" failed on this document: ${message}`);
      }
    }
    return doc;
  }
}

/**
 * Builds a pipeline from stage names, refusing plans whose stages read what nothing writes.
 *
 * @example
 * const pipeline = await createPipeline({ stages: ['segment', 'langid', 'morph'] });
 * const doc = pipeline.process({ text: 'Президент Казахстана прибыл в Вашингтон.' });
 */
export async function createPipeline(config: PipelineConfig = {}): Promise<Pipeline> {
  const names = config.stages ?? DEFAULT_STAGES;
  const defs = names.map((n) => getStage(n));
  checkPlan(defs);
  const instances: StageInstance[] = [];
  for (const def of defs) instances.push(await def.create(config));
  return new Pipeline(instances);
}
