import { describe, expect, it } from 'vitest';
import {
  ctx,
  doctor,
  newCase,
  PRICES,
  programId,
  republish,
  services,
  setUpConsoleWorld,
} from '../../../test/console-world.ts';
import { attachClinics, makeClinic } from '../../../test/harness.ts';

setUpConsoleWorld();

describe('prices by version', () => {
  it('ranks and issues letters at the version in force on the day of issue; issued letters keep theirs', async () => {
    const clinic = await makeClinic(ctx.deps, [PRICES[0]!], { rating: '7.0' });
    await attachClinics(ctx.deps, programId, [clinic.id]);
    await republish(clinic.id, 'B01.047.001', '3 000', '2026-11-21');
    const rank = async (caseId: string) =>
      (
        (await doctor.post(`/api/console/cases/${caseId}/clinics`, services('B01.047.001'))).json() as {
          clinicId: string;
          total: number;
        }[]
      ).find((r) => r.clinicId === clinic.id)!.total;
    const issue = async (caseId: string) =>
      (
        await doctor.post(`/api/console/cases/${caseId}/letters`, {
          ...services('B01.047.001'),
          clinicId: clinic.id,
        })
      ).json().id as string;

    const today = await newCase();
    expect(await rank(today.caseId)).toBe(250_000);
    const first = await issue(today.caseId);
    expect((await today.client.get(`/api/letters/${first}`)).json().items[0].price).toBe(250_000);

    ctx.clock.advance(24 * 3600_000);
    try {
      const tomorrow = await newCase();
      expect(await rank(tomorrow.caseId)).toBe(300_000);
      const second = await issue(tomorrow.caseId);
      expect((await tomorrow.client.get(`/api/letters/${second}`)).json().items[0].price).toBe(300_000);
      expect((await today.client.get(`/api/letters/${first}`)).json().items[0].price).toBe(250_000);
    } finally {
      ctx.clock.advance(-24 * 3600_000);
    }
  });
});
