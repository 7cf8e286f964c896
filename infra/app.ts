import { App, Tags } from 'aws-cdk-lib';
import { loadDeploymentConfig } from './deployment-config.js';
import { RelayStack } from './stack.js';

const app = new App();
const deployment = loadDeploymentConfig((key) => app.node.tryGetContext(key));
const stack = new RelayStack(app, `IaspnRelay-${deployment.stage}`, {
  deployment,
  description: `iaspn-relay (${deployment.stage}): IASPN partner feeds, search, announcements and digests`,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
Tags.of(stack).add('project', 'iaspn-relay');
Tags.of(stack).add('stage', deployment.stage);
app.synth();
