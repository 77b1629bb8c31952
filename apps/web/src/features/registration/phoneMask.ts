/** Formats what the person types as «+7 916 111-22-33»; a leading 8 or 7 is taken as the country code. */
export function maskRuPhone(input: string): string {
  let digits = input.replace(/\D/g, '');
  if (/^[78]/.test(digits)) digits = digits.slice(1);
  digits = digits.slice(0, 10);
  // Backspace over «+7 » clears the field; a first «8» or «+» shows the prefix.
  if (!digits) return input === '' || input === '+7' ? '' : '+7 ';
  let out = `+7 ${digits.slice(0, 3)}`;
  if (digits.length > 3) out += ` ${digits.slice(3, 6)}`;
  if (digits.length > 6) out += `-${digits.slice(6, 8)}`;
  if (digits.length > 8) out += `-${digits.slice(8, 10)}`;
  return out;
}
