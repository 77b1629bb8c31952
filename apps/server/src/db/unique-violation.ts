/** The unique constraint a failed write broke, whichever driver (pg or PGlite) reported it. */
export function uniqueViolation(e: unknown): string | undefined {
  const err = e as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const c = err.cause ?? err;
  return c.code === '23505' ? c.constraint : undefined;
}
