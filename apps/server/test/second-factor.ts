import { generate } from 'otplib';
import { expect } from 'vitest';
import type { TestClient, TestContext } from './harness.ts';

/** The code an authenticator app shows at the test clock's time, or `steps` thirty-second steps away. */
export function totpAt(ctx: TestContext, secret: string, steps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(ctx.clock.now().getTime() / 1000) + steps * 30 });
}

/** Sets up the authenticator of the signed-in client the way the set-up page does; returns what it saw. */
export async function enrol(ctx: TestContext, client: TestClient) {
  const start = await client.post('/api/auth/second-factor/enrolment');
  expect(start.statusCode).toBe(200);
  const { secret } = start.json() as { secret: string };
  const confirm = await client.post('/api/auth/second-factor/enrolment/confirm', {
    code: await totpAt(ctx, secret),
  });
  expect(confirm.statusCode).toBe(200);
  return { secret, recoveryCodes: (confirm.json() as { recoveryCodes: string[] }).recoveryCodes };
}
