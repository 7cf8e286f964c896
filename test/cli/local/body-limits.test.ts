import { describe, expect, it } from 'vitest';
import { request, useLocalHttp } from '../../helpers/local-http.js';

/**
 * Regression (issue 13.6): a request body over 1 MiB got a connection reset from the local stack
 * instead of an answer. It now gets 413, whether its length is declared or it comes chunked.
 */

const MIB = 1024 * 1024;
const local = useLocalHttp({ ses: false });

describe('request bodies over 1 MiB', () => {
  it.each(['/email/subscribe', '/slack/events', '/telegram/webhook'])(
    'get 413 on %s when the length is declared',
    async (path) => {
      const res = await request(`${local.stack.base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: Buffer.alloc(2 * MIB, 0x61),
      });
      expect(res.status).toBe(413);
      expect(res.headers.connection).toBe('close');
    },
  );

  it('get 413 when the body comes chunked, with no length', async () => {
    const chunks = Array.from({ length: 40 }, () => Buffer.alloc(64 * 1024, 0x62));
    const res = await request(`${local.stack.base}/email/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: chunks,
    });
    expect(res.status).toBe(413);
    expect(res.body).toContain('Request too large');
  });

  it('a body just under the limit still reaches its handler', async () => {
    const res = await request(`${local.stack.base}/email/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: Buffer.alloc(MIB - 1, 0x63),
    });
    expect(res.status).toBe(400);
  });
});
