import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKb, shippedKbPath, type Kb } from '../kb/kb.js';
import { createPipeline, type Pipeline } from '../pipeline/pipeline.js';
import {
  contextFeatures,
  FORM_GROUPS,
  formFeatureGroups,
  MAX_TOKEN_FEATURES,
  nerSentenceRanges,
  PADDING,
  tokenFeatures,
  tokenInfos,
  type TokInfo,
} from './ner-features.js';

let pipeline: Pipeline;
let kb: Kb | null = null;

beforeAll(async () => {
  pipeline = await createPipeline({ stages: ['segment', 'langid', 'morph'] });
  if (existsSync(shippedKbPath())) kb = await loadKb();
});

const TEXT =
  'Вчера министр финансов Антон Силуанов встретился с главой «Сбербанка» Германом Грефом в Москве. ' +
  'Президент Казахстана Касым-Жомарт Токаев прибыл в Вашингтон, сообщает пресс-служба Акорды. ' +
  'Компания John Deere и корпорация "Chevron" объявили о сделке.';

/** Feature ids of `buf[from .. to)`, sorted. */
function sorted(buf: Uint32Array, from: number, to: number): number[] {
  return [...buf.subarray(from, to)].sort((x, y) => x - y);
}

describe('the grouped features the model sums per form', () => {
  it('make up exactly the features of every token', () => {
    const doc = pipeline.process({ text: TEXT });
    const ranges = nerSentenceRanges(doc);
    const infos = tokenInfos(doc, ranges, kb);
    const buf = new Uint32Array(MAX_TOKEN_FEATURES);
    const ends = new Int32Array(FORM_GROUPS);
    /** Group g of the form features of x. */
    const group = (x: TokInfo, g: number): number[] => {
      formFeatureGroups(x, buf, ends);
      return [...buf.subarray(g === 0 ? 0 : ends[g - 1]!, ends[g]!)];
    };
    let tokens = 0;
    for (const [a, b] of ranges) {
      const s = infos.slice(a, b) as TokInfo[];
      for (let j = 0; j < s.length; j++) {
        const want = sorted(buf, 0, tokenFeatures(s, j, buf, 0));
        const got = [
          ...group(s[j]!, 0),
          ...group(j >= 2 ? s[j - 2]! : PADDING.bos, 1),
          ...group(j + 2 < s.length ? s[j + 2]! : PADDING.eos, 2),
          ...group(j >= 1 ? s[j - 1]! : PADDING.bos, 3),
          ...group(j + 1 < s.length ? s[j + 1]! : PADDING.eos, 4),
        ];
        got.push(...sorted(buf, 0, contextFeatures(s, j, buf, 0)));
        expect(got.sort((x, y) => x - y)).toEqual(want);
        tokens++;
      }
    }
    expect(tokens).toBeGreaterThan(30);
  });
});
