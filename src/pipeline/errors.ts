/**
 * An error that stops work, with a stable code a user can search for and a message saying what to do.
 *
 * @example throw new AnnalistError('E_STAGE_UNKNOWN', 'No stage named "foo"; known: segment, langid');
 */
export class AnnalistError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'AnnalistError';
    this.code = code;
  }
}
