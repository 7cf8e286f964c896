import { escapeMarkup } from '../escape.js';

/**
 * Text elements holding unescaped markup (an RSS `<title>` with a `<b>` in it, Atom `type="xhtml"`
 * content): xml2js keeps an element's text apart from its child elements, so "Nuevo <b>subsidio</b>
 * al empleo" would read as "Nuevo  al empleo". The inner markup of such elements is escaped before
 * parsing, so that it reaches the normaliser as one HTML string in document order (`xhtml` becomes
 * `html`). One linear pass: CDATA sections and comments are stepped over, never searched.
 * `media:content` is a container of other Media RSS elements, not text: it is left alone.
 */
const TEXT_TAG =
  /<!\[CDATA\[|<!--|<(\/?)(content:encoded|(?:atom:)?content|(?:[A-Za-z][\w.-]*:)?(?:title|description|summary|subtitle))(?=[\s/>])([^<>]{0,4096})>/g;
/** A text element whose content has a tag before any CDATA: the pass below is needed. */
const MIXED_HINT =
  /<(?:content:encoded|(?:atom:)?content|(?:[A-Za-z][\w.-]*:)?(?:title|description|summary|subtitle))(?:\s[^<>]*)?>[^<]*<[A-Za-z]/;

export function escapeMixedContent(text: string): string {
  if (!MIXED_HINT.test(text)) return text;
  const open = new Map<string, { tagStart: number; contentStart: number; attrs: string }>();
  const edits: { start: number; end: number; replacement: string }[] = [];
  const tags = new RegExp(TEXT_TAG.source, 'g');
  for (let m = tags.exec(text); m; m = tags.exec(text)) {
    if (m[0] === '<![CDATA[' || m[0] === '<!--') {
      const close = text.indexOf(m[0] === '<!--' ? '-->' : ']]>', tags.lastIndex);
      if (close < 0) break;
      tags.lastIndex = close + 3;
      continue;
    }
    const [, slash, name, attrs = ''] = m as unknown as [string, string, string, string?];
    if (!slash) {
      if (!attrs.endsWith('/')) open.set(name, { tagStart: m.index, contentStart: tags.lastIndex, attrs });
      continue;
    }
    const o = open.get(name);
    if (!o) continue;
    open.delete(name);
    const inner = text.slice(o.contentStart, m.index);
    if (!/<[A-Za-z]/.test(inner) || inner.includes('<![CDATA[')) continue;
    // An element inside this one was escaped already: this edit covers it.
    while (edits.length && edits.at(-1)!.start > o.tagStart) edits.pop();
    const attributes = attrs.replace(/\btype\s*=\s*(["'])xhtml\1/, 'type="html"');
    const escaped = escapeMarkup(inner);
    edits.push({
      start: o.tagStart,
      end: tags.lastIndex,
      replacement: `<${name}${attributes}>${escaped}</${name}>`,
    });
  }
  if (edits.length === 0) return text;
  const out: string[] = [];
  let at = 0;
  for (const e of edits) {
    out.push(text.slice(at, e.start), e.replacement);
    at = e.end;
  }
  out.push(text.slice(at));
  return out.join('');
}
