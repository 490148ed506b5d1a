import { z } from 'zod';

/**
 * KEY ESCROW — a copy of a device's data key, so that a device which erased its PIN-wrapped key
 * after too many wrong PINs can get its unsynced records back. The device wraps its data key
 * under a random escrow key it keeps; the server keeps only the wrapped result, per user and
 * device. Neither half opens anything alone (design: .notes/app.md, "Key escrow").
 *   PUT /api/key-escrow/:deviceId KeyEscrowDeposit → 204 (replaces any earlier copy)
 *   GET /api/key-escrow/:deviceId → 200 KeyEscrowDeposit, only to the same user and only within
 *     FRESH_SIGN_IN_MINUTES of a sign-in with their password: 403 {code: 'sign-in-again'}
 *     otherwise; 404 when that user has no copy for that device (another user's is never told).
 */
export const FRESH_SIGN_IN_MINUTES = 10;

/** Chosen by the device (crypto.randomUUID()) the first time it escrows. */
export const keyEscrowParamsSchema = z.object({ deviceId: z.uuid() });

export const keyEscrowDepositSchema = z.object({
  /** 'AES-GCM' wrap of the raw 256-bit data key: 12-byte IV then 48 bytes, base64 (80 chars). */
  wrappedKey: z.string().regex(/^[A-Za-z0-9+/]{80}$/, 'wrappedKey must be the 60-byte wrapped key in base64'),
});
export type KeyEscrowDeposit = z.output<typeof keyEscrowDepositSchema>;

/**
 * What an admin may require of a device's secret (GET /api/team's devicePinPolicy):
 * 'pin-6' a PIN of at least 6 digits or any passphrase; 'passphrase' a passphrase of at least
 * 12 characters that is not all digits (the device asks a PIN holder to change at next unlock).
 */
export const DEVICE_PIN_POLICIES = ['pin-6', 'passphrase'] as const;
export const devicePinPolicySchema = z.enum(DEVICE_PIN_POLICIES);
export type DevicePinPolicy = z.output<typeof devicePinPolicySchema>;
