import type { EnrolmentStartResponse } from '@remed/core';
import QRCode from 'qrcode';
import { userTotp } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { seal } from '../../platform/secret-box.ts';
import { findUserById } from '../admin-users/users.queries.ts';
import { findTotp } from './second-factor.queries.ts';
import { newTotpSecret, totpUri } from './totp.ts';

const ISSUER = 'remed';

/**
 * A new secret for the signed-in user, not yet in force: it takes effect when a code from the app
 * confirms it. Starting again replaces an unconfirmed secret, so a lost QR code is no dead end.
 */
export async function startEnrolment(deps: AppDeps, actor: Actor): Promise<EnrolmentStartResponse> {
  const db = deps.database.db;
  const user = await findUserById(db, actor.user!.id);
  if (!user) throw new AppError('NOT_FOUND');
  if ((await findTotp(db, user.id))?.enrolledAt) throw new AppError('SECOND_FACTOR_ENROLLED');
  const secret = newTotpSecret();
  const secretSealed = seal(deps.totpKey, secret, user.id);
  const now = deps.clock.now();
  await db.transaction(async (tx) => {
    await tx
      .insert(userTotp)
      .values({ userId: user.id, secretSealed, createdAt: now })
      .onConflictDoUpdate({
        target: userTotp.userId,
        set: { secretSealed, createdAt: now, lastTimeStep: null, enrolledAt: null },
      });
    await writeAudit(tx, deps.clock, actor, {
      action: 'second_factor.enrolment_started',
      entityType: 'user',
      entityId: user.id,
    });
  });
  const otpauthUri = totpUri(secret, ISSUER, user.email ?? user.phone ?? user.fullName);
  const svg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return {
    secret,
    otpauthUri,
    qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
  };
}
