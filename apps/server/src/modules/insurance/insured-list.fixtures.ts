import { multipartBody, type TestClient, type TestContext } from '../../../test/harness.ts';
import { runInsuredImport } from './import-insured-file.ts';

/** The columns of the insured list, in the template's order. */
export const INSURED_HEADER = [
  'Номер полиса',
  'Фамилия',
  'Имя',
  'Отчество',
  'Дата рождения',
  'Пол',
  'Телефон',
  'E-mail',
  'Дата начала',
  'Дата окончания',
];

/** The n-th valid row of a list whose policy numbers start with `prefix`. */
export const insuredPerson = (n: number, prefix: string, o: { digits: number; email: boolean }) => [
  `${prefix}-${String(n).padStart(o.digits, '0')}`,
  'Петров',
  n % 2 ? 'Иван' : 'Пётр',
  'Сергеевич',
  '14.03.1985',
  'М',
  `+7916${String(n).padStart(7, '0')}`,
  o.email ? `p${n}.${prefix.toLowerCase()}@example.ru` : '',
  '01.01.2026',
  '31.12.2026',
];

/** Uploads a list to the program, runs its import job at once, and reads the outcome as the client sees it. */
export async function uploadInsuredList(
  ctx: TestContext,
  client: TestClient,
  programId: string,
  file: { name: string; content: Buffer; mode: string },
) {
  const res = await client.request({
    method: 'POST',
    url: `/api/insurance/programs/${programId}/imports`,
    ...multipartBody({ mode: file.mode }, { field: 'file', name: file.name, content: file.content }),
  });
  if (res.statusCode !== 202) return { res, view: null };
  await runInsuredImport(ctx.deps, res.json().id);
  const view = (await client.get(`/api/insurance/imports/${res.json().id}`)).json();
  return { res, view };
}
