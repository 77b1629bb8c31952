import type { DbOrTx } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { open } from '../../platform/secret-box.ts';
import { looksLikeRecoveryCode, recoveryCodeMatches } from './recovery-codes.ts';
import { findTotp, recoveryCodesOf, spendRecoveryCode, spendTimeStep } from './second-factor.queries.ts';
import { checkTotp } from './totp.ts';

export type SecondFactorMethod = 'totp' | 'recovery_code';

/**
 * Checks and spends a code of an enrolled user: a TOTP code spends its time step, a recovery code is used
 * up. Throws SECOND_FACTOR_INVALID or SECOND_FACTOR_CODE_USED; the caller counts the failure.
 */
export async function checkSecondFactor(
  db: DbOrTx,
  deps: { clock: Clock; totpKey: Buffer },
  userId: string,
  input: string,
  opts: { allowRecoveryCode: boolean },
): Promise<SecondFactorMethod> {
  const totp = await findTotp(db, userId);
  if (!totp?.enrolledAt) throw new AppError('SECOND_FACTOR_NOT_ENROLLED');
  const code = input.replace(/\s+/g, '');
  const now = deps.clock.now();
  if (/^\d{6}$/.test(code)) {
    const secret = open(deps.totpKey, totp.secretSealed, userId);
    const result = await checkTotp(secret, code, now, totp.lastTimeStep);
    if (!result.ok) throw new AppError(result.replayed ? 'SECOND_FACTOR_CODE_USED' : 'SECOND_FACTOR_INVALID');
    if (!(await spendTimeStep(db, userId, result.timeStep))) throw new AppError('SECOND_FACTOR_CODE_USED');
    return 'totp';
  }
  if (opts.allowRecoveryCode && looksLikeRecoveryCode(input)) {
    const match = (await recoveryCodesOf(db, userId)).find((r) =>
      recoveryCodeMatches(input, r.salt, r.codeHash),
    );
    if (match && !match.usedAt && (await spendRecoveryCode(db, match.id, now))) return 'recovery_code';
    if (match)
      throw new AppError('SECOND_FACTOR_CODE_USED', 'Этот резервный код уже использован. Введите другой');
  }
  throw new AppError('SECOND_FACTOR_INVALID');
}
