import { describe, expect, it } from 'vitest';
import { EN_EVENT_RULES } from '../src/lang/en/event-rules.js';
import { RU_EVENT_RULES } from '../src/lang/ru/event-rules.js';
import { eventType } from '../src/events/vocabulary.js';
import { pipeline } from './helpers.js';

const rules = [...RU_EVENT_RULES, ...EN_EVENT_RULES];

describe('event rules are well formed', () => {
  it('have unique ids, known types and at least one example each', () => {
    const ids = new Set<string>();
    for (const r of rules) {
      expect(ids.has(r.id), r.id).toBe(false);
      ids.add(r.id);
      expect(eventType(r.type), `${r.id}: type ${r.type}`).toBeDefined();
      expect(r.examples.length, `${r.id} has no example`).toBeGreaterThan(0);
      expect(r.id.startsWith(`${r.lang}.`), r.id).toBe(true);
    }
  });
});

// Every rule's examples run through the whole pipeline: the rule must produce the expected event.
describe.each(rules.map((r) => [r.id, r] as const))('rule %s', (_id, rule) => {
  it.each(rule.examples.map((ex) => [ex.text, ex] as const))('%s', async (_text, ex) => {
    const doc = (await pipeline()).process({ text: ex.text, date: ex.date ?? '2025-11-07' });
    const found = doc.events.filter((e) => e.type === ex.expect.type);
    const summary = doc.events.map(
      (e) => `${e.type} ${e.source.map((x) => x.name)} -> ${e.target.map((x) => x.name)} (${e.rule})`,
    );
    expect(found.length, `no ${ex.expect.type} in: ${summary.join('; ')}`).toBeGreaterThan(0);
    const ev =
      found.find(
        (e) => !ex.expect.source || ex.expect.source.every((n) => e.source.some((s) => s.name === n)),
      ) ?? found[0]!;
    if (ex.expect.source)
      expect(ev.source.map((s) => s.name).sort(), summary.join('; ')).toEqual([...ex.expect.source].sort());
    if (ex.expect.target)
      expect(ev.target.map((s) => s.name).sort(), summary.join('; ')).toEqual([...ex.expect.target].sort());
    if (ex.expect.status) expect(ev.status).toBe(ex.expect.status);
    if (ex.expect.date !== undefined) expect(ev.date).toBe(ex.expect.date);
    if (ex.expect.amount !== undefined) expect(ev.amount?.value).toBe(ex.expect.amount);
    expect(ev.evidence.text.length).toBeGreaterThan(0);
    expect(doc.text.slice(ev.evidence.start, ev.evidence.end)).toBe(ev.evidence.text);
  });
});
