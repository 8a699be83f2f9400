import { segment } from '../lang/tokenize.js';
import { registerStage } from '../pipeline/registry.js';

registerStage({
  name: 'segment',
  description: 'tokens (words, numbers, punctuation, URLs, handles, hashtags, e-mails, emoji) and sentences',
  reads: ['text'],
  writes: ['sentences', 'tokens'],
  create: () => ({
    name: 'segment',
    run(doc) {
      const { tokens, sentences } = segment(doc.text);
      doc.tokens = tokens;
      doc.sentences = sentences;
    },
  }),
});
