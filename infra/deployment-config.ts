import { z } from 'zod';

/**
 * The deployment's configuration, read from CDK context (`-c stage=prod`, or the `stages` block of
 * cdk.json) and validated at synth. Each stage is its own stack, so dev and prod sit side by side.
 */
const stageSchema = z.object({
  stage: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,20}$/, 'stage must be a short lower-case name such as dev or prod'),
  /** Keep data (table retained, deletion protection on) when the stack is deleted. */
  retainData: z.boolean(),
  ingestIntervalMinutes: z.number().int().min(5).max(1440).default(15),
  logRetentionDays: z.number().int().positive().default(30),
});

export type DeploymentConfig = z.infer<typeof stageSchema>;

const DEFAULTS: Record<string, Partial<DeploymentConfig>> = {
  dev: { retainData: false },
  prod: { retainData: true, logRetentionDays: 90 },
};

/** Reads the stage's settings from context; throws with every problem named. */
export function loadDeploymentConfig(context: (key: string) => unknown): DeploymentConfig {
  const stage = String(context('stage') ?? 'dev');
  const stages = (context('stages') ?? {}) as Record<string, Record<string, unknown>>;
  const candidate = { retainData: stage === 'prod', ...DEFAULTS[stage], ...stages[stage], stage };
  const parsed = stageSchema.safeParse(candidate);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join('.') || 'stage'}: ${i.message}`)
      .join('; ');
    throw new Error(`Invalid deployment configuration for stage "${stage}": ${problems}`);
  }
  return parsed.data;
}
