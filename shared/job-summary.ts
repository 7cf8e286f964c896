/**
 * What a job's run did, in words, from its summary. Apart from shared/jobs.ts (which loads every
 * job) so that the Lambdas that record their runs (shared/health.ts) bundle none of the others.
 */

/** What a run reports: counts and figures, logged and printed as JSON. */
export type JobSummary = Record<string, unknown>;

const num = (summary: JobSummary, key: string): number => {
  const value = summary[key];
  return typeof value === 'number' ? value : 0;
};
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What one run of a job did, in words: "1 new resource from 3 feeds (1 failing)". */
export function describeRun(job: string, summary: JobSummary): string {
  const n = (key: string) => num(summary, key);
  switch (job) {
    case 'ingest': {
      const extra = [
        n('updated') ? `${n('updated')} updated` : '',
        n('failed') ? `${n('failed')} failing` : '',
        n('deferred') ? `${n('deferred')} deferred` : '',
      ].filter(Boolean);
      return `${count(n('new'), 'new resource')} from ${count(n('feeds'), 'feed')}${extra.length ? ` (${extra.join(', ')})` : ''}`;
    }
    case 'search-index':
      if (summary.written === 'delta')
        return `index updated: ${count(n('changed'), 'resource')} changed (${count(n('resources'), 'resource')})`;
      return summary.written
        ? `index rebuilt over ${count(n('resources'), 'resource')}`
        : `index unchanged (${count(n('resources'), 'resource')})`;
    case 'announce': {
      const announced = n('posted') + n('batched');
      const said = announced
        ? `${count(announced, 'resource')} posted to ${count(n('channels'), 'channel')}`
        : 'nothing new to post';
      const reminded = num((summary.reminders ?? {}) as JobSummary, 'sent');
      const withReminders = reminded ? `${said}, ${count(reminded, 'event reminder')} sent` : said;
      const told = num((summary.coop ?? {}) as JobSummary, 'sent');
      const withCoop = told ? `${withReminders}, ${count(told, 'cooperation notice')} told` : withReminders;
      return n('failed') ? `${withCoop}, ${n('failed')} failed (retried next run)` : withCoop;
    }
    case 'digest': {
      if (!n('due')) return 'no digest due';
      if (summary.queued || (n('batches') && !n('sent') && !n('empty') && !n('failed')))
        return `${count(n('due'), 'subscriber')} due, queued in ${count(n('batches'), 'batch', 'batches')}`;
      const parts = [`${count(n('sent'), 'digest')} sent`];
      if (n('empty')) parts.push(`${n('empty')} with nothing new`);
      if (n('failed')) parts.push(`${n('failed')} failed`);
      return parts.join(', ');
    }
    default:
      return JSON.stringify(summary);
  }
}

/** A cycle in one line: "1 new resource, posted to 3 channels, no digest due". */
export function describeCycle(
  results: readonly { job: string; ok: boolean; summary?: JobSummary }[],
): string {
  const of = (job: string) => results.find((r) => r.job === job);
  const parts: string[] = [];
  const ingest = of('ingest');
  if (ingest?.ok) parts.push(count(num(ingest.summary ?? {}, 'new'), 'new resource'));
  const announce = of('announce');
  if (announce?.ok) {
    const s = announce.summary ?? {};
    parts.push(
      num(s, 'posted') + num(s, 'batched')
        ? `posted to ${count(num(s, 'channels'), 'channel')}`
        : 'nothing announced',
    );
  }
  const digest = of('digest');
  if (digest?.ok) {
    const sent = num(digest.summary ?? {}, 'sent');
    parts.push(sent ? `${count(sent, 'digest')} sent` : 'no digest sent');
  }
  const failed = results.filter((r) => !r.ok).map((r) => r.job);
  if (failed.length) parts.push(`failed: ${failed.join(', ')}`);
  return parts.join(', ');
}
