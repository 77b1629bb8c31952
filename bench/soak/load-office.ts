import { randomUUID } from 'node:crypto';
import { INSURED_LIST_HEADER, PRICE_LIST_HEADER } from '../upload-templates.ts';
import type { SoakClient } from './http-client.ts';
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

/** Insured list `n`: most people stay, a few leave and come each time (the list replaces the previous). */
function insuredCsv(n: number, rows: number): Buffer {
  const out: string[][] = [INSURED_LIST_HEADER];
  for (let i = n % 20; i < rows + (n % 20); i++) {
    out.push([
      `СП-${String(i).padStart(6, '0')}`,
      i % 3 ? 'Смирнов' : 'Кузнецова',
      i % 2 ? 'Пётр' : 'Анна',
      'Сергеевич',
      `${String((i % 28) + 1).padStart(2, '0')}.0${(i % 9) + 1}.19${50 + (i % 50)}`,
      i % 2 ? 'М' : 'Ж',
      `+79${String(200_000_000 + i).slice(0, 9)}`,
      i % 4 ? '' : `s${i}@example.ru`,
      '01.01.2026',
      '31.12.2027',
    ]);
  }
  return csv(out);
}

/** The clinic's accountant uploads a new price list every `everyMs`; the check runs as a background job. */
export async function priceListLoop(
  clinic: SoakClient,
  world: World,
  tally: Tally,
  until: () => boolean,
  everyMs: number,
  rows: number,
) {
  for (let n = 1; !until(); n++) {
    const r = await clinic.upload(`/api/clinics/${world.officeClinicId}/price-lists/uploads`, {
      name: `Прейскурант ${n}.csv`,
      content: priceListCsv(n, rows),
      type: 'text/csv',
    });
    tally.count('price_list_upload', r);
    if (r.status === 202 || r.status === 200) tally.priceListVersions.add((r.body as { id: string }).id);
    await sleep(everyMs);
  }
}

/** The insurer sends the program's insured list every `everyMs` (valid rows kept, the rest reported). */
export async function insuredImportLoop(
  insurer: SoakClient,
  world: World,
  tally: Tally,
  until: () => boolean,
  everyMs: number,
  rows: number,
) {
  for (let n = 1; !until(); n++) {
    const r = await insurer.upload(
      `/api/insurance/programs/${world.importProgramId}/imports`,
      { name: `Список ${n}.csv`, content: insuredCsv(n, rows), type: 'text/csv' },
      { mode: 'valid_rows' },
    );
    tally.count('insured_import', r);
    if (r.status === 202) tally.insuredImports.add((r.body as { id: string }).id);
    await sleep(everyMs);
  }
}

/**
 * The clinic writes to the service's general department; a message whose answer was lost is sent again
 * with the same client id (stored once), and now and then one is repeated on purpose.
 */
export async function chatLoop(
  clinic: SoakClient,
  world: World,
  tally: Tally,
  until: () => boolean,
  everyMs: number,
) {
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
