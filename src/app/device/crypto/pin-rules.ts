export const PIN_RULES_MESSAGE = 'Enter a PIN of at least 6 digits, or a passphrase of at least 8 characters';

const MIN_PIN_DIGITS = 6;
const MIN_PASSPHRASE_CHARACTERS = 8;

/**
 * A PIN is digits only (ASCII 0-9, as a tablet's number pad types them); anything else is a
 * passphrase. Returns the GOV.UK-style error message to show, or null when the PIN is acceptable.
 */
export function validatePin(pin: string): string | null {
  const normal = pin.normalize('NFC');
  if (/^[0-9]+$/.test(normal)) return normal.length >= MIN_PIN_DIGITS ? null : PIN_RULES_MESSAGE;
  const characters = [...normal].length; // code points, so an emoji or accented letter counts once
  if (characters >= MIN_PASSPHRASE_CHARACTERS && normal.trim() !== '') return null;
  return PIN_RULES_MESSAGE;
}

export class InvalidPinError extends Error {
  override readonly name = 'InvalidPinError';
  constructor(message: string) {
    super(message);
  }
}

export function assertValidPin(pin: string): void {
  const problem = validatePin(pin);
  if (problem !== null) throw new InvalidPinError(problem);
}
