/**
 * Extraction for ingest: runs the pipeline over document inputs and prepares the results for the
 * store. The same code runs in worker threads and, with `--workers 0`, in the main thread.
 */
import { Doc, type DocInput } from '../doc.js';
import { prepareDocument } from './prepare.js';
import type { PreparedDocument } from './types.js';

export interface ExtractorConfig {
  /** Stage names; an empty list stores the texts without analysis. */
  stages: readonly string[];
  /** `--lang`, passed to the stages. */
  lang: string | null;
  /** Version stamp written with every document. */
  version: string;
}

/** The outcome for one input: a prepared document, or why it could not be made. */
export type ExtractResult =
  { ok: true; doc: PreparedDocument } | { ok: false; source: string | null; code: string; message: string };

export type Extractor = (inputs: readonly DocInput[]) => ExtractResult[];

/**
 * Builds the extractor: loads the pipeline (its stages and their data) once.
 *
 * @example const extract = await createExtractor({ stages: ['segment'], lang: null, version: '0.1.0+segment' });
 */
export async function createExtractor(config: ExtractorConfig): Promise<Extractor> {
  let process: (input: DocInput) => Doc;
  if (config.stages.length === 0) {
    process = (input) => new Doc(input);
  } else {
    // Loaded on demand so that the store works (and is testable) whatever stages exist.
    const { createPipeline } = await import('../pipeline/pipeline.js');
    const pipeline = await createPipeline({
      stages: config.stages,
      ...(config.lang ? { lang: config.lang } : {}),
    });
    process = (input) => pipeline.process(input);
  }
  return (inputs) =>
    inputs.map((input): ExtractResult => {
      try {
        return { ok: true, doc: prepareDocument(process(input), config.version) };
      } catch (err) {
        return {
          ok: false,
          source: input.source ?? null,
          code: 'E_EXTRACT',
          message: `extraction failed: ${err instanceof Error ? err.message : String(err)}`,
        };
      }
    });
}
