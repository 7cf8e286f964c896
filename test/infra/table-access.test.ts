import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { KEY_PREFIX, keys } from '#shared/store/keys.js';
import { synthStage } from '../helpers/synth.js';

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties, read by path in assertions
type Props = Record<string, any>;

interface Grant {
  actions: string[];
  /** The LeadingKeys prefixes, or undefined for any key. */
  prefixes?: string[];
}

/** Each function's DynamoDB grants, by description. */
function tableGrants(template: Template): Map<string, Grant[]> {
  const policies = Object.values(template.findResources('AWS::IAM::Policy')).map(
    (p) => (p as { Properties: Props }).Properties,
  );
  const out = new Map<string, Grant[]>();
  for (const fn of Object.values(template.findResources('AWS::Lambda::Function'))) {
    const props = (fn as { Properties: Props }).Properties;
    const roleId = props.Role['Fn::GetAtt'][0];
    const statements = policies
      .filter((p) => p.Roles.some((r: { Ref: string }) => r.Ref === roleId))
      .flatMap((p) => p.PolicyDocument.Statement as Props[]);
    out.set(
      props.Description,
      statements
        .map((st) => ({ st, actions: [st.Action].flat() as string[] }))
        .filter(({ actions }) => actions.some((a) => a.startsWith('dynamodb:')))
        .map(({ st, actions }) => ({
          actions: actions.map((a) => a.replace('dynamodb:', '')).sort(),
          prefixes: st.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'],
        })),
    );
  }
  return out;
}

const allowed = (grants: Grant[], action: string) => grants.filter((g) => g.actions.includes(action));

describe('each function’s access to the table', () => {
  let grants: Map<string, Grant[]>;
  beforeAll(() => {
    grants = tableGrants(synthStage('prod'));
  }, 120_000);

  it('never includes stream actions (the table has no stream) or table administration', () => {
    for (const [fn, list] of grants) {
      for (const grant of list) {
        expect(
          grant.actions.filter((a) => /Stream|Shard|GetRecords|Describe|Table$|\*/.test(a)),
          fn,
        ).toEqual([]);
      }
    }
  });

  it('lets the public-facing functions delete only their own kinds of item', () => {
    for (const fn of [
      'Slack bot: /iaspn, mentions, DMs, buttons, App Home',
      'Telegram bot webhook',
      'Subscription pages: subscribe, confirm, preferences, one-click unsubscribe',
      'Cooperation exchange pages: portfolio, email-verified submission, report',
    ]) {
      const list = grants.get(fn)!;
      for (const action of ['DeleteItem', 'BatchWriteItem']) {
        for (const grant of allowed(list, action)) expect(grant.prefixes, `${fn}: ${action}`).toBeDefined();
      }
    }
    expect(allowed(grants.get('Telegram bot webhook')!, 'DeleteItem')[0]!.prefixes).toEqual([
      'CHAN#*',
      'USER#*',
      'DELIVERY#*',
    ]);
    const pages = grants.get('Subscription pages: subscribe, confirm, preferences, one-click unsubscribe')!;
    expect(allowed(pages, 'DeleteItem')).toEqual([]);
    expect(allowed(pages, 'BatchWriteItem')).toEqual([]);
    expect(allowed(pages, 'Scan')).toEqual([]);
    const coop = grants.get('Cooperation exchange pages: portfolio, email-verified submission, report')!;
    for (const action of ['DeleteItem', 'BatchWriteItem', 'Scan'])
      expect(allowed(coop, action), action).toEqual([]);
  });

  it('gives each job only the writes it makes', () => {
    const search = grants.get('Writes the search index snapshot when the library changed')!;
    expect(allowed(search, 'BatchWriteItem')[0]!.prefixes).toEqual(['SEARCH#*']);
    expect(allowed(search, 'DeleteItem')).toEqual([]);
    const ingest = grants.get('Fetches the partner feeds into the library')!;
    expect(allowed(ingest, 'DeleteItem')[0]!.prefixes).toEqual(['FEEDURL#*']);
    expect(allowed(ingest, 'Scan')).toEqual([]);
    const notifications = grants.get('SES bounces and complaints from EventBridge: suppress or count')!;
    expect(allowed(notifications, 'DeleteItem')[0]!.prefixes).toEqual(['DEDUPE#*']);
    for (const fn of [
      'Posts new resources to the channels that follow them',
      'Plans the digest run: due subscribers onto the batch queue',
      'Sends one batch of digests (claims first, paced to the SES rate)',
    ]) {
      expect(allowed(grants.get(fn)!, 'BatchWriteItem')[0]!.prefixes, fn).toEqual(['DELIVERY#*']);
    }
    for (const fn of [
      'Plans the digest run: due subscribers onto the batch queue',
      'Sends one batch of digests (claims first, paced to the SES rate)',
    ]) {
      expect(allowed(grants.get(fn)!, 'DeleteItem')[0]!.prefixes, fn).toEqual(['DELIVERY#*']);
    }
    // The announcement run also re-keys follows stored before the filter language (shared/filters/migrate.ts).
    const announce = grants.get('Posts new resources to the channels that follow them')!;
    expect(allowed(announce, 'DeleteItem')[0]!.prefixes).toEqual(['DELIVERY#*', 'CHAN#*']);
  });

  it('names prefixes the key builders actually write', () => {
    expect(keys.feedUrl('https://x.example.org/feed').pk.startsWith(KEY_PREFIX.feedUrl)).toBe(true);
    expect(keys.searchSnapshotHead().pk.startsWith(KEY_PREFIX.searchSnapshot)).toBe(true);
    expect(keys.searchSnapshotChunk('v', 0).pk.startsWith(KEY_PREFIX.searchSnapshot)).toBe(true);
    expect(keys.channel('slack', 'T1', 'C1').startsWith(KEY_PREFIX.channel)).toBe(true);
    expect(keys.user('slack', 'T1', 'U1').startsWith(KEY_PREFIX.user)).toBe(true);
    expect(keys.delivery('digest', 's', 'p').pk.startsWith(KEY_PREFIX.delivery)).toBe(true);
    expect(keys.dedupe('sns', 'm').pk.startsWith(KEY_PREFIX.dedupe)).toBe(true);
  });
});
