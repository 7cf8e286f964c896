import { describe, expect, it } from 'vitest';
import { loadDeploymentConfig, senderHeader } from '#infra/deployment-config.js';
import { cdkJsonContext } from '../helpers/synth.js';

const stages = cdkJsonContext().stages as Record<string, Record<string, unknown>>;
const prodBlock = stages.prod!;

function load(stage: string, overrides: Record<string, unknown> = {}) {
  const context: Record<string, unknown> = { stage, stages: { [stage]: { ...prodBlock, ...overrides } } };
  return loadDeploymentConfig((key) => context[key]);
}

describe('loadDeploymentConfig', () => {
  it('reads the dev and prod examples in cdk.json', () => {
    const context: Record<string, unknown> = { stages };
    for (const stage of ['dev', 'prod']) {
      const config = loadDeploymentConfig((key) => (key === 'stage' ? stage : context[key]));
      expect(config.stage).toBe(stage);
    }
  });

  it('retains data in prod and fills in defaults', () => {
    const { retainData: _r, api: _a, bots: _b, ...minimal } = prodBlock;
    const context: Record<string, unknown> = { stage: 'prod', stages: { prod: minimal } };
    const config = loadDeploymentConfig((key) => context[key]);
    expect(config.retainData).toBe(true);
    expect(config.api).toEqual({ rateLimit: 20, burstLimit: 40 });
    expect(config.bots).toEqual({ slack: true, telegram: true });
  });

  it('names the stage and lists the known ones when the stage has no block', () => {
    expect(() =>
      loadDeploymentConfig((key) => (key === 'stage' ? 'qa' : key === 'stages' ? stages : undefined)),
    ).toThrow(/no stage "qa" in the "stages" block of cdk.json \(known: dev, prod\)/);
  });

  it('rejects a sender outside the SES domain', () => {
    expect(() =>
      load('prod', { email: { domain: 'relay.example.org', senderAddress: 'digest@other.example.org' } }),
    ).toThrow(/email.senderAddress: must be an address in relay.example.org/);
  });

  it('rejects a bad schedule, time zone, retention and alarm email with each setting named', () => {
    const attempt = () =>
      load('prod', {
        schedules: { timeZone: 'Mars/Olympus', cycle: 'rate(1 hours)' },
        logRetentionDays: 45,
        alarmEmail: 'nobody',
      });
    expect(attempt).toThrow(/schedules.timeZone: must be an IANA time zone/);
    expect(attempt).toThrow(/schedules.cycle: must be an EventBridge Scheduler expression/);
    expect(attempt).toThrow(/logRetentionDays: must be one of the CloudWatch Logs periods/);
    expect(attempt).toThrow(/alarmEmail: must be an email address/);
  });

  it('accepts cron expressions and takes the stages block as JSON from the command line', () => {
    const context: Record<string, unknown> = {
      stage: 'prod',
      stages: JSON.stringify({ prod: { ...prodBlock, schedules: { cycle: 'cron(0/20 * * * ? *)' } } }),
    };
    expect(loadDeploymentConfig((key) => context[key]).schedules).toEqual({
      cycle: 'cron(0/20 * * * ? *)',
      timeZone: 'UTC',
    });
  });

  it('names the per-job schedules of earlier versions instead of ignoring them', () => {
    expect(() => load('prod', { schedules: { ingest: 'rate(15 minutes)', digest: 'rate(1 hour)' } })).toThrow(
      /schedules: unknown keys ingest, digest: the jobs run as one cycle, set schedules.cycle/,
    );
  });

  it('formats the sender header without characters that would break it', () => {
    const config = load('prod', {
      email: {
        domain: 'relay.example.org',
        senderAddress: 'd@relay.example.org',
        senderName: 'IASPN <"Portal">',
      },
    });
    expect(senderHeader(config)).toBe('IASPN Portal <d@relay.example.org>');
  });
});
