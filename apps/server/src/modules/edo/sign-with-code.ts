import type { SessionUser, Side, SignatureCodeResponse, SignatureView, SignRequest } from '@remed/core';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { edoSignatures } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { type ClinicRow, loadClinic } from './clinics.queries.ts';
import { violatedConstraint } from './edo-files.ts';
import { sideOf } from './sides.ts';
import { signaturesOf } from './signatures.queries.ts';
import {
  assertSameDocument,
  recordSigningStep,
  requestSignatureCode,
  type SignTarget,
  subjectOf,
  verifySignatureCode,
} from './signing.ts';

/** One side's signature, as the signed thing records it and tells the other side about it. */
export interface Signed<S extends string> {
  next: S;
  side: Side;
  user: SessionUser;
  signerPost: string;
  clinic: ClinicRow;
  /** The copy with the stamps (a contract) or the signature sheet (a document), and where it is kept. */
  stamped: Buffer;
  signedPdfKey: string;
  now: Date;
}

/** What a contract and an exchanged document do differently when a side signs them. */
export interface Signable<S extends string> {
  target: SignTarget;
  /** The status read; the update is conditional on it. */
  status: S;
  /** The SHA-256 of the bytes the signer was shown. */
  sha256: string;
  /** The status this side's signature leads to; throws INVALID_STATE when the side may not sign now. */
  next(side: Side): S;
  /** The signed copy, with every signature so far. */
  render(signatures: SignatureView[], clinic: ClinicRow): Promise<Buffer>;
  /** Moves the row on; throws when someone moved it since it was read. */
  record(tx: Tx, signed: Signed<S>): Promise<void>;
  /** Tells the other side, inside the same transaction; returns the outbox message ids. */
  notify(tx: Tx, signed: Signed<S>): Promise<string[]>;
}

/**
 * A simple electronic signature (017): the code spent, the signature row, the signed copy, the history
 * event, the audit record and the other side's notice. A side that has signed already signs nothing again:
 * a retry after a lost answer or a double click just finds the signature there.
 */
async function signWithCode<S extends string>(
  deps: AppDeps,
  actor: Actor,
  input: SignRequest,
  s: Signable<S>,
): Promise<void> {
  const { database, clock, ids, storage } = deps;
  const db = database.db;
  const { target } = s;
  const side = sideOf(actor);
  const column = target.entity === 'contract' ? 'contractId' : 'documentId';
  const signatures = (await signaturesOf(db, column, [target.id])).get(target.id) ?? [];
  if (signatures.some((x) => x.side === side)) return;
  const next = s.next(side);
  await assertSameDocument(deps, actor, target, input.documentHash, s.sha256);
  const codeId = await verifySignatureCode(deps, actor, target, input);
  const now = clock.now();
  const user = actor.user!;
  const signature: SignatureView = {
    side,
    signerName: user.fullName,
    signerPost: input.signerPost,
    signedAt: now.toISOString(),
    documentSha256: s.sha256,
    codeId,
  };
  const clinic = await loadClinic(db, target.clinicId);
  const stamped = await s.render([...signatures, signature], clinic);
  const signedPdfKey = `edo/${target.entity}s/${target.id}/signed-${codeId}.pdf`;
  await storage.put(signedPdfKey, stamped, 'application/pdf');
  const signed: Signed<S> = {
    next,
    side,
    user,
    signerPost: input.signerPost,
    clinic,
    stamped,
    signedPdfKey,
    now,
  };
  try {
    const messageIds = await db.transaction(async (tx) => {
      await tx.insert(edoSignatures).values({
        id: ids.uuid(),
        ...subjectOf(target),
        side,
        signerUserId: user.id,
        signerName: user.fullName,
        signerPost: input.signerPost,
        documentSha256: s.sha256,
        otpCodeId: codeId,
        signedAt: now,
        ip: actor.ip,
      });
      await s.record(tx, signed);
      await recordSigningStep(deps, tx, actor, target, {
        event: 'signed',
        audit: 'signed',
        details: `${user.fullName}, ${input.signerPost}; SHA-256 ${s.sha256}`,
        at: now,
        before: { status: s.status },
        after: { status: next, side, sha256: s.sha256, codeId, signerPost: input.signerPost },
      });
      return s.notify(tx, signed);
    });
    await deps.outbox.dispatch(messageIds);
  } catch (e) {
    if (violatedConstraint(e) !== `edo_signatures_${target.entity}_side_uq`) throw e;
  }
}

/**
 * Asking for a code and signing with it, for contracts and exchanged documents alike: `find` reads the
 * thing to sign (access already checked), `view` shows it after signing.
 */
export function signingByCode<S extends string, V>(
  find: (deps: AppDeps, actor: Actor, clinicId: string, id: string) => Promise<Signable<S>>,
  view: (db: DbOrTx, actor: Actor, clinicId: string, id: string) => Promise<V>,
) {
  return {
    /** A one-time code to sign with, for a side that may sign now. */
    async requestCode(
      deps: AppDeps,
      actor: Actor,
      clinicId: string,
      id: string,
      channel?: 'sms' | 'email',
    ): Promise<SignatureCodeResponse> {
      assertClinicAccess(actor, clinicId);
      const s = await find(deps, actor, clinicId, id);
      s.next(sideOf(actor));
      return requestSignatureCode(deps, actor, s.target, channel);
    },

    async sign(deps: AppDeps, actor: Actor, clinicId: string, id: string, input: SignRequest): Promise<V> {
      assertClinicAccess(actor, clinicId);
      await signWithCode(deps, actor, input, await find(deps, actor, clinicId, id));
      return view(deps.database.db, actor, clinicId, id);
    },
  };
}

export type CodeSigning<V> = ReturnType<typeof signingByCode<string, V>>;
