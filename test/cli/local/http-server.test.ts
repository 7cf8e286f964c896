import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeIndex, startHttpServer } from '#cli/local/http-server.js';
import { closeServer } from '#cli/local/ports.js';
import { jsonResult } from '#shared/http/types.js';
import { silentLog } from '#shared/log.js';

describe('the local stack’s HTTP port', () => {
  const routes = [
    { prefix: '/health', describe: 'liveness', handler: async () => jsonResult(200, { ok: true }) },
    { prefix: '/email', describe: 'digest pages', handler: async () => jsonResult(200, { page: 'email' }) },
  ];
  let server: Awaited<ReturnType<typeof startHttpServer>>;
  let base: string;

  beforeAll(async () => {
    server = await startHttpServer({ host: '127.0.0.1', port: 0, log: silentLog });
    server.mount(routes);
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(() => closeServer(server.server));

  it('lists its endpoints at the root, the address `npm start` prints', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toBe(routeIndex(routes));
    expect(text).toContain('/email   digest pages');
    expect(text).toContain('/health  liveness');
  });

  it('still answers 404 for paths no route serves, and routes the rest', async () => {
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
    expect((await fetch(`${base}/`, { method: 'POST', body: 'x' })).status).toBe(404);
    expect(await (await fetch(`${base}/email/subscribe`)).json()).toEqual({ page: 'email' });
  });
});
