import { AnnalistError } from './errors.js';
import type { StageDefinition } from './types.js';

const stages = new Map<string, StageDefinition>();

/**
 * Adds a stage to the one registry. Names are unique.
 *
 * @example registerStage({ name: 'segment', description: '…', reads: ['text'], writes: ['sentences'], create: () => stage });
 */
export function registerStage(def: StageDefinition): void {
  if (stages.has(def.name)) {
    throw new AnnalistError('E_STAGE_DUPLICATE', `A stage named "${def.name}" is already registered.`);
  }
  stages.set(def.name, def);
}

/** The registered stage of that name, or an error listing the known names. */
export function getStage(name: string): StageDefinition {
  const def = stages.get(name);
  if (!def) {
    throw new AnnalistError(
      'E_STAGE_UNKNOWN',
      `No stage named "${name}". Known stages: ${[...stages.keys()].join(', ')}.`,
    );
  }
  return def;
}

/** Every registered stage, in registration order. */
export function listStages(): StageDefinition[] {
  return [...stages.values()];
}
