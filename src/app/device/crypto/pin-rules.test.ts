import { describe, expect, it } from 'vitest';
import { PASSPHRASE_RULES_MESSAGE, PIN_RULES_MESSAGE, validatePin } from './pin-rules';

describe('PIN rules', () => {
  it('accepts a PIN of 6 or more digits', () => {
    expect(validatePin('204817')).toBeNull();
    expect(validatePin('20481793')).toBeNull();
  });

  it('asks for more when a PIN has fewer than 6 digits', () => {
    expect(validatePin('20481')).toBe('Enter a PIN of at least 6 digits, or a passphrase of at least 8 characters');
  });

  it('accepts a passphrase of 8 or more characters', () => {
    expect(validatePin('blue kettle')).toBeNull();
    expect(validatePin('café-été')).toBeNull();
  });

  it('refuses a short passphrase, an empty entry and one made only of spaces', () => {
    expect(validatePin('kettle7')).toBe(PIN_RULES_MESSAGE);
    expect(validatePin('')).toBe(PIN_RULES_MESSAGE);
    expect(validatePin('         ')).toBe(PIN_RULES_MESSAGE);
  });

  it('treats 6 to 7 characters with a letter in them as a passphrase that is too short', () => {
    expect(validatePin('12345a')).toBe(PIN_RULES_MESSAGE);
  });
});

describe("PIN rules under the team's passphrase policy", () => {
  it('refuses any digits-only PIN, however long, and a passphrase under 12 characters', () => {
    expect(validatePin('204817', 'passphrase')).toBe(PASSPHRASE_RULES_MESSAGE);
    expect(validatePin('2048179312345678', 'passphrase')).toBe(PASSPHRASE_RULES_MESSAGE);
    expect(validatePin('blue kettle', 'passphrase')).toBe(PASSPHRASE_RULES_MESSAGE);
    expect(validatePin('            ', 'passphrase')).toBe(PASSPHRASE_RULES_MESSAGE);
  });

  it('accepts a passphrase of 12 or more characters with something other than digits', () => {
    expect(validatePin('blue kettle 7', 'passphrase')).toBeNull();
    expect(validatePin('12345678901a', 'passphrase')).toBeNull();
  });
});
