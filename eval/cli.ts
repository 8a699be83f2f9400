/**
 * `annalist eval SET …`: the command's body, kept beside the evaluation code (the published package has
 * neither the gold data nor this folder; the CLI loads it from a checkout).
 */
import { parseArgs } from 'node:util';
import { EVAL_USAGE } from '../src/cli/commands/eval.js';
import { renderErrorDoc, worstDocs } from './errors.js';
import { MissingDataError } from './paths.js';
import { renderResults, gitCommit, writeEvalResults } from './results.js';
import {
  evalSet,
  hasDefaultGold,
  SETS,
  type EvalOptions,
  type SetName,
  type SetResult,
  type Split,
} from './run.js';

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const out = (s: NodeJS.WritableStream, line = ''): void => {
  s.write(line + '\n');
};

function parseCount(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number, not "${v}"`);
  return n;
}

class UsageError extends Error {}

function printResult(r: SetResult, io: Io, errors: number | undefined, color: boolean): void {
  const what =
    r.set === 'names' ? 'pairs' : r.set === 'plover' || r.set === 'petrarch' ? 'records' : 'documents';
  out(
    io.stdout,
    `== ${r.set}${r.split ? ` (${r.split})` : ''}: ${r.docs} ${what}, ${r.seconds.toFixed(1)} s, ${r.system}${r.stages.length ? ` [${r.stages.join(',')}]` : ''}`,
  );
  for (const l of r.lines) out(io.stdout, `   ${l}`);
  for (const n of r.notes) out(io.stdout, `   note: ${n}`);
  if (errors) {
    const worst = worstDocs(r.errorDocs, errors);
    if (worst.length) {
      out(io.stdout, '');
      out(
        io.stdout,
        `   ${worst.length} worst document(s): ${color ? 'red = false positive, yellow = miss' : '[+…+] false positive, [-…-] miss'}`,
      );
      for (const d of worst) out(io.stdout, renderErrorDoc(d, color));
    }
    if (r.errorLines.length) {
      out(io.stdout, '');
      for (const l of r.errorLines.slice(0, errors)) out(io.stdout, `   ${l}`);
    }
  }
  out(io.stdout);
}

function jsonResult(r: SetResult, errors: number | undefined): Record<string, unknown> {
  const o: Record<string, unknown> = {
    set: r.set,
    split: r.split,
    docs: r.docs,
    seconds: r.seconds,
    system: r.system,
    stages: r.stages,
    ...r.metrics,
    notes: r.notes,
  };
  if (errors) {
    o.errors = worstDocs(r.errorDocs, errors).map((d) => ({
      id: d.id,
      tp: d.tp,
      fp: d.fp.map((s) => ({ ...s, text: d.text.slice(s.start, s.end) })),
      fn: d.fn.map((s) => ({ ...s, text: d.text.slice(s.start, s.end) })),
      notes: d.notes ?? [],
    }));
    if (r.errorLines.length) o.errorItems = r.errorLines.slice(0, errors);
  }
  return o;
}

/**
 * Runs `annalist eval` with the arguments after the command name; returns the exit code.
 *
 * @example await runEval(['factru', '--limit', '5'], { stdout: process.stdout, stderr: process.stderr })
 */
export async function runEval(argv: string[], io: Io): Promise<number> {
  let values: {
    data?: string;
    split?: string;
    json?: boolean;
    errors?: string;
    limit?: string;
    'no-peers'?: boolean;
    'write-results'?: boolean;
  };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        split: { type: 'string' },
        json: { type: 'boolean', default: false },
        errors: { type: 'string' },
        limit: { type: 'string' },
        'no-peers': { type: 'boolean', default: false },
        'write-results': { type: 'boolean', default: false },
      },
    }));
  } catch (err) {
    out(io.stderr, `annalist eval: ${(err as Error).message}\n\n${EVAL_USAGE}`);
    return 2;
  }
  const [setArg, dirArg] = positionals;
  if (!setArg) {
    out(io.stderr, EVAL_USAGE);
    return 2;
  }
  let errors: number | undefined;
  let limit: number | undefined;
  try {
    errors = parseCount(values.errors, 'errors');
    limit = parseCount(values.limit, 'limit');
    if (values.split !== undefined && values.split !== 'dev' && values.split !== 'test') {
      throw new UsageError(`--split must be dev or test, not "${values.split}"`);
    }
    if (setArg !== 'all' && !(SETS as readonly string[]).includes(setArg)) {
      throw new UsageError(`unknown set "${setArg}"; sets: ${SETS.join(', ')}, all`);
    }
    if (values['write-results'] && (limit !== undefined || values.split === 'dev')) {
      throw new UsageError('--write-results records full test-split runs only (no --limit, no --split dev)');
    }
  } catch (err) {
    if (err instanceof UsageError) {
      out(io.stderr, `annalist eval: ${err.message}`);
      return 2;
    }
    throw err;
  }
  const split = (values.split ?? 'test') as Split;
  const opts: EvalOptions = { data: values.data, split, limit, peers: !values['no-peers'] };
  if (setArg === 'gold' && dirArg) opts.goldDir = dirArg;
  const sets: SetName[] =
    setArg === 'all' ? SETS.filter((s) => s !== 'gold' || hasDefaultGold(values.data)) : [setArg as SetName];
  const color = !values.json && !!(io.stdout as { isTTY?: boolean }).isTTY;
  const results: SetResult[] = [];
  const failed: Array<{ set: string; message: string }> = [];
  // One pipeline for every set: building it loads dictionaries once.
  if (sets.some((s) => s !== 'names')) {
    try {
      const { ourSystem } = await import('./system.js');
      opts.system = await ourSystem();
    } catch (err) {
      out(io.stderr, `annalist eval: could not build the pipeline: ${(err as Error).message}`);
      return 1;
    }
  }
  for (const set of sets) {
    try {
      if (!values.json) out(io.stderr, `annalist eval: running ${set}…`);
      const r = await evalSet(set, opts);
      results.push(r);
      if (values.json) out(io.stdout, JSON.stringify(jsonResult(r, errors)));
      else printResult(r, io, errors, color);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      failed.push({ set, message });
      out(io.stderr, `annalist eval ${set}: ${message}`);
      if (!(err instanceof MissingDataError) && err instanceof Error && err.stack) out(io.stderr, err.stack);
    }
  }
  if (values['write-results']) {
    const md = renderResults(results, failed, new Date().toISOString().slice(0, 10), gitCommit());
    const path = writeEvalResults(md);
    out(io.stderr, `annalist eval: wrote ${path}`);
  }
  return failed.length > 0 ? 1 : 0;
}
