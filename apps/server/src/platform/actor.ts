import type { SessionUser } from '@remed/core';

/** Who acts and from where: passed explicitly to every use case and written to the audit log. */
export interface Actor {
  user: SessionUser | null;
  requestId: string | null;
  ip: string | null;
}

export const systemActor: Actor = { user: null, requestId: null, ip: null };
