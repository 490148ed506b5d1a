import type { DevicePinPolicy } from '../../../shared/sync/index.ts';

export const PIN_RULES_MESSAGE = 'Enter a PIN of at least 6 digits, or a passphrase of at least 8 characters';
export const PASSPHRASE_RULES_MESSAGE = 'Enter a passphrase of at least 12 characters that is not only numbers';

const MIN_PIN_DIGITS = 6;
const MIN_PASSPHRASE_CHARACTERS = 8;
/**
 * Under the team's 'passphrase' policy. 12 characters that are not all digits: even 12 random
 * lower-case letters are 26^12 ≈ 10^17 guesses, where six digits are 10^6 (README, "Security").
 */
const MIN_POLICY_PASSPHRASE_CHARACTERS = 12;

const isDigitsOnly = (text: string) => /^[0-9]+$/.test(text);

/**
 * A PIN is digits only (ASCII 0-9, as a tablet's number pad types them); anything else is a
 * passphrase. Returns the GOV.UK-style error message to show, or null when the PIN is acceptable
 * under the team's policy ('pin-6' when the device has not heard of one).
 */
export function validatePin(pin: string, policy: DevicePinPolicy = 'pin-6'): string | null {
  const normal = pin.normalize('NFC');
  const characters = [...normal].length; // code points, so an emoji or accented letter counts once
  if (policy === 'passphrase') {
    const ok = !isDigitsOnly(normal) && characters >= MIN_POLICY_PASSPHRASE_CHARACTERS && normal.trim() !== '';
    return ok ? null : PASSPHRASE_RULES_MESSAGE;
  }
  if (isDigitsOnly(normal)) return normal.length >= MIN_PIN_DIGITS ? null : PIN_RULES_MESSAGE;
  if (characters >= MIN_PASSPHRASE_CHARACTERS && normal.trim() !== '') return null;
  return PIN_RULES_MESSAGE;
}

export class InvalidPinError extends Error {
  override readonly name = 'InvalidPinError';
  constructor(message: string) {
    super(message);
  }
}

/** The vault checks the base rules only: the team's policy is the session's to apply. */
export function assertValidPin(pin: string): void {
  const problem = validatePin(pin);
  if (problem !== null) throw new InvalidPinError(problem);
}
