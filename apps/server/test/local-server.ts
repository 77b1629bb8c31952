import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';

/**
 * A server of the test file's own on a free local port (simulators, canned answers), started before its tests
 * and closed after them. Gives the origin the clients under test are pointed at.
 */
export function setUpLocalServer(routes: (app: FastifyInstance) => Promise<void> | void): () => string {
  let app: FastifyInstance | undefined;
  let origin = '';
  beforeAll(async () => {
    app = Fastify();
    await routes(app);
    await app.listen({ host: '127.0.0.1', port: 0 });
    origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.close();
  });
  return () => origin;
}
