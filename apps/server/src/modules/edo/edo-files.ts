import crypto from 'node:crypto';

/** What each side signs: the SHA-256 of the stored bytes, in hex. */
export const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/** The name of the database constraint an insert or update broke, if that is why it failed. */
export const violatedConstraint = (e: unknown) =>
  ((e as { cause?: { constraint?: string } }).cause ?? (e as { constraint?: string })).constraint;
