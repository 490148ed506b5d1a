import { create } from 'zustand';

export interface AppUpdateState {
  /** A new version is downloaded and waiting for the user's say-so. */
  updateWaiting: boolean;
  /** Another tab's "Update now" already put the new version in charge; this page is the old one. */
  takenOverElsewhere: boolean;
  /** Only ever called from the user's "Update now". */
  applyUpdate: () => void | Promise<void>;
}

export const useAppUpdate = create<AppUpdateState>()(() => ({
  updateWaiting: false,
  takenOverElsewhere: false,
  applyUpdate: () => undefined,
}));
