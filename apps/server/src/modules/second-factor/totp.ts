import { generateSecret, generateURI, verify } from 'otplib';

/** RFC 6238 as every authenticator app does it: SHA-1, six digits, thirty-second steps. */
const PERIOD_S = 30;

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, issuer: string, label: string): string {
  return generateURI({ issuer, label, secret, period: PERIOD_S, digits: 6, algorithm: 'sha1' });
}

type TotpCheck = { ok: true; timeStep: number } | { ok: false; replayed: boolean };

/**
 * Accepts the code of the current step and of one step either side (phone clocks drift), but never a step
 * at or before `afterTimeStep`, the last one used: a code seen over someone's shoulder is spent.
 */
export async function checkTotp(
  secret: string,
  code: string,
  now: Date,
  afterTimeStep: number | null,
): Promise<TotpCheck> {
  if (!/^\d{6}$/.test(code)) return { ok: false, replayed: false };
  const base = { secret, token: code, epoch: Math.floor(now.getTime() / 1000), epochTolerance: PERIOD_S };
  const fresh = await verify(afterTimeStep === null ? base : { ...base, afterTimeStep });
  if (fresh.valid && 'timeStep' in fresh) return { ok: true, timeStep: fresh.timeStep };
  if (afterTimeStep === null) return { ok: false, replayed: false };
  return { ok: false, replayed: (await verify(base)).valid };
}
