import { identifyLanguages } from '../lang/langid.js';
import { registerStage } from '../pipeline/registry.js';

registerStage({
  name: 'langid',
  description:
    'language of each sentence (ru, en, kk, uk, be, or by script) and the dominant language of the document',
  reads: ['sentences', 'tokens'],
  writes: ['lang'],
  create: (options) => {
    // The reader's --lang arrives on the document; a pipeline-wide option serves documents without one.
    const optionHint = typeof options.lang === 'string' && options.lang !== '' ? options.lang : null;
    return {
      name: 'langid',
      run(doc) {
        const result = identifyLanguages(doc.text, doc.sentences, doc.tokens, doc.langHint ?? optionHint);
        doc.sentences.forEach((s, i) => {
          s.lang = result.sentences[i]!;
        });
        doc.lang = result.lang;
      },
    };
  },
});
