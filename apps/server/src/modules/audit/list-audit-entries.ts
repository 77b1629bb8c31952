import type { AuditEntry, AuditQuery } from '@remed/core';
import { checkAccess } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { auditPage } from './audit.queries.ts';

/** The audit log for the admin, filtered, a page at a time. */
export function listAuditEntries(
  deps: Pick<AppDeps, 'database'>,
  actor: Actor,
  q: AuditQuery,
): Promise<{ items: AuditEntry[]; total: number }> {
  checkAccess(['admin'], actor.user);
  return auditPage(deps.database.db, q);
}
