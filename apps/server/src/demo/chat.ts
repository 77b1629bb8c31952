import { eq } from 'drizzle-orm';
import { chatThreads, departmentContacts, users } from '../db/schema/index.ts';
import { toSessionUser } from '../modules/admin-users/users.queries.ts';
import { CONSOLE_SEAT } from '../modules/chat/chat-access.ts';
import { markRead } from '../modules/chat/mark-read.ts';
import { openThread } from '../modules/chat/open-thread.ts';
import { sendMessage } from '../modules/chat/send-message.ts';
import type { AppDeps } from '../platform/deps.ts';
import { DEMO_CHAT, DEMO_DEPARTMENT_CONTACTS } from './demo-data.ts';

/** Department contacts, and a conversation of the demo clinic with the contracts department. */
export async function seedChat(deps: AppDeps) {
  const db = deps.database.db;
  const now = deps.clock.now();
  await db
    .insert(departmentContacts)
    .values(DEMO_DEPARTMENT_CONTACTS.map((c) => ({ ...c, updatedAt: now })))
    .onConflictDoNothing();
  const actorOf = async (email: string) => {
    const [user] = await db.select().from(users).where(eq(users.email, email));
    return { user: await toSessionUser(db, user!), requestId: null, ip: null };
  };
  const clinic = await actorOf('clinic@demo.remed.ru');
  const doctor = await actorOf('doctor@demo.remed.ru');
  // The clinic the demo employee sees first after signing in.
  const clinicId = clinic.user.clinics[0]!.id;
  const { thread } = await openThread(deps, clinic, clinicId, DEMO_CHAT.department);
  for (const m of DEMO_CHAT.messages) {
    const input = { clientId: deps.ids.uuid(), body: m.body };
    if (m.from === 'clinic')
      await sendMessage(deps, clinic, { side: 'clinic', clinicId }, thread.id, input, []);
    else await sendMessage(deps, doctor, CONSOLE_SEAT, thread.id, input, []);
  }
  const [row] = await db.select().from(chatThreads).where(eq(chatThreads.id, thread.id));
  // The doctor has read the clinic's messages; the clinic has the last answer still to read.
  await markRead(deps, doctor, CONSOLE_SEAT, thread.id, row!.lastMessageSeq!);
}
