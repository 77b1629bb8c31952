import type { ComplaintView } from '@remed/core';
import { asc, desc, eq, ne } from 'drizzle-orm';
import { clinicComplaints } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { complaintViews } from './feedback.queries.ts';

/** New complaints oldest first (the queue); decided ones newest first. Console doctors only (the route). */
export function listComplaints(deps: AppDeps, status: 'new' | 'decided'): Promise<ComplaintView[]> {
  const db = deps.database.db;
  return status === 'new'
    ? complaintViews(db, eq(clinicComplaints.status, 'new'), asc(clinicComplaints.createdAt))
    : complaintViews(db, ne(clinicComplaints.status, 'new'), desc(clinicComplaints.decidedAt));
}
