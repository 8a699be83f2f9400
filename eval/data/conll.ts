/**
 * CoNLL-2003 English (dev = eng.testa, test = eng.testb; IOB2 tags in this mirror). Documents are
 * rebuilt as text from the tokens, one sentence a line, with every token's character offsets, so that
 * our pipeline reads running text and its character spans map back onto the gold tokens.
 */
import { readFileSync } from 'node:fs';
import { requirePath } from '../paths.js';
import type { TypedSpan } from '../score/spans.js';

export interface ConllToken {
  text: string;
  start: number;
  end: number;
  /** NER tag as given (IOB2 here; IOB1 is read too). */
  tag: string;
}

export interface ConllDoc {
  id: string;
  text: string;
  tokens: ConllToken[];
  /** Gold entities as token index ranges `[start, end)`. */
  gold: TypedSpan[];
}

const FILES = { dev: 'eng.testa.txt', test: 'eng.testb.txt' } as const;

// Tokens glued to the previous one in running text, and tokens the next one is glued to.
const NO_SPACE_BEFORE = /^(?:[.,;:!?)\]}%]|'s|'S|n't|N'T|'re|'ve|'ll|'d|'m)$/;
const NO_SPACE_AFTER = /^[([{$]$/;

/**
 * Rebuilds running text from sentences of tokens: one sentence a line, a space between tokens except
 * before closing punctuation and clitics and after opening brackets.
 *
 * @example detokenize([['Japan', 'won', '.']]).text // 'Japan won.'
 */
export function detokenize(sentences: string[][]): { text: string; offsets: Array<Array<[number, number]>> } {
  let text = '';
  const offsets: Array<Array<[number, number]>> = [];
  for (const sent of sentences) {
    if (text) text += '\n';
    const offs: Array<[number, number]> = [];
    let prev = '';
    sent.forEach((tok, i) => {
      if (i > 0 && !NO_SPACE_BEFORE.test(tok) && !NO_SPACE_AFTER.test(prev)) text += ' ';
      offs.push([text.length, text.length + tok.length]);
      text += tok;
      prev = tok;
    });
    offsets.push(offs);
  }
  return { text, offsets };
}

/**
 * Reads IOB1 or IOB2 tags into chunks (token index ranges), as conlleval does: a chunk starts at B-X, at
 * I-X after O or after another type, and ends before anything that does not continue it.
 *
 * @example chunksFromTags(['B-PER', 'I-PER', 'O', 'I-LOC']) // [{start:0,end:2,type:'PER'},{start:3,end:4,type:'LOC'}]
 */
export function chunksFromTags(tags: readonly string[]): TypedSpan[] {
  const out: TypedSpan[] = [];
  let cur: TypedSpan | null = null;
  tags.forEach((tag, i) => {
    const [prefix, type] = tag === 'O' || !tag.includes('-') ? ['O', ''] : [tag.slice(0, 1), tag.slice(2)];
    const continues = cur !== null && prefix === 'I' && cur.type === type;
    if (!continues && cur) {
      out.push(cur);
      cur = null;
    }
    if (prefix !== 'O' && !continues) cur = { start: i, end: i + 1, type };
    else if (continues && cur) cur.end = i + 1;
  });
  if (cur) out.push(cur);
  return out;
}

/**
 * Parses a CoNLL-2003 file into documents (split at `-DOCSTART-`).
 *
 * @example parseConll('-DOCSTART- -X- -X- O\n\nJapan NNP B-NP B-LOC\n', 'testb')[0].gold
 */
export function parseConll(raw: string, prefix: string): ConllDoc[] {
  const docs: ConllDoc[] = [];
  let sentences: Array<Array<{ text: string; tag: string }>> = [];
  let sent: Array<{ text: string; tag: string }> = [];
  const flushSentence = (): void => {
    if (sent.length) sentences.push(sent);
    sent = [];
  };
  const flushDoc = (): void => {
    flushSentence();
    if (sentences.length === 0) return;
    const { text, offsets } = detokenize(sentences.map((s) => s.map((t) => t.text)));
    const tokens: ConllToken[] = [];
    sentences.forEach((s, si) =>
      s.forEach((t, ti) => {
        const [start, end] = offsets[si]![ti]!;
        tokens.push({ text: t.text, start, end, tag: t.tag });
      }),
    );
    docs.push({ id: `${prefix}-${docs.length + 1}`, text, tokens, gold: chunksFromTags(tokens.map((t) => t.tag)) });
    sentences = [];
  };
  for (const line of raw.split(/\r?\n/)) {
    if (line.startsWith('-DOCSTART-')) {
      flushDoc();
      continue;
    }
    const parts = line.trim().split(/\s+/);
    if (parts.length < 2 || !parts[0]) {
      flushSentence();
      continue;
    }
    sent.push({ text: parts[0], tag: parts[parts.length - 1]! });
  }
  flushDoc();
  return docs;
}

/**
 * Loads a split of CoNLL-2003.
 *
 * @example loadConll('/data', 'test').length // 231
 */
export function loadConll(data: string, split: 'dev' | 'test', limit?: number): ConllDoc[] {
  const p = requirePath(data, 'conll2003-en', FILES[split]);
  const docs = parseConll(readFileSync(p, 'utf8'), split === 'dev' ? 'testa' : 'testb');
  return limit !== undefined ? docs.slice(0, limit) : docs;
}

/**
 * Projects character spans onto token index ranges: a span covers every token it overlaps. This is how
 * a system with its own tokenization is put onto the CoNLL tokens before conlleval's exact match.
 * Spans that overlap no token are dropped.
 */
export function charToTokenSpans(spans: TypedSpan[], tokens: ReadonlyArray<{ start: number; end: number }>): TypedSpan[] {
  const out: TypedSpan[] = [];
  for (const s of spans) {
    let a = -1;
    let b = -1;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.end <= s.start) continue;
      if (t.start >= s.end) break;
      if (a < 0) a = i;
      b = i + 1;
    }
    if (a >= 0) out.push({ start: a, end: b, type: s.type, text: s.text });
  }
  return out;
}
