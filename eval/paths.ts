/**
 * Where the evaluation data lives. The project never contains the gold sets: it reads them from
 * `../shared/data` beside the repository (or `--data DIR`) and says exactly which folder is missing.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file's location (eval/ sits at the top level). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The default data folder: `../shared/data` relative to the repository root. */
export const DEFAULT_DATA_DIR = resolve(REPO_ROOT, '..', 'shared', 'data');

/** Thrown when a data folder or file an evaluation needs is absent. */
export class MissingDataError extends Error {
  readonly path: string;
  constructor(path: string, what: string, hint?: string) {
    super(
      `${what} is missing: ${path}. ` +
        (hint ??
          `The evaluation data is not part of the project; put the shared data folder at ${DEFAULT_DATA_DIR} or pass --data DIR.`),
    );
    this.name = 'MissingDataError';
    this.path = path;
  }
}

/**
 * The data folder to use: the given one, else the default.
 *
 * @example dataDir(undefined) // '/…/shared/data'
 */
export function dataDir(dir?: string | null): string {
  return dir ? resolve(dir) : DEFAULT_DATA_DIR;
}

/**
 * Joins `parts` under `root` and checks the result exists, throwing a `MissingDataError` that names
 * it otherwise.
 *
 * @example requirePath('/data', 'conll2003-en', 'eng.testb.txt')
 */
export function requirePath(root: string, ...parts: string[]): string {
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new MissingDataError(root, 'The data folder');
  const p = join(root, ...parts);
  if (!existsSync(p)) throw new MissingDataError(p, `The ${parts[0] ?? 'data'} data`);
  return p;
}

/** True when the data folder exists (used by tests to skip with a message). */
export function hasData(dir?: string | null): boolean {
  const d = dataDir(dir);
  return existsSync(d) && statSync(d).isDirectory();
}
