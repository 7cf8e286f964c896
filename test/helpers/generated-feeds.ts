/**
 * Generated feeds for the ingest tests and benchmarks: realistic RSS 2.0 (HTML descriptions,
 * full content, categories, enclosures, dates), deterministic, never checked in.
 */
const TOPICS = [
  'conditional cash transfers in Peru',
  'social registries in Colombia',
  'pensions for older persons in Jamaica',
  'early childhood programmes in Guatemala',
  'financial inclusion of rural women in Honduras',
  'graduation programmes in Paraguay',
];

export function generatedItem(feed: number, i: number, edition = 0): string {
  const topic = TOPICS[(feed + i) % TOPICS.length]!;
  const day = String((i % 28) + 1).padStart(2, '0');
  const paragraph = `<p>The ministry reported new results on <b>${topic}</b>, with evidence from household surveys &amp; administrative records. Coverage grew in rural districts, and the evaluation found effects on school attendance, nutrition and labour income.</p>`;
  return `<item>
  <title>Feed ${feed} item ${i}: results on ${topic}${edition ? ` (edition ${edition})` : ''}</title>
  <link>https://partner${feed}.example.org/news/${i}?utm_source=rss</link>
  <guid isPermaLink="false">feed-${feed}-item-${i}</guid>
  <pubDate>Mon, ${day} Jun 2025 10:${String(i % 60).padStart(2, '0')}:00 -0500</pubDate>
  <description><![CDATA[${paragraph}]]></description>
  <content:encoded><![CDATA[${paragraph}${paragraph}<ul><li>Coverage</li><li>Targeting</li></ul><p><a href="/reports/${i}.pdf">Full report</a> <img src="/img/${i}.jpg" alt=""></p>]]></content:encoded>
  <category>Social protection</category><category>News</category>
  <dc:creator>Press office</dc:creator>
  ${i % 5 === 0 ? `<enclosure url="https://partner${feed}.example.org/files/${i}.pdf" type="application/pdf" length="120000"/>` : ''}
</item>`;
}

export function generatedFeed(feed: number, items: number, edition = 0): string {
  const body = Array.from({ length: items }, (_, i) => generatedItem(feed, i, edition)).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Partner ${feed}</title><link>https://partner${feed}.example.org/</link><language>en</language>
${body}
</channel></rss>`;
}
