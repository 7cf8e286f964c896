import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { COOP_ROUTE } from '#shared/coop/web/route.js';
import { synthStage } from '../helpers/synth.js';

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties, read by path in assertions
type Props = Record<string, any>;

const DESCRIPTION = 'Cooperation exchange pages: portfolio, email-verified submission, report';

/** Every action the role of the function with this description may take, and on what. */
function statementsOf(template: Template, description: string): Props[] {
  const [fn] = Object.values(
    template.findResources('AWS::Lambda::Function', { Properties: { Description: description } }),
  );
  const roleId = (fn as { Properties: Props }).Properties.Role['Fn::GetAtt'][0];
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .map((p) => (p as { Properties: Props }).Properties)
    .filter((p) => p.Roles.some((r: { Ref: string }) => r.Ref === roleId))
    .flatMap((p) => p.PolicyDocument.Statement as Props[]);
}

describe('the cooperation pages on the HTTP API', () => {
  let template: Template;
  beforeAll(() => {
    template = synthStage('dev');
  }, 120_000);

  it('serves the one route the local stack mounts: /coop and under it, GET and POST', () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map(
      (r) => (r as { Properties: { RouteKey: string } }).Properties.RouteKey,
    );
    const expected = COOP_ROUTE.methods.flatMap((m) => [`${m} /coop`, `${m} /coop/{proxy+}`]);
    expect(routes).toEqual(expect.arrayContaining(expected));
    expect(routes.filter((r) => r.includes('/coop'))).toHaveLength(expected.length);
  });

  it('gives its Lambda least privilege: reads, puts and updates the table (no delete, scan or batch), the email key, SES send', () => {
    const statements = statementsOf(template, DESCRIPTION);
    const actions = statements.flatMap((s) => [s.Action].flat() as string[]);
    expect(actions.filter((a) => a.startsWith('dynamodb:')).sort()).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
    expect(actions.some((a) => /ses:Send/.test(a))).toBe(true);
    // One secret read (the email-link key), whatever the store of secrets.
    const secretReads = actions.filter((a) => /secretsmanager:GetSecretValue|ssm:GetParameter/.test(a));
    expect(secretReads.length).toBeGreaterThan(0);
    const secretStatements = statements.filter((s) =>
      [s.Action].flat().some((a: string) => /secretsmanager:|ssm:/.test(a)),
    );
    expect(JSON.stringify(secretStatements)).toMatch(/email-?token|EmailToken/i);
    expect(JSON.stringify(secretStatements)).not.toMatch(/slack|telegram/i);
  });
});
