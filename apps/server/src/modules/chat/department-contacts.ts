import {
  CHAT_DEPARTMENTS,
  type ChatDepartment,
  type DepartmentContactView,
  type departmentContactSchema,
} from '@remed/core';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { departmentContacts } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';

type Row = typeof departmentContacts.$inferSelect;

const toView = (r: Row): DepartmentContactView => ({
  department: r.department as ChatDepartment,
  title: r.title,
  personName: r.personName,
  phone: r.phone,
  email: r.email,
  hours: r.hours,
  topics: r.topics,
  updatedAt: r.updatedAt.toISOString(),
});

/** The service's departments with their contacts, in the fixed order of the departments, so the page reads the same every time. */
export async function listDepartmentContacts(
  deps: Pick<AppDeps, 'database'>,
): Promise<DepartmentContactView[]> {
  const rows = await deps.database.db.select().from(departmentContacts);
  return rows
    .sort(
      (a, b) =>
        CHAT_DEPARTMENTS.indexOf(a.department as ChatDepartment) -
        CHAT_DEPARTMENTS.indexOf(b.department as ChatDepartment),
    )
    .map(toView);
}

/** The administrator's change of a department's contacts, audited. */
export async function saveDepartmentContact(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  actor: Actor,
  department: ChatDepartment,
  input: z.output<typeof departmentContactSchema>,
): Promise<DepartmentContactView> {
  const { clock } = deps;
  return deps.database.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(departmentContacts)
      .where(eq(departmentContacts.department, department))
      .for('update');
    const values = { ...input, updatedAt: clock.now(), updatedBy: actor.user!.id };
    const [row] = await tx
      .insert(departmentContacts)
      .values({ department, ...values })
      .onConflictDoUpdate({ target: departmentContacts.department, set: values })
      .returning();
    await writeAudit(tx, clock, actor, {
      action: 'department_contact.saved',
      entityType: 'department_contact',
      entityId: department,
      before: before ? toView(before) : null,
      after: toView(row!),
    });
    return toView(row!);
  });
}
