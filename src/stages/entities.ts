/**
 * The `entities` stage: finds every named entity of a document in every form it takes and links
 * each to one identity (see src/entities/). Reads tokens with morphology; writes mentions and
 * entities.
 */
import type { Candidate } from '../entities/recognize.js';
import { tokenForms } from '../entities/forms.js';
import { recognizeRepeats, recognizeSentence } from '../entities/recognize.js';
import { linkDocument } from '../entities/link.js';
import { loadNerModel, tagNer } from '../entities/ner.js';
import { loadKb } from '../kb/kb.js';
import { registerStage } from '../pipeline/registry.js';

registerStage({
  name: 'entities',
  description: 'named entities: KB names, titles, handles and unknown names, linked to one identity each',
  reads: ['sentences', 'tokens', 'morph'],
  writes: ['mentions', 'entities'],
  async create(options) {
    const kb = await loadKb(options.userKb ? { userKb: options.userKb } : {});
    const model = options.ner === false ? null : loadNerModel();
    return {
      name: 'entities',
      run(doc) {
        const cands: Candidate[] = [];
        // One form record per token, shared by the tagger and the recognizer.
        const forms = tokenForms(doc);
        const spans = model ? tagNer(doc, kb, model, false, forms) : [];
        // Appended one by one: a spread call copies its array onto the stack first.
        for (let si = 0; si < doc.sentences.length; si++) {
          for (const c of recognizeSentence(doc, si, kb, spans, forms)) cands.push(c);
        }
        for (const c of recognizeRepeats(doc, cands, forms)) cands.push(c);
        cands.sort((x, y) => x.tokStart - y.tokStart);
        linkDocument(doc, cands, kb);
      },
    };
  },
});
