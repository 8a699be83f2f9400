/**
 * HTML pages as articles: the main text found by Mozilla's Readability over a linkedom DOM, title,
 * publication date and language from the page's metadata. Importing this file registers the reader
 * for `.html`, `.htm` and `.xhtml`.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { DocInput } from '../doc.js';
import { decodeText } from './decode.js';
import { InputError } from './errors.js';
import { isValidDate } from './formats.js';
import { registerReader, type ReadItem, type ReadOptions } from './read.js';

// linkedom's DOM, typed loosely: the project compiles without the DOM library.
/* eslint-disable @typescript-eslint/no-explicit-any */
type DomNode = any;

const MONTHS_EN = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTHS_RU = [
  'январ',
  'феврал',
  'март',
  'апрел',
  'ма',
  'июн',
  'июл',
  'август',
  'сентябр',
  'октябр',
  'ноябр',
  'декабр',
];

function ymd(y: number, m: number, d: number): string | null {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isValidDate(s) ? s : null;
}

function monthIndex(word: string): number {
  const w = word.toLowerCase();
  const en = MONTHS_EN.findIndex((m) => w.startsWith(m));
  if (en >= 0) return en + 1;
  // "мая" / "май" would also match "март" by prefix: check the longer stems first.
  const order = [...MONTHS_RU.keys()].sort((a, b) => MONTHS_RU[b]!.length - MONTHS_RU[a]!.length);
  for (const i of order) {
    const stem = MONTHS_RU[i]!;
    if (stem === 'ма' ? /^ма[йяе]/.test(w) : w.startsWith(stem)) return i + 1;
  }
  return 0;
}

/**
 * The calendar date a publication-date string gives, as written (no time-zone shift: the
 * publisher's local date is the article's date), or null.
 *
 * @example parsePublishedDate('Thu, 06 Nov 2025 23:10:00 +0300') // '2025-11-06'
 * @example parsePublishedDate('6 ноября 2025 г.') // '2025-11-06'
 */
export function parsePublishedDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(s);
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!);
  m = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(s);
  if (m) return ymd(+m[3]!, +m[2]!, +m[1]!);
  m = /\b(\d{1,2})\s+([\p{L}]+)\.?,?\s+(\d{4})\b/u.exec(s);
  if (m && monthIndex(m[2]!)) return ymd(+m[3]!, monthIndex(m[2]!), +m[1]!);
  m = /\b([\p{L}]+)\.?\s+(\d{1,2}),?\s+(\d{4})\b/u.exec(s);
  if (m && monthIndex(m[1]!)) return ymd(+m[3]!, monthIndex(m[1]!), +m[2]!);
  return null;
}

/** ISO 639-1 code from a language tag (`ru-RU`, `en_US`), or null. */
export function langFromTag(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const m = /^([a-z]{2,3})(?:[-_]|$)/i.exec(tag.trim());
  return m ? m[1]!.toLowerCase() : null;
}

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'head',
  'button',
  'form',
  'nav',
]);
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'table',
  'tr',
  'figure',
  'figcaption',
  'hr',
  'address',
]);

/**
 * Plain text of a DOM subtree: paragraphs and other blocks separated by blank lines, spaces inside a
 * paragraph collapsed.
 */
export function domToText(root: DomNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const p = current.replace(/[ \t\f\v\r\n\u00a0]+/g, ' ').trim();
    if (p) paragraphs.push(p);
    current = '';
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = String(node.localName ?? node.nodeName ?? '').toLowerCase();
    if (SKIP.has(tag)) return;
    if (tag === 'br') {
      current += '\n';
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const child of Array.from(node.childNodes ?? []) as DomNode[]) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

function meta(document: DomNode, selectors: string[]): string | null {
  for (const sel of selectors) {
    const el = document.querySelector(sel);
    const v = el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? el?.getAttribute('href');
    if (v && String(v).trim()) return String(v).trim();
  }
  return null;
}

function jsonLdDate(document: DomNode): string | null {
  for (const el of Array.from(document.querySelectorAll('script[type="application/ld+json"]')) as DomNode[]) {
    let data: unknown;
    try {
      data = JSON.parse(el.textContent ?? '');
    } catch {
      continue;
    }
    const stack: unknown[] = [data];
    while (stack.length) {
      const v = stack.pop();
      if (Array.isArray(v)) stack.push(...v);
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (typeof o.datePublished === 'string') return o.datePublished;
        for (const val of Object.values(o)) if (val && typeof val === 'object') stack.push(val);
      }
    }
  }
  return null;
}

