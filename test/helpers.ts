import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createPipeline, type Pipeline } from '../src/pipeline/pipeline.js';

/** The shared data folder beside the repository (`../shared`), as CI lays it out. */
export const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));
export const SEED_TXT = `${SHARED}seed/000_68cb7eaf74aae7c3.txt`;
export const SEED_GOLD = `${SHARED}seed/000_68cb7eaf74aae7c3.gold.json`;
export const HAVE_SEED = existsSync(SEED_TXT) && existsSync(SEED_GOLD);

if (!HAVE_SEED)
  console.warn(
    `tests: ${SEED_TXT} is absent; the seed tests are skipped (CI lays ../shared beside the repo)`,
  );

let shared: Promise<Pipeline> | null = null;

/** The default pipeline, built once per test file. */
export function pipeline(): Promise<Pipeline> {
  return (shared ??= createPipeline());
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
