/**
 * A problem with one input (file, line): reported with its place, and the batch goes on.
 *
 * @example new InputError('E_JSONL_PARSE', 'news.jsonl', 'Unexpected token } in JSON', 12)
 */
export class InputError extends Error {
  readonly code: string;
  readonly file: string;
  readonly line: number | null;
  constructor(code: string, file: string, message: string, line: number | null = null) {
    super(`${file}${line !== null ? `:${line}` : ''}: ${message}`);
    this.name = 'InputError';
    this.code = code;
    this.file = file;
    this.line = line;
  }
}
