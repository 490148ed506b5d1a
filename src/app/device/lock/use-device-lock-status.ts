import { useStore } from 'zustand';
import type { LockState } from './lock-store';
import { deviceSession } from './device-session-store';

/** 'unlocked' or 'locked' for the device session, live. */
export function useDeviceLockStatus(): LockState['status'] {
  return useStore(deviceSession().store, (state) => state.status);
}
