import { Writable } from 'node:stream';
import { ERRORS, type ErrorCode } from '@remed/core';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { registerErrorHandler } from './http.ts';

const logged: Record<string, unknown>[] = [];
const app = Fastify({
  logger: {
    level: 'error',
    stream: new Writable({
      write(line, _encoding, done) {
        logged.push(JSON.parse(String(line)));
        done();
      },
    }),
  },
});

beforeAll(async () => {
  registerErrorHandler(app);
  app.get('/plain', async () => {
    throw new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2');
  });
  app.get('/internal', async () => {
    throw new AppError('INTERNAL', 'QR decoding failed: wasm trap', { stack: 'at decode()' });
  });
  app.get<{ Params: { code: ErrorCode } }>('/code/:code', async (req) => {
    throw new AppError(req.params.code);
  });
  app.get('/explained', async () => {
    throw new AppError('VALIDATION_FAILED', 'Дата окончания раньше даты начала', {
      fields: { periodTo: 'Позже даты начала' },
    });
  });
  await app.ready();
});
afterAll(() => app.close());

describe('the error handler', () => {
  it('answers an unexpected error with 500, the fixed message and the request id; the cause stays in the log', async () => {
    const res = await app.inject({ method: 'GET', url: '/plain' });
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body).toEqual({
      code: 'INTERNAL',
      message: ERRORS.INTERNAL.message,
      requestId: expect.any(String),
    });
    expect(res.body).not.toMatch(/ECONNREFUSED|10\.0\.0\.5|hunter2|Error/);
    const entry = logged.find((l) => l.reqId === body.requestId);
    expect(JSON.stringify(entry)).toMatch(/ECONNREFUSED 10\.0\.0\.5/);
  });

  it('never sends the text or the details of an INTERNAL AppError', async () => {
    const res = await app.inject({ method: 'GET', url: '/internal' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      code: 'INTERNAL',
      message: ERRORS.INTERNAL.message,
      requestId: expect.any(String),
    });
  });

  it.each(Object.keys(ERRORS) as ErrorCode[])(
    'answers AppError %s with its status and message from the table',
    async (code) => {
      const res = await app.inject({ method: 'GET', url: `/code/${code}` });
      expect(res.statusCode).toBe(ERRORS[code].status);
      expect(res.json()).toMatchObject({ code, message: ERRORS[code].message });
    },
  );

  it('passes a 4xx its own message and its field details', async () => {
    const res = await app.inject({ method: 'GET', url: '/explained' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Дата окончания раньше даты начала',
      details: { fields: { periodTo: 'Позже даты начала' } },
    });
  });
});
