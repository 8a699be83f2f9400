import { parseArgs } from 'node:util';
import { parseEncoding } from '../../ingest/decode.js';
import { isValidDate } from '../../ingest/formats.js';
import { readInputs } from '../../ingest/read.js';
import { toDocumentJson } from '../../output.js';
import { DEFAULT_STAGES, createPipeline } from '../../pipeline/pipeline.js';
import { println, registerCommand } from '../command.js';

const USAGE = `Usage: annalist extract FILE|DIR|- [options]

Reads articles (seed format " date YYYY-MM-DD text", plain text, JSON Lines, stdin "-")
and prints them as annalist/document@1 JSON.

Options:
  --format json|jsonl   one JSON document (an array for several), or one per line (default json)
  --date YYYY-MM-DD     publication date for plain text without a header
  --lang ru|en|kk       language of the input, when known
  --encoding NAME       utf-8, cp1251 or koi8-r (default: detected)
  --tokens              include tokens with lemma, pos and features
  --no-text             leave the text out
  --explain             keep the rule behind every mention and event
  --stages a,b,c        run these stages (default ${DEFAULT_STAGES.join(',')})`;

registerCommand({
  name: 'extract',
  summary: 'extract entities and events from articles and print them as JSON',
  usage: USAGE,
  async run({ argv, stdout, stderr }) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'json' },
        date: { type: 'string' },
        lang: { type: 'string' },
        encoding: { type: 'string' },
        tokens: { type: 'boolean', default: false },
        'no-text': { type: 'boolean', default: false },
        explain: { type: 'boolean', default: false },
        stages: { type: 'string' },
      },
    });
    if (positionals.length === 0) {
      println(stderr, USAGE);
      return 2;
    }
    if (values.format !== 'json' && values.format !== 'jsonl') {
      println(stderr, `annalist extract: --format must be json or jsonl, not "${values.format}"`);
      return 2;
    }
    if (values.date !== undefined && !isValidDate(values.date)) {
      println(stderr, `annalist extract: --date must be a real date as YYYY-MM-DD, not "${values.date}"`);
      return 2;
    }
    const encoding = values.encoding ? parseEncoding(values.encoding) : undefined;
    const pipeline = await createPipeline({
      stages: values.stages ? values.stages.split(',').map((s) => s.trim()) : undefined,
      lang: values.lang,
      explain: values.explain,
    });
    const outOpts = { tokens: values.tokens, text: !values['no-text'], explain: values.explain };
    let failed = 0;
    let count = 0;
    const buffered: unknown[] = [];
    for await (const item of readInputs(positionals, {
      date: values.date ?? null,
      lang: values.lang ?? null,
      encoding,
    })) {
      if (!item.ok) {
        failed++;
        println(stderr, `annalist extract: ${item.error.code}: ${item.error.message}`);
        continue;
      }
      const doc = pipeline.process(item.input);
      for (const w of doc.warnings) {
        const where = w.start !== undefined ? ` at ${w.start}-${w.end}` : '';
        println(
          stderr,
          `annalist extract: warning ${w.code} in ${doc.source ?? doc.id}${where}: ${w.message}`,
        );
      }
      const json = toDocumentJson(doc, outOpts);
      count++;
      if (values.format === 'jsonl') println(stdout, JSON.stringify(json));
      else buffered.push(json);
    }
    if (values.format === 'json' && count > 0) {
      println(stdout, JSON.stringify(buffered.length === 1 ? buffered[0] : buffered, null, 2));
    }
    if (failed > 0)
      println(stderr, `annalist extract: ${count} document(s) extracted, ${failed} input(s) failed`);
    return failed > 0 ? 1 : 0;
  },
});
