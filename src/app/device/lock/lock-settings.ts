import { getMeta, setMeta } from '../db';
import { DEFAULT_IDLE_MINUTES } from './idle-lock';

/** The "Lock after" choices in Settings, in minutes. */
export const LOCK_AFTER_OPTIONS = [1, 5, 15, 30] as const;
const LOCK_AFTER_KEY = 'settings.lockAfterMinutes';

export async function getLockAfterMinutes(): Promise<number> {
  const value = await getMeta<number>(LOCK_AFTER_KEY);
  return LOCK_AFTER_OPTIONS.includes(value as (typeof LOCK_AFTER_OPTIONS)[number]) ? (value as number) : DEFAULT_IDLE_MINUTES;
}

export function setLockAfterMinutes(minutes: number): Promise<void> {
  return setMeta(LOCK_AFTER_KEY, minutes);
}

/**
 * Whether the device's secret is a digits-only PIN, so the unlock field can offer the number
 * pad. Only the kind is kept, never the length; someone with a copy of the storage learns
 * little from it, and a number pad matters for a practitioner unlocking on a doorstep.
 */
const PIN_KIND_KEY = 'lock.pinKind';
export type PinKind = 'digits' | 'passphrase';

export function pinKindOf(pin: string): PinKind {
  return /^[0-9]+$/.test(pin.normalize('NFC')) ? 'digits' : 'passphrase';
}

export async function getPinKind(): Promise<PinKind> {
  return (await getMeta<PinKind>(PIN_KIND_KEY)) === 'digits' ? 'digits' : 'passphrase';
}

export function setPinKind(kind: PinKind): Promise<void> {
  return setMeta(PIN_KIND_KEY, kind);
}
