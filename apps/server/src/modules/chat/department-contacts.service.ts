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

export function departmentContactsService(deps: AppDeps) {
  const { database, clock } = deps;
  const db = database.db;
  return {
    /** In the fixed order of the departments, so the page reads the same every time. */
    async list(): Promise<DepartmentContactView[]> {
      const rows = await db.select().from(departmentContacts);
      return rows
        .sort(
          (a, b) =>
            CHAT_DEPARTMENTS.indexOf(a.department as ChatDepartment) -
            CHAT_DEPARTMENTS.indexOf(b.department as ChatDepartment),
        )
        .map(toView);
    },

    async save(
      actor: Actor,
      department: ChatDepartment,
      input: z.output<typeof departmentContactSchema>,
    ): Promise<DepartmentContactView> {
      return db.transaction(async (tx) => {
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
    },
  };
}

export type DepartmentContactsService = ReturnType<typeof departmentContactsService>;
