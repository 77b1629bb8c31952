/** Normalises a Russian phone number to +7XXXXXXXXXX, or returns null when it is not one. */
export function normalizeRuPhone(input: string): string | null {
  const digits = input.replace(/[\s()\-–.]/g, '');
  const m = /^(?:\+7|8|7)?(9\d{9}|[3-8]\d{9})$/.exec(digits);
  return m ? `+7${m[1]}` : null;
}
