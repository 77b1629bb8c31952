import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, desc, eq, like } from 'drizzle-orm';
import { clinics, outboxMessages } from '../src/db/schema/index.ts';
import type { AppDeps } from '../src/platform/deps.ts';
import { type TestClient, type TestContext, unique } from './harness.ts';

/** A clinic with every requisite a contract needs (fictitious, but of the right shape). */
export async function makeClinicWithRequisites(
  deps: AppDeps,
  overrides: Partial<typeof clinics.$inferInsert> = {},
) {
  const id = deps.ids.uuid();
  const tag = unique('c');
  const row = {
    id,
    inn: String(crypto.randomInt(1e9, 1e10 - 1)),
    kpp: '771501001',
    ogrn: `11777${String(crypto.randomInt(1e7, 1e8 - 1))}`,
    name: `Общество с ограниченной ответственностью «Клиника ${tag}»`,
    shortName: `ООО «Клиника ${tag}»`,
    address: 'г. Москва, ул. Бутырская, д. 46, стр. 2',
    phone: '+74951234567',
    email: `${tag}@clinic.test`,
    headName: 'Соколова Ирина Викторовна',
    headPost: 'Главный врач',
    bik: '044525225',
    bankName: 'ПАО Сбербанк',
    correspondentAccount: '30101810400000000225',
    settlementAccount: '40702810938000012345',
    ...overrides,
  };
  await deps.database.db.insert(clinics).values(row);
  return row;
}

/** The newest signature code sent to this address (e-mail or SMS). */
async function lastSignatureCode(deps: AppDeps, recipient: string): Promise<string> {
  const [m] = await deps.database.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.recipient, recipient), like(outboxMessages.body, '%Код для подписания%')))
    .orderBy(desc(outboxMessages.createdAt))
    .limit(1);
  const code = /: (\d{6})\./.exec(m?.body ?? '')?.[1];
  if (!code) throw new Error(`no signature code for ${recipient}`);
  return code;
}

/** Asks for a code (a minute after any earlier one, as the resend rule wants) and returns it. */
export async function signatureCode(ctx: TestContext, client: TestClient, url: string, recipient: string) {
  ctx.clock.advance(61_000);
  const res = await client.post(`${url}/signature-code`, {});
  if (res.statusCode !== 200) throw new Error(`signature-code: ${res.statusCode} ${res.body}`);
  return lastSignatureCode(ctx.deps, recipient);
}

/** The text of a PDF as poppler's pdftotext reads it. */
export function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remed-edo-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, pdf);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
