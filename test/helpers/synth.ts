import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { loadDeploymentConfig } from '#infra/deployment-config.js';
import { RelayStack } from '#infra/stack.js';

/** Synthesises a stage without bundling the Lambdas (the synth check in `npm test` bundles them). */
export function synthStage(stage: string, context: Record<string, unknown> = {}): Template {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], stage, ...context } });
  const deployment = loadDeploymentConfig((key) => app.node.tryGetContext(key));
  const stack = new RelayStack(app, `IaspnRelay-${stage}`, { deployment });
  return Template.fromStack(stack);
}
