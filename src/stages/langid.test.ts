import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Doc } from '../doc.js';
import { getStage } from '../pipeline/registry.js';
import type { PipelineOptions } from '../pipeline/types.js';
import './langid.js';
import './segment.js';

const SEED = fileURLToPath(new URL('../../../shared/seed/000_68cb7eaf74aae7c3.txt', import.meta.url));
const hasSeed = existsSync(SEED);

async function analysed(doc: Doc, options: PipelineOptions = {}): Promise<Doc> {
  for (const name of ['segment', 'langid']) (await getStage(name).create(options)).run(doc);
  return doc;
}

describe('langid stage', () => {
  it('is registered with what it reads and writes', () => {
    const def = getStage('langid');
    expect(def.reads).toEqual(['sentences', 'tokens']);
    expect(def.writes).toEqual(['lang']);
  });

  it('sets the language of each sentence and of the document', async () => {
    const doc = await analysed(
      new Doc({ text: 'Токаев прибыл в Вашингтон и провел переговоры. He met the president on Thursday.' }),
    );
    expect(doc.sentences.map((s) => s.lang)).toEqual(['ru', 'en']);
    expect(doc.lang).toBe('ru');
  });

  it("follows the reader's --lang for sentences in the same script", async () => {
    const text =
      'Мемлекет басшысы АҚШ-қа барды және келіссөздер жүргізді. Kazakhstan will join the accords, officials said.';
    const hinted = await analysed(new Doc({ text, lang: 'ru' }));
    expect(hinted.sentences.map((s) => s.lang)).toEqual(['ru', 'en']);
    const plain = await analysed(new Doc({ text }));
    expect(plain.sentences.map((s) => s.lang)).toEqual(['kk', 'en']);
    const viaOption = await analysed(new Doc({ text }), { lang: 'ru' });
    expect(viaOption.sentences.map((s) => s.lang)).toEqual(['ru', 'en']);
  });

  it('leaves an empty document undetermined', async () => {
    const doc = await analysed(new Doc({ text: '' }));
    expect(doc.sentences).toEqual([]);
    expect(doc.lang).toBe('und');
  });

  it.skipIf(!hasSeed)(
    'finds the English tweet in the Russian seed article (needs ../shared/seed/)',
    async () => {
      const text = readFileSync(SEED, 'utf8').replace(/^\s?date \d{4}-\d{2}-\d{2}\s/, '');
      const doc = await analysed(new Doc({ text }));
      const english = doc.sentences
        .filter((s) => s.lang === 'en')
        .map((s) => text.slice(s.start, s.start + 12));
      expect(english).toEqual(['🇰🇿🇺🇸New:', 'My story on ']);
      expect(doc.sentences.filter((s) => s.lang !== 'en').every((s) => s.lang === 'ru')).toBe(true);
      expect(doc.sentences.filter((s) => s.lang === 'ru')).toHaveLength(13);
      expect(doc.lang).toBe('ru');
    },
  );
});
