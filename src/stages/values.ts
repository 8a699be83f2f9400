import type { Value } from '../doc.js';
import { registerStage } from '../pipeline/registry.js';
import { findDates } from '../values/dates.js';
import { findMoney } from '../values/money.js';

registerStage({
  name: 'values',
  description: 'dates (absolute, partial, relative, weekdays, ranges) and amounts of money, per sentence',
  reads: ['sentences'],
  writes: ['values'],
  create: () => ({
    name: 'values',
    run(doc) {
      const values: Value[] = [];
      for (const s of doc.sentences) {
        const text = doc.text.slice(s.start, s.end);
        const lang = s.lang === 'en' ? 'en' : 'ru';
        for (const d of findDates(text, lang, doc.date, s.start)) {
          if (d.invalid) doc.warn('W_DATE_INVALID', `"${d.text}": ${d.invalid}`, d);
          else values.push(d);
        }
        const { values: money, problems } = findMoney(text, s.start);
        for (const p of problems) doc.warn('W_AMOUNT_MALFORMED', p.message, p);
        values.push(...money);
      }
      doc.values = values;
    },
  }),
});