export interface HtmlArticle {
  title: string | null;
  date: string | null;
  lang: string | null;
  url: string | null;
  text: string;
}

/**
 * Reads an HTML page: main text (Readability, else the whole body), title, date and language.
 * Throws an `InputError` naming the file when there is no HTML or no text in it.
 *
 * @example extractHtmlArticle('<html lang="ru"><body><article><p>Текст.</p></article></body></html>', 'a.html').lang // 'ru'
 */
export function extractHtmlArticle(html: string, file: string): HtmlArticle {
  if (!/<[a-z!][^>]*>/i.test(html)) {
    throw new InputError('E_HTML_PARSE', file, 'has no HTML markup; not an HTML page');
  }
  let document: DomNode;
  try {
    document = parseHTML(html).document;
  } catch (err) {
    throw new InputError('E_HTML_PARSE', file, `cannot parse the HTML: ${(err as Error).message}`);
  }
  if (!document?.documentElement) throw new InputError('E_HTML_PARSE', file, 'cannot parse the HTML');

  const metaTitle =
    meta(document, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ??
    (document.querySelector('title')?.textContent?.trim() || null);
  const rawDate =
    meta(document, [
      'meta[property="article:published_time"]',
      'meta[itemprop="datePublished"]',
      'meta[name="pubdate"]',
      'meta[name="publishdate"]',
      'meta[name="date"]',
      'meta[name="DC.date.issued"]',
      'meta[name="dc.date"]',
    ]) ??
    jsonLdDate(document) ??
    meta(document, ['time[datetime]']);
  const lang =
    langFromTag(document.documentElement.getAttribute('lang')) ??
    langFromTag(document.documentElement.getAttribute('xml:lang')) ??
    langFromTag(meta(document, ['meta[http-equiv="content-language"]', 'meta[property="og:locale"]']));
  const url = meta(document, ['link[rel="canonical"]', 'meta[property="og:url"]']);
  const fallbackText = domToText(document.body ?? document.documentElement);

  let article: ReturnType<Readability<DomNode>['parse']> = null;
  try {
    // Readability edits the DOM it reads; metadata and the fallback text were taken above.
    article = new Readability<DomNode>(document, { serializer: (n: DomNode) => n }).parse();
  } catch {
    article = null;
  }
  let text = article?.content ? domToText(article.content) : '';
  if (text.length < 200 && fallbackText.length > text.length) text = fallbackText;
  if (!text.trim()) throw new InputError('E_HTML_EMPTY', file, 'has no readable text');
  return {
    title: (article?.title || metaTitle || null)?.trim() || null,
    date: parsePublishedDate(rawDate) ?? parsePublishedDate(article?.publishedTime ?? null),
    lang: lang ?? langFromTag(article?.lang ?? null),
    url: url && /^https?:\/\//i.test(url) ? url : null,
    text,
  };
}

/** Reads one HTML file into a document input (or an error for that file). */
export function readHtml(path: string, buf: Buffer, opts: ReadOptions): ReadItem[] {
  try {
    const { text: html } = decodeText(buf, path, opts.encoding);
    const a = extractHtmlArticle(html, path);
    const input: DocInput = {
      text: a.text,
      title: a.title,
      date: a.date ?? opts.date ?? null,
      lang: opts.lang ?? a.lang,
      url: a.url,
      source: path,
    };
    return [{ ok: true, input }];
  } catch (err) {
    const e = err instanceof InputError ? err : new InputError('E_HTML_PARSE', path, (err as Error).message);
    return [{ ok: false, error: e }];
  }
}

registerReader(['.html', '.htm', '.xhtml'], readHtml);
