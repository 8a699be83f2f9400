/**
 * Writes docs/RESULTS.md: our scores beside the anchors' published ones, with the date, the commit and
 * the conventions. The benchmark section (written by `annalist bench --write-results`) is kept as is
 * between its markers when the evaluation rewrites the file, and the other way round.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './paths.js';
import type { SetResult } from './run.js';

export const RESULTS_PATH = join(REPO_ROOT, 'docs', 'RESULTS.md');
/** Generated blocks that the evaluation keeps when it rewrites its part. */
const BLOCKS = ['bench', 'store'] as const;

/** factRuEval-2016 test F1 (PER, LOC, ORG) published by the Natasha project's NER benchmark. */
export const FACTRU_ANCHORS = [
  { system: 'Slovnet', PER: 0.959, LOC: 0.915, ORG: 0.825 },
  { system: 'spaCy (ru)', PER: 0.901, LOC: 0.886, ORG: 0.765 },
  { system: 'Pullenti', PER: 0.905, LOC: 0.814, ORG: 0.686 },
] as const;

/** CoNLL-2003 English test F1 from the literature (micro, conlleval), and what it was measured on. */
export const CONLL_ANCHORS = [
  { system: 'BiLSTM-CRF (Lample et al., 2016)', f1: 0.9094, note: 'CoNLL-2003 test, published' },
  { system: 'Stanford CRF (Finkel et al., 2005)', f1: 0.8686, note: 'CoNLL-2003 test, published' },
  {
    system: 'spaCy en_core_web_sm',
    f1: 0.85,
    note: 'about 0.85 as published by spaCy, on OntoNotes 5.0 rather than CoNLL-2003: indicative only',
  },
] as const;

/** The commit, with a mark when the working tree has uncommitted changes. */
export function gitCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return 'unknown';
  }
}

const f = (x: unknown): string => (typeof x === 'number' ? x.toFixed(3) : '—');

type Prf = { precision: number; recall: number; f1: number };
type ShareJ = { value: number; correct: number; total: number };
const get = <T>(o: unknown, ...path: string[]): T | undefined => {
  let cur: unknown = o;
  for (const p of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur as T | undefined;
};
const sh = (s: ShareJ | undefined): string => (s ? `${s.value.toFixed(3)} (${s.correct}/${s.total})` : '—');

function factruSection(r: SetResult): string[] {
  const tok = (t: string): Prf | undefined => get<Prf>(r.metrics, 'tokens', t);
  const ex = (t: string): Prf | undefined => get<Prf>(r.metrics, 'exact', t);
  const out = [
    `## factRuEval-2016, ${r.split} split (${r.docs} documents): PER / LOC / ORG F1`,
    '',
    'Convention of the Natasha NER benchmark, where the anchors come from: token-level IO F1; a Person',
    'object is one span, Org gives its org_name spans, Location and LocOrg give their loc_name spans as LOC',
    '(LocOrg counted as LOC); nested spans keep the outermost.',
    '',
    '| system | PER | LOC | ORG | source |',
    '| --- | ---: | ---: | ---: | --- |',
    `| **Annalist** | ${f(tok('PER')?.f1)} | ${f(tok('LOC')?.f1)} | ${f(tok('ORG')?.f1)} | measured here |`,
    ...FACTRU_ANCHORS.map(
      (a) =>
        `| ${a.system} | ${a.PER.toFixed(3)} | ${a.LOC.toFixed(3)} | ${a.ORG.toFixed(3)} | Natasha benchmark, published |`,
    ),
    '',
    'Annalist in detail (P / R / F1):',
    '',
    '| type | P (tokens) | R (tokens) | F1 (tokens) | P (exact span) | R (exact span) | F1 (exact span) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...['PER', 'LOC', 'ORG', 'micro'].map(
      (t) =>
        `| ${t} | ${f(tok(t)?.precision)} | ${f(tok(t)?.recall)} | ${f(tok(t)?.f1)} | ${f(ex(t)?.precision)} | ${f(ex(t)?.recall)} | ${f(ex(t)?.f1)} |`,
    ),
  ];
  return out;
}

function conllSection(r: SetResult): string[] {
  const systems = get<Record<string, Record<string, Prf> & { version?: string }>>(r.metrics, 'systems') ?? {};
  const row = (name: string, label: string, note: string): string => {
    const s = systems[name];
    return `| ${label} | ${f(s?.micro?.f1)} | ${f(s?.PER?.f1)} | ${f(s?.LOC?.f1)} | ${f(s?.ORG?.f1)} | ${f(s?.MISC?.f1)} | ${note} |`;
  };
  return [
    `## CoNLL-2003 English, ${r.split === 'test' ? 'test (eng.testb)' : 'dev (eng.testa)'}, ${r.docs} documents: F1`,
    '',
    'Official conlleval convention: a chunk counts when its tokens and type both match; micro-averaged.',
    'compromise and wink-nlp are run here on the same text with the same scorer (compromise people/places/',
    "organizations → PER/LOC/ORG; wink-nlp's lite model has no person/place/organization types, so it scores 0).",
    '',
    '| system | F1 | PER | LOC | ORG | MISC | source |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    row('annalist', '**Annalist**', 'measured here'),
    row('compromise', `compromise ${systems.compromise?.version ?? ''}`.trim(), 'measured here'),
    row('wink-nlp', `wink-nlp ${systems['wink-nlp']?.version ?? ''}`.trim(), 'measured here'),
    ...CONLL_ANCHORS.map((a) => `| ${a.system} | ${a.f1.toFixed(3)} | | | | | ${a.note} |`),
  ];
}

