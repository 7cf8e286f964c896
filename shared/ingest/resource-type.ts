import type { Enclosure, ResourceType } from '../domain/resource.js';
import { findType } from '../taxonomy/index.js';

/**
 * An item's resource type (news, document, video, audio, photo, event, highlight) from what it
 * carries: enclosures' MIME types and extensions, Media RSS, the link's host, its categories.
 */

const DOCUMENT_EXT = /\.(pdf|docx?|xlsx?|pptx?|odt|ods|odp|rtf|epub)(?:$|[?#])/i;
const VIDEO_EXT = /\.(mp4|m4v|mov|webm|mkv|avi)(?:$|[?#])/i;
const AUDIO_EXT = /\.(mp3|m4a|ogg|oga|opus|wav|aac|flac)(?:$|[?#])/i;
const DOCUMENT_MIME =
  /^application\/(pdf|msword|vnd\.openxmlformats-officedocument|vnd\.ms-|vnd\.oasis\.opendocument|rtf|epub)/i;
const VIDEO_HOSTS = /(^|\.)(youtube\.com|youtu\.be|vimeo\.com|dailymotion\.com)$/i;
const AUDIO_HOSTS = /(^|\.)(soundcloud\.com|anchor\.fm|podcasts\.apple\.com|open\.spotify\.com|ivoox\.com)$/i;

export function typeOfEnclosure(e: {
  url: string;
  mimeType?: string;
  medium?: string;
}): ResourceType | undefined {
  const mime = e.mimeType ?? '';
  if (DOCUMENT_MIME.test(mime) || DOCUMENT_EXT.test(e.url) || e.medium === 'document') return 'document';
  if (mime.startsWith('video/') || VIDEO_EXT.test(e.url) || e.medium === 'video') return 'video';
  if (mime.startsWith('audio/') || AUDIO_EXT.test(e.url) || e.medium === 'audio') return 'audio';
  return undefined;
}

/** The host of a canonical URL (already parsed and serialised: no userinfo, lower-case host). */
const hostOf = (url: string) => /^https?:\/\/([^/:?#]+)/.exec(url)?.[1] ?? '';

function typeOfLink(url: string): ResourceType | undefined {
  const host = hostOf(url);
  if (VIDEO_HOSTS.test(host)) return 'video';
  if (AUDIO_HOSTS.test(host)) return 'audio';
  if (DOCUMENT_EXT.test(url)) return 'document';
  return undefined;
}

/** A title's label before a colon or bar ("Webinar: …", "Informe | …"), when it is short enough to be one. */
const TITLE_LABEL = /^\s*([^:|–—]{2,30}?)\s*[:|–—]\s/;

/**
 * The resource type: enclosures (MIME type, extension), Media RSS medium, the link's host or
 * extension, the categories (taxonomy names: "Informe", "Webinar", "Podcast"...), a title's label
 * ("Webinar: …"), the feed's default.
 */
export function inferType(
  enclosures: (Enclosure & { medium?: string })[],
  url: string,
  categories: string[],
  fallback: ResourceType | undefined,
  title = '',
): ResourceType {
  for (const e of enclosures) {
    const t = typeOfEnclosure(e);
    if (t) return t;
  }
  const byLink = typeOfLink(url);
  if (byLink) return byLink;
  for (const c of categories) {
    const t = findType(c);
    if (t) return t;
  }
  const label = TITLE_LABEL.exec(title)?.[1];
  const byTitle = label ? findType(label) : undefined;
  if (byTitle) return byTitle;
  if (
    enclosures.length > 0 &&
    enclosures.every((e) => e.medium === 'image' || e.mimeType?.startsWith('image/'))
  ) {
    // Only images and no text-type hint: a photo story when the feed says so, otherwise an illustrated item.
    if (fallback === 'photo') return 'photo';
  }
  return fallback ?? 'news';
}
