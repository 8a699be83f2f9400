import { describe, expect, it } from 'vitest';
import { Doc } from '../doc.js';
import { checkPlan, createPipeline, Pipeline } from './pipeline.js';
import { listStages } from './registry.js';
import type { StageDefinition } from './types.js';

const def = (
  name: string,
  reads: StageDefinition['reads'],
  writes: StageDefinition['writes'],
): StageDefinition => ({
  name,
  description: name,
  reads,
  writes,
  create: () => ({ name, run: () => undefined }),
});

describe('pipeline plan', () => {
  it('refuses a stage that reads what no earlier stage writes', () => {
    expect(() => checkPlan([def('a', ['text'], ['sentences']), def('b', ['tokens'], ['lang'])])).toThrow(
      /Stage "b" reads "tokens", which no earlier stage writes/,
    );
  });
  it('says when the writer comes too late', () => {
    expect(() => checkPlan([def('b', ['tokens'], ['lang']), def('a', ['text'], ['tokens'])])).toThrow(
      /stage "a" writes it but comes later/,
    );
  });
  it('accepts a satisfied plan', () => {
    expect(() => checkPlan([def('a', ['text'], ['tokens']), def('b', ['tokens'], ['lang'])])).not.toThrow();
  });
  it('refuses unknown stage names with the list of known ones', async () => {
    await expect(createPipeline({ stages: ['segment', 'nope'] })).rejects.toThrow(
      /No stage named "nope". Known stages: /,
    );
  });
  it('refuses a registered plan out of order', async () => {
    await expect(createPipeline({ stages: ['morph', 'segment'] })).rejects.toThrow(/E?Stage "morph" reads/);
  });
});

describe('registry', () => {
  it('matches the snapshot of registered stages', () => {
    const stages = listStages().map((s) => ({ name: s.name, reads: s.reads, writes: s.writes }));
    expect(stages).toMatchSnapshot();
  });
});

describe('a failing stage', () => {
  it('becomes a warning on the document and later stages still run', () => {
    const ran: string[] = [];
    const p = new Pipeline([
      {
        name: 'boom',
        run: () => {
          throw new Error('bad input here');
        },
      },
      { name: 'after', run: () => void ran.push('after') },
    ]);
    const doc = p.process(new Doc({ text: 'x' }));
    expect(doc.warnings).toEqual([
      { code: 'W_STAGE_FAILED', message: 'Stage "boom" failed on this document: bad input here' },
    ]);
    expect(ran).toEqual(['after']);
  });
});