function nerelSection(r: SetResult): string[] {
  const s = (t: string): Prf | undefined => get<Prf>(r.metrics, 'spans', t);
  return [
    `## NEREL v1.1, ${r.split} split (${r.docs} documents)`,
    '',
    'Flat top-level entities of six types (nested ones inside another of the six dropped), exact span and type.',
    '',
    '| type | P | R | F1 |',
    '| --- | ---: | ---: | ---: |',
    ...['PERSON', 'ORGANIZATION', 'COUNTRY', 'CITY', 'DATE', 'MONEY', 'micro'].map(
      (t) => `| ${t} | ${f(s(t)?.precision)} | ${f(s(t)?.recall)} | ${f(s(t)?.f1)} |`,
    ),
    '',
    `Linking accuracy on gold mentions with a Wikidata id: ${sh(get<ShareJ>(r.metrics, 'linking', 'accuracy'))}; ` +
      `on those we found: ${sh(get<ShareJ>(r.metrics, 'linking', 'accuracyOnFound'))}.`,
  ];
}

function bsnlpSection(r: SetResult): string[] {
  const p = (k: string): Prf | undefined => get<Prf>(r.metrics, k);
  return [
    `## BSNLP / SlavNER Russian, ${r.split === 'test' ? '2021 test topics (covid-19, us_election_2020)' : 'dev topics (2017, 2019)'}, ${r.docs} documents`,
    '',
    'Document-level, as in the shared task: strict = every distinct surface form with its type; relaxed = each',
    'entity found through at least one of its forms; lemma accuracy on strictly matched forms; cross-document',
    'identity by LEA over the matched forms, within each topic.',
    '',
    '| measure | P | R | F1 |',
    '| --- | ---: | ---: | ---: |',
    `| recognition, strict | ${f(p('strict')?.precision)} | ${f(p('strict')?.recall)} | ${f(p('strict')?.f1)} |`,
    `| recognition, relaxed | ${f(p('relaxed')?.precision)} | ${f(p('relaxed')?.recall)} | ${f(p('relaxed')?.f1)} |`,
    `| cross-document identity (LEA) | ${f(p('identity')?.precision)} | ${f(p('identity')?.recall)} | ${f(p('identity')?.f1)} |`,
    '',
    `Normalized-lemma accuracy: ${sh(get<ShareJ>(r.metrics, 'lemma'))}.`,
  ];
}

function namesSection(r: SetResult): string[] {
  return [
    `## Wikidata en–ru name pairs, ${r.split} split (${r.docs} pairs)`,
    '',
    `Matcher: ${String(r.metrics.matcher)}${r.metrics.baseline ? " — a plain baseline, not the entity stage's matcher" : ''}.`,
    '',
    '| measure | value |',
    '| --- | ---: |',
    `| true pairs accepted | ${sh(get<ShareJ>(r.metrics, 'accept'))} |`,
    `| shuffled pairs rejected | ${sh(get<ShareJ>(r.metrics, 'reject'))} |`,
    `| balanced accuracy | ${f(r.metrics.balanced)} |`,
  ];
}

function ploverSection(r: SetResult): string[] {
  return [
    `## PLOVER gold-standard records (${r.docs} records, ${String(r.metrics.inVocabulary)} in our vocabulary)`,
    '',
    '| measure | value |',
    '| --- | ---: |',
    `| event category accuracy (top event) | ${sh(get<ShareJ>(r.metrics, 'type'))} |`,
    `| some event of the gold category | ${sh(get<ShareJ>(r.metrics, 'anyType'))} |`,
    `| source actor accuracy | ${sh(get<ShareJ>(r.metrics, 'source'))} |`,
    `| target actor accuracy | ${sh(get<ShareJ>(r.metrics, 'target'))} |`,
  ];
}

function petrarchSection(r: SetResult): string[] {
  const perFile = (r.metrics.perFile ?? {}) as Record<string, ShareJ>;
  return [
    `## PETRARCH-2 validation records (${String(r.metrics.scored)} of ${String(r.metrics.records)} sentences with a gold category): the English development set`,
    '',
    'Gold CAMEO codes mapped to PLOVER categories; we tune English event rules here, not on the PLOVER',
    'records above. Most unit-test sentences use invented countries (Arnor, Gondor), so they weigh',
    'entity recognition more than event coding; the real news sentences (PETR2 GSR) are the useful part.',
    '',
    '| measure | value |',
    '| --- | ---: |',
    `| event category accuracy (top event) | ${sh(get<ShareJ>(r.metrics, 'type'))} |`,
    `| … on the real news sentences | ${sh(perFile.gsr)} |`,
    `| … on the unit-test sentences | ${sh(perFile.unit)} |`,
    `| source / target actor accuracy | ${sh(get<ShareJ>(r.metrics, 'source'))} / ${sh(get<ShareJ>(r.metrics, 'target'))} |`,
  ];
}

