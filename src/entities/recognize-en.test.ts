import { beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, type Pipeline } from '../pipeline/pipeline.js';

let pipeline: Pipeline;

beforeAll(async () => {
  pipeline = await createPipeline({ stages: ['segment', 'langid', 'morph', 'values', 'entities'] });
}, 60_000);

/** The mentions of a text as "TYPE:text" (via adjective shown as ADJ). */
function mentions(text: string): string[] {
  const doc = pipeline.process({ text });
  const out: { start: number; s: string }[] = [];
  for (const e of doc.entities)
    for (const m of e.mentions)
      if (m.via !== 'title')
        out.push({ start: m.start, s: `${m.via === 'adjective' ? 'ADJ' : e.type}:${m.text}` });
  return out.sort((x, y) => x.start - y.start).map((x) => x.s);
}

describe('English recognition beyond the KB', () => {
  it('reads the clubs of a results table in a sports report', () => {
    const got = mentions(
      'SOCCER - ENGLISH LEAGUE RESULTS.\nBradford 1 Tranmere 0\nPortsmouth 2 Bristol Rovers 1',
    );
    expect(got).toContain('ORG:Bradford');
    expect(got).toContain('ORG:Tranmere');
    expect(got).toContain('ORG:Portsmouth');
    expect(got).toContain('ORG:Bristol Rovers');
    expect(got).toContain('ADJ:ENGLISH');
  });

  it('keeps a national team a place and joins a city to its team nickname', () => {
    const got = mentions(
      'BASEBALL - RESULTS.\nThe Florida Marlins beat the Reds in Chicago while England drew.',
    );
    expect(got).toContain('ORG:Florida Marlins');
    expect(got).toContain('ORG:Reds');
    expect(got).not.toContain('ORG:Chicago');
    expect(got).not.toContain('ORG:England');
  });

  it('types unknown names by given names, company suffixes, events and group words', () => {
    const got = mentions(
      'Analyst Michael Ancell of Roosevelt Financial Group Inc said the Kurdish rebels watched the World Cup.',
    );
    expect(got).toContain('PERSON:Michael Ancell');
    expect(got).toContain('ORG:Roosevelt Financial Group Inc');
    expect(got).toContain('ADJ:Kurdish');
    expect(got).toContain('EVENT_NAME:World Cup');
  });

  it('takes a given name before a surname the KB knows as a place for a person', () => {
    expect(mentions('The film was made by Neil Jordan last year.')).toContain('PERSON:Neil Jordan');
  });

  it('reads a dateline in capitals as a place', () => {
    expect(mentions('FARMINGTON HILLS, Mich.\nShares of the company rose.')).toContain(
      'LOC:FARMINGTON HILLS',
    );
  });
});
