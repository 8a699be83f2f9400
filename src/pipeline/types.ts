import type { Doc } from '../doc.js';

/**
 * The fields of a `Doc` a stage may read or write. `text` is always present; the rest exist
 * only after the stage that writes them has run.
 */
export type DocField =
  | 'text'
  | 'sentences'
  | 'tokens'
  | 'lang'
  | 'morph'
  | 'mentions'
  | 'entities'
  | 'values'
  | 'events'
  | 'quotes';

/** Options every stage may consult; stages ignore what they do not know. */
export interface PipelineOptions {
  /** Force a language for every sentence (the CLI's `--lang`). */
  lang?: string;
  /** Keep explanations (rule ids, argument sources) in the output. */
  explain?: boolean;
  /** Path to a user KB layered over the shipped one. */
  userKb?: string;
  [key: string]: unknown;
}

/** A stage ready to run: `run` mutates the doc in place. */
export interface StageInstance {
  readonly name: string;
  run(doc: Doc): void;
}

/**
 * A stage as registered: its name, what it reads and writes, and how to build it. `create` may be
 * async so that a stage can load its data (dictionaries, the KB) once per pipeline.
 */
export interface StageDefinition {
  name: string;
  description: string;
  reads: DocField[];
  writes: DocField[];
  create(options: PipelineOptions): StageInstance | Promise<StageInstance>;
}
