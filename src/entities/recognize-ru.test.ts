import { beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, type Pipeline } from '../pipeline/pipeline.js';

let pipeline: Pipeline;

beforeAll(async () => {
  pipeline = await createPipeline({ stages: ['segment', 'langid', 'morph', 'values', 'entities'] });
}, 60_000);

/** The name mentions of a text as "TYPE:text", in text order. */
function mentions(text: string): string[] {
  const doc = pipeline.process({ text });
  const out: { start: number; s: string }[] = [];
  for (const e of doc.entities)
    for (const m of e.mentions)
      if (m.via !== 'title' && m.via !== 'adjective') out.push({ start: m.start, s: `${e.type}:${m.text}` });
  return out.sort((x, y) => x.start - y.start).map((x) => x.s);
}

describe('Russian recognition beyond the KB', () => {
  it('leaves the legal form out of a company name', () => {
    const got = mentions('Накануне глава ОАО «Газпром» Алексей Миллер пообещал снизить цены.');
    expect(got).not.toContain('ORG:ОАО');
    expect(got).not.toContain('PERSON:ОАО');
    expect(got.some((m) => m.startsWith('ORG:') && m.includes('Газпром'))).toBe(true);
  });

  it('reads a surname that is also a city after a first name as a person', () => {
    const got = mentions(
      'Совсем недавно ушедший из жизни музыкальный король Майкл Джексон совершил переворот.',
    );
    expect(got).toContain('PERSON:Майкл Джексон');
    expect(got).not.toContain('CITY:Джексон');
  });

  it('finds no place in a first name after a preposition', () => {
    const got = mentions('Мы не имели даже возможности поговорить с Виктором по телефону.');
    expect(got.filter((m) => m.startsWith('LOC:') || m.startsWith('CITY:'))).toEqual([]);
  });

  it('takes no Roman numeral or lone article for an organization', () => {
    const got = mentions('Задача даже не XXI, а XXII века, говорит Сагдеев.');
    expect(got.filter((m) => m.startsWith('ORG:'))).toEqual([]);
  });
});
