/**
 * Residents' names and phone numbers as officials may see them on a shared screen: the
 * surname and the phone's first three and last four digits, the way case systems print
 * them (王**, 138****1234).
 */

export function maskName(name: string | null | undefined): string | null {
  if (!name) return null;
  const chars = [...name.trim()];
  if (chars.length === 0) return null;
  return chars[0] + "*".repeat(Math.max(1, chars.length - 1));
}

export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 7) return "*".repeat(digits.length || 1);
  return `${digits.slice(0, 3)}${"*".repeat(digits.length - 7)}${digits.slice(-4)}`;
}
