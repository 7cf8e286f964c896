import type { Stack } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { buildStage } from '../helpers/synth.js';
import { buildWiredStage } from './fixtures/wired-stack.js';

/** Every AwsSolutions finding not acknowledged (with a reason) in code. */
function findings(stack: Stack): string[] {
  const report = new AwsSolutionsChecks().validateScope(stack);
  return report.violations.flatMap((v) =>
    v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}: ${v.description}`),
  );
}

describe('cdk-nag AwsSolutions', () => {
  it.each(['dev', 'prod'])('finds nothing unacknowledged in the %s stack', (stage) => {
    expect(findings(buildStage(stage))).toEqual([]);
  });

  it('finds nothing unacknowledged in functions wired through the house constructs', () => {
    expect(findings(buildWiredStage('prod'))).toEqual([]);
  });
});
