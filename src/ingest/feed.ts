/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each item is an article with its title, link and
 * publication date. Importing this file registers the reader for `.rss`, `.atom`, `.rdf` and `.xml`.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import type { DocInput } from '../doc.js';
import { decodeText } from './decode.js';
import { InputError } from './errors.js';
import { normaliseNewlines } from './formats.js';
import { domToText, langFromTag, parsePublishedDate } from './html.js';
import { registerReader, type ReadItem, type ReadOptions } from './read.js';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

/** Text of an element that may be a string, an object with `#text`, or a list of those. */
function textOf(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return textOf(v[0]);
  if (typeof v === 'object') {
    const o = v as Node;
    if ('#text' in o) return textOf(o['#text']);
  }
  return null;
}

function looksLikeHtml(s: string): boolean {
  return /<\/?[a-z][a-z0-9]*(\s[^>]*)?\/?>/i.test(s);
}

function bodyText(v: unknown): string {
  const raw = textOf(v);
  if (!raw) return '';
  const type =
    typeof v === 'object' && v !== null && !Array.isArray(v) ? String((v as Node)['@_type'] ?? '') : '';
  if (type === 'text' || !looksLikeHtml(raw))
    return normaliseNewlines(raw)
      .replace(/[ \t]+/g, ' ')
      .trim();
  const { document } = parseHTML(`<!doctype html><html><body>${raw}</body></html>`);
  return domToText(document.body);
}

function atomLink(v: unknown): string | null {
  const links = (Array.isArray(v) ? v : [v]).filter((x) => x !== undefined && x !== null);
  let fallback: string | null = null;
  for (const l of links) {
    if (typeof l === 'string') return l.trim() || null;
    const o = l as Node;
    const href = typeof o['@_href'] === 'string' ? (o['@_href'] as string) : null;
    const rel = (o['@_rel'] as string | undefined) ?? 'alternate';
    if (href && rel === 'alternate') return href;
    if (href && !fallback) fallback = href;
    const t = textOf(o);
    if (t && !fallback) fallback = t.trim();
  }
  return fallback;
}

interface FeedItem {
  title: string | null;
  link: string | null;
  date: string | null;
  lang: string | null;
  text: string;
}

/**
 * Parses a feed. Throws an `InputError` naming the file (and line, for broken XML) when the XML is
 * broken or the document is not an RSS or Atom feed.
 *
 * @example parseFeed('<rss><channel><item><title>T</title><description>Текст</description></item></channel></rss>', 'f.rss')
 */
export function parseFeed(xml: string, file: string): FeedItem[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new InputError('E_FEED_XML', file, `broken XML: ${msg} (line ${line}, column ${col})`, line);
  }
  let root: Node;
  try {
    root = parser.parse(xml) as Node;
  } catch (err) {
    throw new InputError('E_FEED_XML', file, `broken XML: ${(err as Error).message}`);
  }
  const rss = root.rss as Node | undefined;
  const rdf = root['rdf:RDF'] as Node | undefined;
  const atom = root.feed as Node | undefined;
  if (rss || rdf) {
    const channel = ((rss?.channel ?? rdf?.channel) as Node | undefined) ?? {};
    const channelLang = langFromTag(textOf(channel.language) ?? textOf(channel['dc:language']));
    const items = ((rss ? channel.item : rdf?.item) as Node[] | undefined) ?? [];
    return items.map((it) => ({
      title: textOf(it.title)?.trim() || null,
      link: atomLink(it.link) ?? (textOf(it.guid)?.startsWith('http') ? textOf(it.guid) : null),
      date: parsePublishedDate(textOf(it.pubDate) ?? textOf(it['dc:date'])),
      lang: langFromTag(textOf(it['dc:language'])) ?? channelLang,
      text: bodyText(it['content:encoded']) || bodyText(it.description),
    }));
  }
  if (atom) {
    const feedLang = langFromTag(atom['@_xml:lang'] as string | undefined);
    const entries = (atom.entry as Node[] | undefined) ?? [];
    return entries.map((e) => ({
      title: bodyText(e.title) || null,
      link: atomLink(e.link),
      date: parsePublishedDate(textOf(e.published) ?? textOf(e.updated) ?? textOf(e['dc:date'])),
      lang: langFromTag(e['@_xml:lang'] as string | undefined) ?? feedLang,
      text: bodyText(e.content) || bodyText(e.summary),
    }));
  }
  const first = Object.keys(root).find((k) => !k.startsWith('?'));
  throw new InputError(
    'E_FEED_FORMAT',
    file,
    `is XML but not an RSS or Atom feed (root element <${first ?? '?'}>)`,
  );
}

/** Reads one feed file: one document input per item, or one error for the file. */
export function readFeed(path: string, buf: Buffer, opts: ReadOptions): ReadItem[] {
  let items: FeedItem[];
  try {
    const { text } = decodeText(buf, path, opts.encoding);
    items = parseFeed(text, path);
  } catch (err) {
    const e = err instanceof InputError ? err : new InputError('E_FEED_XML', path, (err as Error).message);
    return [{ ok: false, error: e }];
  }
  return items.map((it, i): ReadItem => {
    const source = `${path}#${i + 1}`;
    const text = it.text || it.title || '';
    if (!text.trim()) {
      return {
        ok: false,
        error: new InputError('E_FEED_ITEM', source, 'the item has neither text nor title'),
      };
    }
    const input: DocInput = {
      text,
      title: it.title,
      url: it.link,
      date: it.date ?? opts.date ?? null,
      lang: opts.lang ?? it.lang,
      source,
    };
    return { ok: true, input };
  });
}

registerReader(['.rss', '.atom', '.rdf', '.xml'], readFeed);
