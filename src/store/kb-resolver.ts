import { loadKb } from '../kb/kb.js';
import { morphLemmatizer, nameKeys, tokenKeyWords } from '../kb/keys.js';
import { resolveTitleWords } from '../kb/titles.js';
import { loadRussianMorph } from '../lang/ru/morph.js';
import type { ActorResolver } from './types.js';

const CYR = /[\u0400-\u04ff]/;

/**
 * The knowledge base as the store's actor resolver: a name in any language and case form ("Токаева",
 * "Tokayev"), a title ("Президент Казахстана": its holder today), a QID or a KB id becomes the KB
 * ids it names, best first.
 *
 * @example setActorResolver(await kbActorResolver()); // then `annalist events --actor Токаева`
 */
export async function kbActorResolver(): Promise<ActorResolver> {
  const kb = await loadKb();
  const lemmatize = morphLemmatizer(await loadRussianMorph());
  return (name: string): string[] => {
    const q = name.trim();
    if (/^Q\d+$/.test(q) || q.startsWith('kb:')) return kb.get(q) ? [q] : [];
    const lang = CYR.test(q) ? 'ru' : 'en';
    const ids: string[] = [];
    const add = (id: string): void => {
      if (!ids.includes(id)) ids.push(id);
    };
    const keys = nameKeys(q, lang, lang === 'ru' ? lemmatize : undefined);
    for (const c of kb.lookup(keys.surface)) add(c.entity.id);
    if (keys.lemma) for (const c of kb.lookup(keys.lemma)) add(c.entity.id);
    if (!ids.length) {
      const t = resolveTitleWords(kb, tokenKeyWords(q, lang, lemmatize), { lang });
      for (const h of t?.holders ?? []) add(h.entity.id);
    }
    return ids.slice(0, 5);
  };
}
