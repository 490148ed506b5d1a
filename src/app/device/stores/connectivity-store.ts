import { create } from 'zustand';

interface ConnectivityState {
  online: boolean;
  setOnline: (online: boolean) => void;
}

/** Whether the browser thinks it has a network. Offline is normal here, never an error. */
export const useConnectivity = create<ConnectivityState>()((set) => ({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  setOnline: (online) => set({ online }),
}));

/** Follows the browser's online and offline events; returns a function that stops. */
export function watchConnectivity(target: Window = window): () => void {
  const { setOnline } = useConnectivity.getState();
  const onOnline = () => setOnline(true);
  const onOffline = () => setOnline(false);
  setOnline(target.navigator.onLine);
  target.addEventListener('online', onOnline);
  target.addEventListener('offline', onOffline);
  return () => {
    target.removeEventListener('online', onOnline);
    target.removeEventListener('offline', onOffline);
  };
}
