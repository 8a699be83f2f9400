import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Doc, Event } from '../src/doc.js';
import { parseSeedFormat } from '../src/ingest/formats.js';
import { HAVE_SEED, SEED_GOLD, SEED_TXT, pipeline, readJson } from './helpers.js';

interface GoldEvent {
  type: string;
  source: string | string[] | null;
  target: string | string[] | null;
  date: string | null;
  amount: { value: number; currency: string } | null;
  status: string;
  evidence: string;
  also_evidence?: string[];
  optional?: boolean;
  date_lenient?: boolean;
}
interface Gold {
  date: string;
  entities: Array<{ name: string; type: string; aliases_in_text: string[]; wikidata?: string }>;
  events: GoldEvent[];
}

const names = (v: string | string[] | null): string[] =>
  (v === null ? [] : Array.isArray(v) ? v : [v]).sort();
const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

function matches(g: GoldEvent, e: Event, doc: Doc): boolean {
  const evidence = [g.evidence, ...(g.also_evidence ?? [])].map(norm);
  return (
    e.type === g.type &&
    JSON.stringify(e.source.map((x) => x.name).sort()) === JSON.stringify(names(g.source)) &&
    JSON.stringify(e.target.map((x) => x.name).sort()) === JSON.stringify(names(g.target)) &&
    evidence.some((t) =>
      norm(doc.text.slice(e.evidence.start, e.evidence.end)).includes(t.replace(/^🇰🇿🇺🇸/u, '')),
    )
  );
}

describe.skipIf(!HAVE_SEED)('the seed article against its gold annotation', () => {
  const load = async (): Promise<{ doc: Doc; gold: Gold }> => {
    const seed = parseSeedFormat(readFileSync(SEED_TXT, 'utf8'))!;
    const doc = (await pipeline()).process({ text: seed.text, date: seed.date, source: SEED_TXT });
    return { doc, gold: readJson<Gold>(SEED_GOLD) };
  };

  it('finds every named entity with its canonical name and all its surface forms', async () => {
    const { doc, gold } = await load();
    for (const g of gold.entities) {
      const e = doc.entities.find((x) => x.name === g.name);
      expect(e, `entity ${g.name}`).toBeDefined();
      expect(e!.type, g.name).toBe(g.type);
      if (g.wikidata) expect(e!.wikidata, g.name).toBe(g.wikidata);
      // The gold lists overlapping variants ("President Trump", "Trump"): a mention covering one counts.
      const texts = e!.mentions.map((m) => m.text.replace(/^@/, ''));
      for (const a of g.aliases_in_text) {
        const bare = a.replace(/^@/, '');
        expect(
          texts.some((t) => t === bare || t.includes(bare)),
          `${g.name}: "${a}"`,
        ).toBe(true);
      }
    }
  });

  it('produces every required event with its type, parties, date, amount and status', async () => {
    const { doc, gold } = await load();
    for (const g of gold.events.filter((x) => !x.optional)) {
      const e = doc.events.find((x) => matches(g, x, doc));
      const got = doc.events.map(
        (x) => `${x.type} ${x.source.map((s) => s.name)} -> ${x.target.map((s) => s.name)}`,
      );
      expect(e, `${g.type} ${names(g.source)} -> ${names(g.target)}; got ${got.join(' | ')}`).toBeDefined();
      if (!g.date_lenient || e!.date !== null) expect(e!.date, `${g.type} date`).toBe(g.date);
      expect(e!.status, `${g.type} status`).toBe(g.status);
      if (g.amount) expect(e!.amount).toMatchObject({ value: g.amount.value, currency: g.amount.currency });
      else expect(e!.amount).toBeNull();
    }
  });

  it('adds no more than two events the gold does not have', async () => {
    const { doc, gold } = await load();
    const extra = doc.events.filter(
      (e) =>
        !gold.events.some(
          (g) =>
            matches(g, e, doc) ||
            (g.optional && g.type === e.type && norm(g.evidence) === norm(e.evidence.text)),
        ),
    );
    expect(extra.map((e) => `${e.type} ${e.evidence.text.slice(0, 60)}`).length).toBeLessThanOrEqual(2);
  });

  it('marks the tweet English and the rest Russian, and dates the document', async () => {
    const { doc } = await load();
    expect(doc.date).toBe('2025-11-07');
    const langs = doc.sentences.map((s) => s.lang);
    const tweet = doc.sentences.filter((s) =>
      doc.text.slice(s.start, s.end).includes('Kassym-Jomart Tokayev'),
    );
    expect(tweet.every((s) => s.lang === 'en')).toBe(true);
    expect(langs.filter((l) => l === 'ru').length).toBe(
      doc.sentences.length - langs.filter((l) => l === 'en').length,
    );
    expect(langs.filter((l) => l === 'en').length).toBeLessThanOrEqual(2);
    const lemma = (form: string): string | undefined => doc.tokens.find((t) => t.text === form)?.lemma;
    expect([lemma('Токаева'), lemma('Казахстана'), lemma('Латником'), lemma('соглашениям')]).toEqual([
      'токаев',
      'казахстан',
      'латник',
      'соглашение',
    ]);
  });
});
