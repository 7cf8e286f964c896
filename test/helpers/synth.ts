import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { loadDeploymentConfig } from '#infra/deployment-config.js';
import { RelayStack } from '#infra/stack.js';

/** The `context` block of cdk.json (the `stages` live there), as `cdk synth` would read it. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8'));
  return cdkJson.context ?? {};
}

/** Builds a stage's stack without bundling the Lambdas (the synth check in `npm test` bundles them). */
export function buildStage(stage: string, context: Record<string, unknown> = {}): RelayStack {
  const app = new App({
    context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [], stage, ...context },
  });
  const deployment = loadDeploymentConfig((key) => app.node.tryGetContext(key));
  return new RelayStack(app, `IaspnRelay-${stage}`, { deployment });
}

/** Synthesises a stage without bundling the Lambdas. */
export function synthStage(stage: string, context: Record<string, unknown> = {}): Template {
  return Template.fromStack(buildStage(stage, context));
}
