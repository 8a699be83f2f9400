/**
 * The system under evaluation: our pipeline with its default stages, read through the output contract.
 * Nothing here knows which stages exist, so entity and event stages count as soon as they are registered
 * in the default pipeline.
 */
import type { Doc, DocInput } from '../src/doc.js';
import { toDocumentJson, type DocumentJson } from '../src/output.js';
import { createPipeline } from '../src/pipeline/pipeline.js';
import { getStage } from '../src/pipeline/registry.js';
import type { DocField } from '../src/pipeline/types.js';

export interface System {
  name: string;
  stages: readonly string[];
  /** What the stages write (`entities`, `events`…), to say when a score is 0 because nothing writes it. */
  writes: ReadonlySet<DocField>;
  run(input: DocInput): { json: DocumentJson; doc: Doc };
}

/**
 * Builds our system. `explain` output is kept so that scorers can see how each mention refers (an
 * adjective, a title…); the pipeline itself runs as `annalist extract` runs it.
 *
 * @example const sys = await ourSystem(); sys.run({ text: 'Токаев прибыл в Вашингтон.' }).json.entities
 */
export async function ourSystem(stages?: readonly string[]): Promise<System> {
  const pipeline = await createPipeline(stages ? { stages } : {});
  return {
    name: 'annalist',
    stages: pipeline.stageNames,
    writes: new Set(pipeline.stageNames.flatMap((n) => getStage(n).writes)),
    run(input) {
      const doc = pipeline.process(input);
      return { json: toDocumentJson(doc, { explain: true, text: false }), doc };
    },
  };
}
