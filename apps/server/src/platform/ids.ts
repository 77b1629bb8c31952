import crypto from 'node:crypto';

export interface Ids {
  uuid(): string;
  /** URL-safe random secret of `bytes` bytes. */
  secret(bytes?: number): string;
}

export const cryptoIds: Ids = {
  uuid: () => crypto.randomUUID(),
  secret: (bytes = 32) => crypto.randomBytes(bytes).toString('base64url'),
};

export const sha256 = (value: string): string => crypto.createHash('sha256').update(value).digest('hex');
