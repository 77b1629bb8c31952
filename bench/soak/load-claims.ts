import type { Answer, SoakClient } from './http-client.ts';
import { makeReceipt, pickKind } from './receipts.ts';
import { BLOOD, type Person, THERAPIST, type World } from './seed.ts';
import type { Simulators } from './simulators.ts';
import type { Tally } from './tally.ts';

/** A letter's line quantity is at most 50: a person gets a new letter before the old one runs out. */
const RECEIPTS_PER_LETTER = 40;
/** A share of submissions repeats a receipt already sent: the API must refuse it, never pay it twice. */
const REPEAT_SHARE = 0.03;

const isDuplicate = (a: Answer) =>
  a.status === 409 && (a.body as { details?: { reason?: string } })?.details?.reason === 'DUPLICATE_RECEIPT';

/** The console doctor issues a letter for two services at the claims clinic, as in the console. */
async function issueLetter(
  doctor: SoakClient,
  world: World,
  person: Person,
  tally: Tally,
): Promise<string | null> {
  const steps = async () => {
    const req = await doctor.post('/api/console/requests', {
      policyNumber: person.policyNumber,
      complaint: 'Кашель',
    });
    if (req.status !== 201) return req;
    const kase = await doctor.post(`/api/console/requests/${(req.body as { id: string }).id}/case`);
    if (kase.status !== 201 && kase.status !== 200) return kase;
    return doctor.post(`/api/console/cases/${(kase.body as { id: string }).id}/letters`, {
      services: [
        { serviceCode: THERAPIST.code, quantity: 50 },
        { serviceCode: BLOOD.code, quantity: 50 },
      ],
      approvedCodes: [],
      clinicId: world.claimsClinicId,
    });
  };
  const r = await steps();
  tally.count('letters', r);
  return r.status === 201 || r.status === 200 ? (r.body as { id: string }).id : null;
}

/**
 * One insured person at a time per loop: scans a receipt (registered with the FNS simulator unless
 * forged), submits it, now and then repeats an earlier one or looks at their claims. A request broken by a
 * killed process is sent again once: either the claim was not written (created now) or it was (refused as
 * a duplicate), never two claims.
 */
export async function claimsLoop(opts: {
  people: { person: Person; client: SoakClient }[];
  doctor: SoakClient;
  world: World;
  sims: Simulators;
  tally: Tally;
  until: () => boolean;
  thinkMs: [number, number];
  random: () => number;
}) {
  const { people, doctor, world, sims, tally, random } = opts;
  const state = people.map(() => ({
    letterId: null as string | null,
    used: 0,
    lastQr: null as string | null,
  }));
  let turn = 0;
  while (!opts.until()) {
    const i = turn++ % people.length;
    const { person, client } = people[i]!;
    const s = state[i]!;
    if (!s.letterId || s.used >= RECEIPTS_PER_LETTER) {
      s.letterId = await issueLetter(doctor, world, person, tally);
      s.used = 0;
      if (!s.letterId) {
        await sleep(1_000);
        continue;
      }
    }
    if (s.lastQr && random() < REPEAT_SHARE) {
      const again = await client.post('/api/me/claims', {
        letterId: s.letterId,
        qr: s.lastQr,
        source: 'camera',
      });
      tally.count(isDuplicate(again) ? 'claim_repeat_refused' : 'claim_repeat_other', again);
      if (!isDuplicate(again) && again.status !== 0 && again.status !== 502)
        tally.problem('a repeated receipt was not refused', again);
    } else {
      const kind = pickKind(random);
      const receipt = makeReceipt(kind);
      if (receipt.json) sims.receipts.register(receipt.json);
      s.used++;
      const body = { letterId: s.letterId, qr: receipt.qr, source: 'camera' as const };
      let r = await client.post('/api/me/claims', body);
      if (r.status === 0 || r.status === 502) {
        tally.count('claim_broken', r);
        await sleep(1_000);
        r = await client.post('/api/me/claims', body);
      }
      if (r.status === 201 || r.status === 200) {
        tally.acceptedClaims.add((r.body as { id: string }).id);
        tally.count(`claim_${kind}`, r);
      } else if (isDuplicate(r)) tally.count('claim_retry_was_written', r);
      else tally.count(`claim_${kind}_failed`, r);
      s.lastQr = receipt.qr;
    }
    if (random() < 0.1) tally.count('claims_list', await client.get('/api/me/claims'));
    await sleep(opts.thinkMs[0] + random() * (opts.thinkMs[1] - opts.thinkMs[0]));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
