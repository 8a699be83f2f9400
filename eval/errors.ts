/**
 * Error analysis for `annalist eval … --errors N`: the documents with the most mistakes, their text with
 * false positives and misses marked, so that the next rule is written from evidence. On a terminal the
 * marks are colours (red: we found it, gold did not; yellow: gold has it, we missed it); elsewhere they
 * are `[+text:TYPE+]` and `[-text:TYPE-]`.
 */
import type { TypedSpan } from './score/spans.js';

export interface ErrorDoc {
  id: string;
  text: string;
  /** Spans we predicted that gold does not have. */
  fp: TypedSpan[];
  /** Gold spans we did not predict. */
  fn: TypedSpan[];
  tp: number;
  /** Extra lines (missed forms without positions, wrong events…). */
  notes?: string[];
}

/** Orders documents worst first: most mistakes, then fewest right. */
export function worstDocs(docs: ErrorDoc[], n: number): ErrorDoc[] {
  return [...docs]
    .filter((d) => d.fp.length + d.fn.length + (d.notes?.length ?? 0) > 0)
    .sort((a, b) => b.fp.length + b.fn.length - (a.fp.length + a.fn.length) || a.tp - b.tp)
    .slice(0, n);
}

interface Mark {
  start: number;
  end: number;
  kind: '+' | '-';
  type: string;
}

const ANSI = { '+': '\x1b[41;97m', '-': '\x1b[43;30m', reset: '\x1b[0m', dim: '\x1b[2m' } as const;

/**
 * Marks spans in a piece of text. Spans are relative to `text`; nested spans nest their marks.
 *
 * @example markText('Москва и Киев', [{start:0,end:6,kind:'+',type:'LOC'}], false) // '[+Москва:LOC+] и Киев'
 */
export function markText(text: string, marks: Mark[], color: boolean): string {
  type Ev = { pos: number; open: boolean; mark: Mark };
  // A miss and a false positive on the same span: the miss wraps the false positive.
  const order = (m: Mark): number => (m.kind === '-' ? 0 : 1);
  const evs: Ev[] = [];
  for (const m of marks) {
    evs.push({ pos: m.start, open: true, mark: m });
    evs.push({ pos: m.end, open: false, mark: m });
  }
  evs.sort(
    (a, b) =>
      a.pos - b.pos ||
      (a.open === b.open
        ? a.open
          ? b.mark.end - a.mark.end || order(a.mark) - order(b.mark)
          : b.mark.start - a.mark.start || order(b.mark) - order(a.mark)
        : a.open
          ? 1
          : -1),
  );
  let out = '';
  let at = 0;
  const active: Mark[] = [];
  for (const ev of evs) {
    out += text.slice(at, ev.pos);
    at = ev.pos;
    if (ev.open) {
      active.push(ev.mark);
      out += color ? ANSI[ev.mark.kind] : `[${ev.mark.kind}`;
    } else {
      const i = active.lastIndexOf(ev.mark);
      if (i >= 0) active.splice(i, 1);
      if (color) {
        out += `${ANSI.reset}${ANSI.dim}:${ev.mark.type}${ANSI.reset}`;
        for (const m of active) out += ANSI[m.kind];
      } else out += `:${ev.mark.type}${ev.mark.kind}]`;
    }
  }
  return out + text.slice(at);
}

/** Characters of context shown on each side of a stretch of marks. */
const CONTEXT = 60;

/**
 * Renders one document: a header with its counts, then every line of the text that holds a mistake,
 * cut to the mistakes and some context around them, with the mistakes marked; then the notes.
 */
export function renderErrorDoc(d: ErrorDoc, color: boolean): string {
  const lines: string[] = [];
  lines.push(`── ${d.id}: ${d.tp} right, ${d.fp.length} false positive(s), ${d.fn.length} miss(es)`);
  const marks: Mark[] = [
    ...d.fp.map((s) => ({ start: s.start, end: s.end, kind: '+' as const, type: s.type })),
    ...d.fn.map((s) => ({ start: s.start, end: s.end, kind: '-' as const, type: s.type })),
  ];
  const text = d.text;
  let ls = 0;
  let lineNo = 0;
  while (ls <= text.length) {
    let le = text.indexOf('\n', ls);
    if (le < 0) le = text.length;
    lineNo++;
    const here = marks
      .filter((m) => m.start < le && m.end > ls)
      .map((m) => ({ ...m, start: Math.max(m.start, ls), end: Math.min(m.end, le) }))
      .sort((a, b) => a.start - b.start);
    // Stretches of marks closer than twice the context are shown together.
    const pieces: string[] = [];
    let i = 0;
    while (i < here.length) {
      let from = here[i]!.start;
      let to = here[i]!.end;
      const group = [here[i]!];
      for (i++; i < here.length && here[i]!.start - to < 2 * CONTEXT; i++) {
        group.push(here[i]!);
        to = Math.max(to, here[i]!.end);
      }
      from = Math.max(ls, from - CONTEXT);
      to = Math.min(le, to + CONTEXT);
      const rel = group.map((m) => ({ ...m, start: m.start - from, end: m.end - from }));
      pieces.push(
        `${from > ls ? '…' : ''}${markText(text.slice(from, to), rel, color)}${to < le ? '…' : ''}`,
      );
    }
    if (pieces.length > 0) lines.push(`  ${String(lineNo).padStart(4)}│ ${pieces.join(' ')}`);
    ls = le + 1;
  }
  for (const n of d.notes ?? []) lines.push(`      ${n}`);
  return lines.join('\n');
}
