import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** One cdk-nag finding we accept, and why. */
export interface NagAcknowledgment {
  /** The finding's id, e.g. `AwsSolutions-IAM5[Resource::*]` (cdk-nag v3 acknowledges each finding). */
  readonly id: string;
  /** Why the finding is acceptable here: read by reviewers, so make it a real reason. */
  readonly reason: string;
}

/**
 * Acknowledges cdk-nag findings on a construct and everything under it (cdk-nag v3 reads CDK's
 * native Validations acknowledgments). Every call site states its reason in code.
 */
export function acknowledge(scope: IConstruct, rules: NagAcknowledgment[]): void {
  Validations.of(scope).acknowledge(...rules);
}
