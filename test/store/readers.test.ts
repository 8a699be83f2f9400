import { describe, expect, it } from 'vitest';
import { parseFeed, readFeed } from '../../src/ingest/feed.js';
import { extractHtmlArticle, parsePublishedDate, readHtml } from '../../src/ingest/html.js';

const BODY =
  'Президент Казахстана Касым-Жомарт Токаев прибыл в Вашингтон с официальным визитом, сообщает пресс-служба. ' +
  'В ходе визита запланированы переговоры с Дональдом Трампом и участие в саммите «Центральная Азия – США». ' +
  'Стороны обсудят торговлю, инвестиции и поставки критических минералов.';

describe('HTML reader', () => {
  it('takes the main text, title, date, language and canonical URL from the page', () => {
    const html = `<!doctype html><html lang="ru-RU"><head><title>Токаев прибыл в Вашингтон</title>
      <link rel="canonical" href="https://akorda.kz/ru/1">
      <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2025-11-05T21:00:00+05:00"}]}</script>
      </head><body><nav><a href="/">Главная</a> <a href="/news">Новости</a></nav>
      <article><h1>Токаев прибыл в Вашингтон</h1><p>${BODY}</p><p>Второй абзац статьи о визите.</p></article>
      <footer>Все права защищены</footer></body></html>`;
    const a = extractHtmlArticle(html, 'page.html');
    expect(a.title).toBe('Токаев прибыл в Вашингтон');
    expect(a.date).toBe('2025-11-05');
    expect(a.lang).toBe('ru');
    expect(a.url).toBe('https://akorda.kz/ru/1');
    expect(a.text).toContain(BODY);
    expect(a.text).toContain('\n\nВторой абзац статьи о визите.');
    expect(a.text).not.toContain('Все права защищены');
  });

  it('prefers article:published_time, then <time>', () => {
    const meta = `<html><head><meta property="article:published_time" content="2025-11-06T08:00:00Z"></head><body><p>${BODY}</p></body></html>`;
    expect(extractHtmlArticle(meta, 'a.html').date).toBe('2025-11-06');
    const time = `<html><body><article><time datetime="2025-11-04">4 ноября</time><p>${BODY}</p></article></body></html>`;
    expect(extractHtmlArticle(time, 'b.html').date).toBe('2025-11-04');
  });

  it('reports pages it cannot read as errors for that file', () => {
    expect(readHtml('x.html', Buffer.from('no markup here'), {})[0]).toMatchObject({
      ok: false,
      error: { code: 'E_HTML_PARSE', file: 'x.html' },
    });
    expect(
      readHtml('y.html', Buffer.from('<html><body><script>1</script></body></html>'), {})[0],
    ).toMatchObject({
      ok: false,
      error: { code: 'E_HTML_EMPTY' },
    });
    expect(readHtml('z.html', Buffer.from([0x3c, 0, 0, 1]), {})[0]).toMatchObject({
      ok: false,
      error: { code: 'E_BINARY' },
    });
  });

  it('parses publication dates as written', () => {
    expect(parsePublishedDate('Thu, 06 Nov 2025 23:10:00 +0300')).toBe('2025-11-06');
    expect(parsePublishedDate('2025-11-06T23:30:00-05:00')).toBe('2025-11-06');
    expect(parsePublishedDate('6 ноября 2025 г.')).toBe('2025-11-06');
    expect(parsePublishedDate('12 мая 2024')).toBe('2024-05-12');
    expect(parsePublishedDate('3 марта 2024')).toBe('2024-03-03');
    expect(parsePublishedDate('November 6, 2025')).toBe('2025-11-06');
    expect(parsePublishedDate('06.11.2025')).toBe('2025-11-06');
    expect(parsePublishedDate('31.02.2025')).toBeNull();
    expect(parsePublishedDate('yesterday')).toBeNull();
  });
});

describe('feed reader', () => {
  it('reads RSS items with title, link, date and HTML descriptions as text', () => {
    const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><language>ru</language>
      <item><title>Один &amp; два</title><link>https://x.ru/1</link><pubDate>Thu, 06 Nov 2025 14:00:00 +0300</pubDate>
      <content:encoded><![CDATA[<p>Первый <b>абзац</b>.</p><p>Второй абзац.</p>]]></content:encoded></item>
      <item><title>Только заголовок</title><guid>https://x.ru/2</guid></item></channel></rss>`;
    const items = parseFeed(rss, 'f.rss');
    expect(items[0]).toEqual({
      title: 'Один & два',
      link: 'https://x.ru/1',
      date: '2025-11-06',
      lang: 'ru',
      text: 'Первый абзац.\n\nВторой абзац.',
    });
    expect(items[1]!.link).toBe('https://x.ru/2');
    const read = readFeed('f.rss', Buffer.from(rss), {});
    expect(read).toHaveLength(2);
    expect(read[1]).toMatchObject({ ok: true, input: { text: 'Только заголовок', source: 'f.rss#2' } });
  });

  it('reads Atom entries and RSS 1.0', () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
      <entry><title type="html">Tokayev &lt;b&gt;visits&lt;/b&gt;</title><link rel="self" href="https://y.com/a.xml"/>
      <link rel="alternate" href="https://y.com/a"/><updated>2025-11-06T10:00:00Z</updated><summary>Kazakh president arrived.</summary></entry></feed>`;
    expect(parseFeed(atom, 'a.atom')).toEqual([
      {
        title: 'Tokayev visits',
        link: 'https://y.com/a',
        date: '2025-11-06',
        lang: 'en',
        text: 'Kazakh president arrived.',
      },
    ]);
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel><title>R</title></channel><item><title>Новость</title><link>https://z.ru/1</link><dc:date>2025-11-03</dc:date><description>Текст новости.</description></item></rdf:RDF>`;
    expect(parseFeed(rdf, 'r.rdf')[0]).toMatchObject({
      title: 'Новость',
      date: '2025-11-03',
      text: 'Текст новости.',
    });
  });

  it('names the file and line of broken XML, and refuses XML that is not a feed', () => {
    const broken = '<?xml version="1.0"?>\n<rss><channel>\n<item><title>x</title>\n</channel></rss>';
    const [item] = readFeed('bad.rss', Buffer.from(broken), {});
    expect(item).toMatchObject({ ok: false, error: { code: 'E_FEED_XML', file: 'bad.rss', line: 4 } });
    expect(item!.ok ? '' : item!.error.message).toMatch(/^bad\.rss:4: broken XML/);
    expect(() => parseFeed('<html><body/></html>', 'p.xml')).toThrow(/not an RSS or Atom feed/);
  });
});