function goldSection(r: SetResult): string[] {
  const e = get<Prf & { tp: number; fp: number; fn: number }>(r.metrics, 'events');
  return [
    `## Our gold folder (${r.docs} document${r.docs === 1 ? '' : 's'}: ${String(r.metrics.dir).replace(/.*\/shared\//, '../shared/')})`,
    '',
    'Events match on type, participant sets (by canonical English name) and evidence sentence; optional events',
    'count neither way.',
    '',
    '| measure | value |',
    '| --- | ---: |',
    `| events P / R / F1 | ${f(e?.precision)} / ${f(e?.recall)} / ${f(e?.f1)} |`,
    `| date accuracy on matched events | ${sh(get<ShareJ>(r.metrics, 'date'))} |`,
    `| status accuracy on matched events | ${sh(get<ShareJ>(r.metrics, 'status'))} |`,
    `| amount accuracy on matched events | ${sh(get<ShareJ>(r.metrics, 'amount'))} |`,
    `| … of those whose gold states an amount | ${sh(get<ShareJ>(r.metrics, 'amountGiven'))} |`,
    `| entity recall by canonical name | ${sh(get<ShareJ>(r.metrics, 'entities'))} |`,
    `| surface-form recall | ${sh(get<ShareJ>(r.metrics, 'surfaceForms'))} |`,
  ];
}

const SECTIONS: Record<string, (r: SetResult) => string[]> = {
  factru: factruSection,
  conll: conllSection,
  nerel: nerelSection,
  bsnlp: bsnlpSection,
  names: namesSection,
  plover: ploverSection,
  petrarch: petrarchSection,
  gold: goldSection,
};

/** The evaluation part of RESULTS.md for these results. */
export function renderResults(
  results: SetResult[],
  failed: Array<{ set: string; message: string }>,
  date: string,
  commit: string,
): string {
  const stages = results.find((r) => r.stages.length)?.stages ?? [];
  const lines = [
    '# Results',
    '',
    `Generated by \`npm run eval\` on ${date} at commit \`${commit}\`; pipeline stages: ${stages.join(', ') || '—'}.`,
    'Test splits wherever a set has them (the PLOVER records have no split; the seed is our development',
    'reference); the data is read from `../shared/data` and is not part of the project. Scorers and their',
    'conventions: `eval/score/*.ts`. Anchor figures are the published ones, not re-run here.',
    '',
  ];
  for (const r of results) {
    const sec = SECTIONS[r.set];
    if (!sec) continue;
    lines.push(...sec(r));
    if (r.notes.length) lines.push('', ...r.notes.map((n) => `Note: ${n}.`));
    lines.push('');
  }
  if (failed.length) {
    lines.push('## Not run', '', ...failed.map((x) => `- ${x.set}: ${x.message}`), '');
  }
  return lines.join('\n');
}

function readExisting(): string {
  return existsSync(RESULTS_PATH) ? readFileSync(RESULTS_PATH, 'utf8') : '';
}

/** A generated block of RESULTS.md between its two markers, or '' when absent. */
function blockOf(existing: string, name: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const a = existing.indexOf(start);
  const b = existing.indexOf(end);
  return a >= 0 && b > a ? existing.slice(a, b + end.length) : '';
}

/** Rewrites the evaluation part of RESULTS.md, keeping the benchmark blocks. */
export function writeEvalResults(evalMarkdown: string): string {
  const existing = readExisting();
  const kept = BLOCKS.map((n) => blockOf(existing, n)).filter(Boolean);
  mkdirSync(dirname(RESULTS_PATH), { recursive: true });
  writeFileSync(RESULTS_PATH, [evalMarkdown.trimEnd(), ...kept].join('\n\n') + '\n');
  return RESULTS_PATH;
}

/**
 * Replaces (or appends) one generated block of RESULTS.md ("bench": the pipeline benchmark, "store":
 * the store benchmark), keeping the rest.
 *
 * @example writeResultsBlock('store', '## Store\n…')
 */
export function writeResultsBlock(name: 'bench' | 'store', markdown: string): string {
  const existing = readExisting() || '# Results\n';
  const block = `<!-- ${name}:start -->\n${markdown.trimEnd()}\n<!-- ${name}:end -->`;
  const old = blockOf(existing, name);
  const next = old ? existing.replace(old, block) : `${existing.trimEnd()}\n\n${block}\n`;
  mkdirSync(dirname(RESULTS_PATH), { recursive: true });
  writeFileSync(RESULTS_PATH, next);
  return RESULTS_PATH;
}

/** Replaces (or appends) the benchmark block of RESULTS.md, keeping the rest. */
export function writeBenchResults(benchMarkdown: string): string {
  return writeResultsBlock('bench', benchMarkdown);
}
