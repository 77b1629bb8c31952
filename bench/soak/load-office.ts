import { randomUUID } from 'node:crypto';
import {
  INSURED_LIST_HEADER,
  type InsuredListPeople,
  insuredListRow,
  PRICE_LIST_HEADER,
} from '../upload-templates.ts';
import type { Answer, SoakClient } from './http-client.ts';
import { sleep } from './load-claims.ts';
import type { World } from './seed.ts';
import type { Tally } from './tally.ts';

const csv = (rows: (string | number)[][]) => Buffer.from(`${rows.map((r) => r.join(';')).join('\r\n')}\r\n`);

/** Price list `n` of the clinic: `rows` services with prices that change from one upload to the next. */
function priceListCsv(n: number, rows: number): Buffer {
  const out: (string | number)[][] = [PRICE_LIST_HEADER];
  for (let i = 1; i <= rows; i++) {
    const code = `B01.${String(1 + (i % 70)).padStart(3, '0')}.${String(1 + Math.floor(i / 70)).padStart(3, '0')}`;
    out.push([
      `П-${i}`,
      code,
      `Прием (осмотр, консультация) врача-специалиста № ${i}`,
      `${1000 + ((i * 7 + n) % 4000)},50`,
      i % 10 ? '' : 'по записи',
    ]);
  }
  return csv(out);
}

const PEOPLE: InsuredListPeople = {
  names: { last: ['Смирнов', 'Кузнецова'], first: ['Пётр', 'Анна'] },
  phoneBase: 200_000_000,
  emailPrefix: 's',
  validTo: '31.12.2027',
};

/** Insured list `n`: most people stay, a few leave and come each time (the list replaces the previous). */
function insuredCsv(n: number, rows: number): Buffer {
  const out: string[][] = [INSURED_LIST_HEADER];
  for (let i = n % 20; i < rows + (n % 20); i++)
    out.push(insuredListRow(i, `СП-${String(i).padStart(6, '0')}`, PEOPLE));
  return csv(out);
}

/** What the office loops work with: the seeded world, the tally and when to stop. */
interface Office {
  world: World;
  tally: Tally;
  until: () => boolean;
}

/** Uploads file n = 1, 2, … every `everyMs`; an answer in `accepted` adds the upload's id to `ids`. */
async function uploadLoop(
  { tally, until }: Office,
  everyMs: number,
  upload: { what: string; send: (n: number) => Promise<Answer>; accepted: number[]; ids: Set<string> },
) {
  for (let n = 1; !until(); n++) {
    const r = await upload.send(n);
    tally.count(upload.what, r);
    if (upload.accepted.includes(r.status)) upload.ids.add((r.body as { id: string }).id);
    await sleep(everyMs);
  }
}

/** The clinic's accountant uploads a new price list every `everyMs`; the check runs as a background job. */
export function priceListLoop(clinic: SoakClient, office: Office, everyMs: number, rows: number) {
  return uploadLoop(office, everyMs, {
    what: 'price_list_upload',
    send: (n) =>
      clinic.upload(`/api/clinics/${office.world.officeClinicId}/price-lists/uploads`, {
        name: `Прейскурант ${n}.csv`,
        content: priceListCsv(n, rows),
        type: 'text/csv',
      }),
    accepted: [202, 200],
    ids: office.tally.priceListVersions,
  });
}

/** The insurer sends the program's insured list every `everyMs` (valid rows kept, the rest reported). */
export function insuredImportLoop(insurer: SoakClient, office: Office, everyMs: number, rows: number) {
  return uploadLoop(office, everyMs, {
    what: 'insured_import',
    send: (n) =>
      insurer.upload(
        `/api/insurance/programs/${office.world.importProgramId}/imports`,
        { name: `Список ${n}.csv`, content: insuredCsv(n, rows), type: 'text/csv' },
        { mode: 'valid_rows' },
      ),
    accepted: [202],
    ids: office.tally.insuredImports,
  });
}

/**
 * The clinic writes to the service's general department; a message whose answer was lost is sent again
 * with the same client id (stored once), and now and then one is repeated on purpose.
 */
export async function chatLoop(clinic: SoakClient, { world, tally, until }: Office, everyMs: number) {
  const base = `/api/clinics/${world.officeClinicId}/chat/threads`;
  let threadId: string | null = null;
  let last: string | null = null;
  for (let n = 1; !until(); n++) {
    if (!threadId) {
      const t = await clinic.post(base, { department: 'general' });
      tally.count('chat_open', t);
      threadId = t.status === 200 || t.status === 201 ? (t.body as { id: string }).id : null;
      if (!threadId) {
        await sleep(everyMs);
        continue;
      }
    }
    const clientId: string = last && n % 20 === 0 ? last : randomUUID();
    const send = () =>
      clinic.post(`${base}/${threadId}/messages`, {
        clientId,
        body: `Сообщение ${n}: уточните сверку за ноябрь`,
      });
    let r = await send();
    if (r.status === 0 || r.status === 502) r = await send();
    tally.count(clientId === last ? 'chat_repeat' : 'chat_send', r);
    if (r.status === 201 || r.status === 200) tally.acceptedMessages.add(clientId);
    if (clientId === last && r.status === 201) tally.problem('a repeated chat message was stored twice');
    last = clientId;
    if (n % 5 === 0) tally.count('chat_read', await clinic.get(`${base}/${threadId}/messages`));
    await sleep(everyMs);
  }
}
