import { AnnalistError } from '../../pipeline/errors.js';

/**
 * Turns SQLite's error codes into errors a user can act on; anything else is returned unchanged.
 *
 * @example throw sqliteError(err, 'news.db', 30_000)
 */
export function sqliteError(err: unknown, path: string, busyTimeoutMs: number): unknown {
  if (err instanceof AnnalistError) return err;
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return err;
  const detail = (err as Error).message;
  if (code === 'SQLITE_FULL') {
    return new AnnalistError(
      'E_DB_FULL',
      `The database ${path} is full: the disk (or the database's size limit) has no room left. ` +
        'The batch being written was rolled back, so every stored document is whole; free some space ' +
        'and run the same command again to finish the rest.',
    );
  }
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED') {
    return new AnnalistError(
      'E_DB_BUSY',
      `The database ${path} stayed locked by another process for ${Math.round(busyTimeoutMs / 1000)} s ` +
        `(${detail}). Nothing was changed by this batch; run the command again when the other one is done.`,
    );
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return new AnnalistError(
      'E_DB_CORRUPT',
      `${path} is not an Annalist database or is damaged (${detail}).`,
    );
  }
  if (code === 'SQLITE_CANTOPEN') {
    return new AnnalistError(
      'E_DB_OPEN',
      `Cannot open the database ${path} (${detail}); check the path and permissions.`,
    );
  }
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_')) {
    return new AnnalistError('E_DB_READONLY', `The database ${path} is read-only (${detail}).`);
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new AnnalistError('E_DB_IO', `Disk error on ${path} (${code}: ${detail}).`);
  }
  return err;
}
