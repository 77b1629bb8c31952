import crypto from 'node:crypto';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyText } from '../../test/fuzz.ts';
import {
  createTestContext,
  loggedIn,
  makeOrganisations,
  makeProgram,
  multipartBody,
  TestClient,
  type TestContext,
} from '../../test/harness.ts';
import { insuredClient } from '../../test/visits.ts';

/** Few runs per endpoint: each is a whole HTTP request against a real database. */
const RUNS = { numRuns: 25 };

let ctx: TestContext;
let clinicId: string;
const as: Record<'doctor' | 'clinic' | 'insured' | 'anonymous', TestClient> = {} as never;
let threadUrl: string;

beforeAll(async () => {
  ctx = await createTestContext({ LOGIN_RATE_PER_MINUTE: '10000' }, { jobs: 'off' });
  const orgs = await makeOrganisations(ctx.deps);
  clinicId = orgs.clinic.id;
  const { programId } = await makeProgram(ctx.deps, orgs);
  as.doctor = (await loggedIn(ctx, ['console_doctor'])).client;
  as.clinic = (await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinicId] })).client;
  as.insured = (await insuredClient(ctx, programId)).client;
  as.anonymous = new TestClient(ctx.app);
  const thread = await as.clinic.post(`/api/clinics/${clinicId}/chat/threads`, { department: 'general' });
  threadUrl = `/api/clinics/${clinicId}/chat/threads/${thread.json().id}/messages`;
});
afterAll(() => ctx.close());

/** Any answer but a server error, always in the one error shape when it is an error. */
function answeredCleanly(
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
  what: string,
) {
  expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
  if (res.statusCode >= 400) {
    const body = JSON.parse(res.body) as { code?: unknown; message?: unknown };
    expect(body.code, what).toMatch(/^[A-Z_]+$/);
    expect(typeof body.message).toBe('string');
  }
}

/** A value in the shape an endpoint expects, or nothing like it. */
const jsonShape = (known: Record<string, fc.Arbitrary<unknown>>) =>
  fc.oneof(
    fc.record(known, { requiredKeys: [] }),
    fc.record({ ...known, extra: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }),
    fc.jsonValue({ maxDepth: 3 }),
  );
const loose = fc.oneof(anyText, fc.jsonValue({ maxDepth: 2 }), fc.uuid(), fc.integer(), fc.constant(null));

/** The body as bytes with any content type: JSON text, broken JSON, random bytes, text of any encoding. */
const body = (shape: fc.Arbitrary<unknown>) =>
  fc.oneof(
    shape.map((v) => ({ payload: JSON.stringify(v) ?? 'null', type: 'application/json' })),
    fc.tuple(shape, fc.nat()).map(([v, cut]) => {
      const s = JSON.stringify(v) ?? 'null';
      return { payload: s.slice(0, cut % (s.length + 1)), type: 'application/json' };
    }),
    fc.uint8Array({ maxLength: 256 }).map((b) => ({ payload: Buffer.from(b), type: 'application/json' })),
    fc
      .tuple(
        fc.uint8Array({ maxLength: 128 }),
        fc.constantFrom(
          'text/plain',
          'application/octet-stream',
          'application/x-www-form-urlencoded',
          'multipart/form-data',
          'application/xml',
          '',
        ),
      )
      .map(([b, type]) => ({ payload: Buffer.from(b), type })),
  );

async function send(
  client: TestClient,
  method: string,
  url: string,
  b: { payload: string | Buffer; type: string },
) {
  const headers: Record<string, string> = b.type ? { 'content-type': b.type } : {};
  return client.request({ method: method as InjectOptions['method'], url, payload: b.payload, headers });
}

/** Query strings with any characters, percent-encoded or raw, valid UTF-8 or not. */
const queryValue = fc.oneof(
  anyText.map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, ''))),
  fc
    .uint8Array({ maxLength: 12 })
    .map((b) => [...b].map((x) => `%${x.toString(16).padStart(2, '0')}`).join('')),
  fc.stringMatching(/^[a-zA-Z0-9%+&=.-]{0,20}$/),
);

describe('random requests never get a server error', () => {
  it('login', async () => {
    await fc.assert(
      fc.asyncProperty(body(jsonShape({ login: loose, password: loose })), async (b) =>
        answeredCleanly(await send(as.anonymous, 'POST', '/api/auth/login', b), 'login'),
      ),
      RUNS,
    );
  });

  it('search with any query string', async () => {
    await fc.assert(
      fc.asyncProperty(queryValue, queryValue, async (q, other) => {
        const res = await as.doctor.get(`/api/console/services?q=${q}&${other}`);
        answeredCleanly(res, `search q=${q}`);
      }),
      RUNS,
    );
  });

  it('chat messages as JSON and as a form', async () => {
    await fc.assert(
      fc.asyncProperty(
        body(jsonShape({ clientId: fc.oneof(fc.uuid(), loose), body: loose })),
        fc.dictionary(fc.constantFrom('clientId', 'body', 'x', 'files'), anyText),
        async (b, fields) => {
          answeredCleanly(await send(as.clinic, 'POST', threadUrl, b), 'chat json');
          const form = multipartBody(fields);
          answeredCleanly(await as.clinic.request({ method: 'POST', url: threadUrl, ...form }), 'chat form');
        },
      ),
      RUNS,
    );
  });

  it('letters: any id in the path, any cancellation body', async () => {
    await fc.assert(
      fc.asyncProperty(queryValue, body(jsonShape({ reason: loose })), async (id, b) => {
        answeredCleanly(await as.doctor.get(`/api/letters/${id || 'x'}`), 'letter');
        answeredCleanly(
          await send(as.doctor, 'POST', `/api/letters/${crypto.randomUUID()}/cancel`, b),
          'cancel',
        );
        answeredCleanly(
          await as.clinic.get(`/api/clinics/${clinicId}/letters?status=${id}&page=${id}`),
          'list',
        );
      }),
      RUNS,
    );
  });

  it('claims: a receipt string of any shape', async () => {
    await fc.assert(
      fc.asyncProperty(
        body(
          jsonShape({ letterId: fc.oneof(fc.uuid(), loose), qr: fc.oneof(anyText, loose), source: loose }),
        ),
        async (b) => answeredCleanly(await send(as.insured, 'POST', '/api/me/claims', b), 'claim'),
      ),
      RUNS,
    );
  });

  it('uploads: any fields and any file bytes, or no form at all', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom('complaint', 'since', 'letterId', 'temperature'), anyText),
        fc.uint8Array({ maxLength: 512 }),
        anyText,
        body(loose),
        async (fields, bytes, name, notAForm) => {
          const file = {
            field: 'photo',
            name: name.replace(/["\r\n]/g, '') || 'f',
            content: Buffer.from(bytes),
          };
          for (const url of ['/api/me/requests', '/api/me/claims/photo']) {
            const form = multipartBody(fields, file);
            answeredCleanly(await as.insured.request({ method: 'POST', url, ...form }), `${url} form`);
            answeredCleanly(await send(as.insured, 'POST', url, notAForm), `${url} body`);
          }
        },
      ),
      RUNS,
    );
  });
});
