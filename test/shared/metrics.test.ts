import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMetrics, METRIC, METRIC_SERVICE, metricsNamespace } from '#shared/metrics.js';

describe('createMetrics', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes one EMF line with the namespace, service dimension and counts the alarms read', () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const metrics = createMetrics(metricsNamespace('prod'), METRIC_SERVICE.ingest);
    metrics.countAll({ [METRIC.feedsFetched]: 7, [METRIC.feedsFailed]: 2, [METRIC.newResources]: 'n/a' });
    metrics.count(METRIC.newResources);
    metrics.publish();
    const emf = JSON.parse(lines.find((l) => l.includes('_aws'))!);
    expect(emf._aws.CloudWatchMetrics[0]).toMatchObject({
      Namespace: 'IaspnRelay/prod',
      Dimensions: [['service']],
    });
    expect(emf).toMatchObject({ service: 'ingest', FeedsFetched: 7, FeedsFailed: 2, NewResources: 1 });
  });
});
