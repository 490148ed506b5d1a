// The device lock: the data key in memory while unlocked, the wrong-PIN lockout, the idle lock.
// The app makes one session over Dexie's meta table and starts the idle lock after each unlock:
//   const session = createSessionKey({ store: metaStore });
//   const idle = createIdleLock({ onLock: session.lock });
export { createIdleLock, DEFAULT_IDLE_MINUTES, type IdleLock, type IdleLockOptions } from './idle-lock';
export { createLockStore, type LockState, type LockStore } from './lock-store';
export { defaultLockoutPolicy, describeWait, lockoutMessage, type LockoutPolicy, type LockoutState } from './lockout';
export {
  createSessionKey,
  DeviceLockedError,
  NoPinSetUpError,
  PinAlreadySetUpError,
  type ChangePinResult,
  type LockoutStatus,
  type SessionKey,
  type SessionKeyOptions,
  type SetUpPinResult,
  type UnlockResult,
} from './session-key';
export { currentDataKey, installDeviceSession, installedDeviceSession } from './device-session';
