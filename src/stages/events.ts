/**
 * The `events` stage: who did what to whom, when, for how much, with status and evidence, by the
 * rules of src/lang/<iso>/event-rules.ts run through the engine of src/events/engine.ts.
 */
import { compileLang, extractEvents, type EngineKb } from '../events/engine.js';
import { loadTopics } from '../events/topics.js';
import { loadKb } from '../kb/kb.js';
import { EN_EVENT_RULES } from '../lang/en/event-rules.js';
import { EN_DEADLINE, EN_MODALITY } from '../lang/en/modality.js';
import { RU_EVENT_RULES } from '../lang/ru/event-rules.js';
import { RU_DEADLINE, RU_MODALITY } from '../lang/ru/modality.js';
import { registerStage } from '../pipeline/registry.js';
import { RU_TIME_NOUNS } from '../lang/ru/time.js';
import { EN_TIME_NOUNS } from '../lang/en/time.js';

registerStage({
  name: 'events',
  description:
    'events coded to CAMEO and PLOVER with source, target, date, amount, status and evidence; quotes',
  reads: ['sentences', 'tokens', 'morph', 'entities', 'values'],
  writes: ['events', 'quotes'],
  async create(options) {
    const kb = await loadKb(options.userKb ? { userKb: options.userKb } : {});
    const topics = loadTopics();
    const langs = {
      ru: compileLang({
        code: 'ru',
        rules: RU_EVENT_RULES,
        cues: RU_MODALITY,
        topics: topics.ru,
        deadline: RU_DEADLINE,
        timeNouns: RU_TIME_NOUNS,
      }),
      en: compileLang({
        code: 'en',
        rules: EN_EVENT_RULES,
        cues: EN_MODALITY,
        topics: topics.en,
        deadline: EN_DEADLINE,
        timeNouns: EN_TIME_NOUNS,
      }),
    };
    const engineKb: EngineKb = {
      sectors: (id) => kb.get(id)?.sector ?? [],
      isCapital: (id) => kb.get(id)?.type === 'CITY' && kb.metonymOf(id) !== undefined,
      country(iso3) {
        const c = kb.countryByIso3(iso3);
        if (!c) return null;
        const names: Record<string, string> = {};
        if (c.ru?.[0]) names.ru = c.ru[0];
        if (c.kk?.[0]) names.kk = c.kk[0];
        return {
          id: c.id,
          wikidata: /^Q\d+$/.test(c.id) ? c.id : null,
          name: c.name,
          names,
          type: c.type,
          country: c.iso3 ?? iso3,
          roles: [],
          rule: 'kb.country-of-actor',
        };
      },
    };
    return {
      name: 'events',
      run(doc) {
        const { events, quotes } = extractEvents(doc, langs, engineKb);
        doc.events = events;
        doc.quotes = quotes;
      },
    };
  },
});
