import { Eta } from 'eta/core';
import { CONTROL_CHARACTERS } from './mime.js';

/**
 * The template engines. HTML templates escape every `<%= %>` interpolation (&, <, >, ", ');
 * `<%~ %>` (raw) is used only for fragments these modules rendered themselves, never for data.
 * Text templates do not escape (plain text cannot run anything) and keep their whitespace.
 * Templates are strings compiled once, on first use, so the Lambda bundles need no template files.
 */
export const htmlEngine = new Eta({ autoEscape: true, autoTrim: false, cache: true, useWith: false });
export const textEngine = new Eta({ autoEscape: false, autoTrim: false, cache: true, useWith: false });

/**
 * A typed renderer for a named template, compiled on its first render (then kept by the engine):
 * modules define their templates at load, and a cold start should not compile the pages and
 * emails it will not render (a bot's, a digest job's).
 */
export function template<T extends object>(engine: Eta, name: string, source: string): (data: T) => string {
  let loaded = false;
  return (data: T) => {
    if (!loaded) {
      engine.loadTemplate(`@${name}`, source);
      loaded = true;
    }
    return engine.render(`@${name}`, data);
  };
}

/** An absolute http(s) URL, or undefined: feed-derived links never carry `javascript:` or `data:`. */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Plain text on one line, without control characters, cut at `max` characters on a word boundary. */
export function oneLine(value: string | undefined, max = 300): string {
  const flat = (value ?? '').replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
