/**
 * The name matcher the `names` evaluation runs: the entity stage's transliteration model
 * (src/entities/translit.ts). The plain baseline of `baseline-names.ts` stays for comparison.
 */
import { wordsMatch } from '../src/entities/translit.js';
import type { NameMatcher } from './score/names.js';

/** Returns the matcher and a label saying which one it is. */
export async function loadNameMatcher(): Promise<{ matcher: NameMatcher; label: string; baseline: boolean }> {
  return {
    matcher: (en, ru) => wordsMatch(en, ru),
    label: 'transliteration model (src/entities/translit.ts)',
    baseline: false,
  };
}
