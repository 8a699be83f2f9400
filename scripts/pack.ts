/**
 * `npm run pack`: compiles the hand-edited sources under data/ into the lookups shipped in
 * src/generated/. `npm run pack:check` (`--check`) writes nothing and exits non-zero, naming the
 * file, when a compiled output differs from what the sources give, or when a source has errors.
 *
 * Each packer is one entry of PACKERS: it reads its sources and returns the files it would write
 * and the problems it found. Adding a compiled resource (event lexicons, a morphology cache) is
 * adding a packer to the list.
 *
 * Options:
 *   --check          compare instead of writing
 *   --only NAME      run one packer (kb, …)
 *   --allow-errors   write the outputs even when a source has errors (exit code stays 1)
 *   --quiet          print errors only, not warnings
 *   --root DIR       the repository to pack (default: the one this script is in)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultLemmatizer, formatDiagnostic, packKb } from '../src/kb/pack.js';
import type { KbDiagnostic } from '../src/kb/types.js';
import { packTopics } from '../src/events/pack-topics.js';

/** What a packer produces: files (path relative to the repository root) and diagnostics. */
export interface PackOutput {
  files: { path: string; content: string }[];
  diagnostics: KbDiagnostic[];
  /** A line for the summary ("2841 entities, 130 titles"). */
  summary: string;
}

export interface Packer {
  name: string;
  run(root: string): Promise<PackOutput>;
}

const kbPacker: Packer = {
  name: 'kb',
  async run(root) {
    const r = await packKb({
      kbDir: path.join(root, 'data', 'kb'),
      lexiconDir: path.join(root, 'data', 'lexicon'),
      lemmatize: await defaultLemmatizer(),
      displayRoot: root,
    });
    return {
      files: [{ path: 'src/generated/kb.json', content: r.json }],
      diagnostics: r.diagnostics,
      summary: `${r.compiled.entities.length} entities, ${r.compiled.titles.length} titles`,
    };
  },
};

const topicsPacker: Packer = {
  name: 'topics',
  async run(root) {
    return {
      files: [{ path: 'src/generated/topics.json', content: packTopics(root) }],
      diagnostics: [],
      summary: 'event topic lexicons',
    };
  },
};

export const PACKERS: Packer[] = [kbPacker, topicsPacker];

/**
 * Runs the packers with command-line arguments and returns the exit code: 0 when everything is
 * written (or, with `--check`, up to date) and error-free, 1 otherwise, 2 for a usage error.
 *
 * @example await runPack(['--check', '--root', '/tmp/repo'], (line) => lines.push(line))
 */
export async function runPack(
  argv: string[],
  log: (line: string) => void = (l) => console.error(l),
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      check: { type: 'boolean', default: false },
      only: { type: 'string' },
      'allow-errors': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      root: { type: 'string' },
    },
  });
  const root = values.root
    ? path.resolve(values.root)
    : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const packers = values.only ? PACKERS.filter((p) => p.name === values.only) : PACKERS;
  if (!packers.length) {
    log(`pack: no packer named "${values.only}"; known: ${PACKERS.map((p) => p.name).join(', ')}`);
    return 2;
  }
  let failed = false;
  for (const p of packers) {
    let out: PackOutput;
    try {
      out = await p.run(root);
    } catch (err) {
      log(`pack ${p.name}: failed: ${(err as Error).message}`);
      failed = true;
      continue;
    }
    const errors = out.diagnostics.filter((d) => d.severity === 'error');
    for (const d of out.diagnostics) {
      if (d.severity === 'error' || !values.quiet) log(formatDiagnostic(d));
    }
    const warnings = out.diagnostics.length - errors.length;
    log(`pack ${p.name}: ${out.summary}; ${errors.length} error(s), ${warnings} warning(s)`);
    if (errors.length) failed = true;
    for (const f of out.files) {
      const full = path.join(root, f.path);
      if (values.check) {
        const current = existsSync(full) ? readFileSync(full, 'utf8') : null;
        if (current !== f.content) {
          log(
            `pack ${p.name}: ${f.path} is stale (it differs from what the sources give); run "npm run pack"`,
          );
          failed = true;
        }
        continue;
      }
      if (errors.length && !values['allow-errors']) {
        log(
          `pack ${p.name}: ${f.path} not written because of the errors above (--allow-errors writes it anyway)`,
        );
        continue;
      }
      mkdirSync(path.dirname(full), { recursive: true });
      const current = existsSync(full) ? readFileSync(full, 'utf8') : null;
      if (current === f.content) log(`pack ${p.name}: ${f.path} is up to date`);
      else {
        writeFileSync(full, f.content);
        log(`pack ${p.name}: wrote ${f.path} (${(Buffer.byteLength(f.content) / 1024).toFixed(0)} kB)`);
      }
    }
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runPack(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      process.exitCode = 3;
    },
  );
}
