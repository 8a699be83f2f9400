import { beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, type Pipeline } from '../pipeline/pipeline.js';
import { institutionName } from '../lang/ru/institutions.js';

let pipeline: Pipeline;

beforeAll(async () => {
  pipeline = await createPipeline({ stages: ['segment', 'langid', 'morph', 'values', 'entities'] });
}, 60_000);

describe('state institutions the KB does not hold', () => {
  it('knows the English titles by nominative lemma, not by inflected form', () => {
    expect(institutionName('Министерство энергетики')).toBe('Ministry of Energy');
    expect(institutionName('министерство финансов')).toBe('Ministry of Finance');
    expect(institutionName('Министерства энергетики')).toBeNull();
    expect(institutionName('Министерство чудес')).toBeNull();
  });

  it('names the ministry with the country that follows it, one entity for every form', () => {
    const doc = pipeline.process({
      text:
        'Министерство энергетики Казахстана и китайская компания подписали соглашение. ' +
        'Представители Министерства энергетики Казахстана отметили важность проекта.',
      date: '2025-11-07',
    });
    const orgs = doc.entities.filter((e) => e.type === 'ORG');
    expect(orgs.map((e) => e.name)).toEqual(['Ministry of Energy of Kazakhstan']);
    expect(orgs[0]!.country).toBe('KAZ');
    expect(orgs[0]!.mentions).toHaveLength(2);
  });

  it('keeps ministries of different countries apart', () => {
    const doc = pipeline.process({
      text: 'Глава Министерства финансов Кыргызстана встретился с коллегой из Министерства финансов Узбекистана.',
      date: '2025-11-07',
    });
    const names = doc.entities.filter((e) => e.type === 'ORG').map((e) => e.name);
    expect(names).toContain('Ministry of Finance of Kyrgyzstan');
    expect(names).toContain('Ministry of Finance of Uzbekistan');
  });
});
