import { watchOutbox } from './local-changes';
import { createSyncScheduler, type SyncScheduler } from './scheduler';
import { runSync } from './sync';
import { createFetchTransport, type SyncTransport } from './transport';

// The app's one transport and scheduler. Tests install a fake transport with setAppTransport.
let transport: SyncTransport | null = null;
let scheduler: SyncScheduler | null = null;

export function appTransport(): SyncTransport {
  transport ??= createFetchTransport();
  return transport;
}

export function setAppTransport(next: SyncTransport | null): void {
  scheduler?.stop();
  scheduler = null;
  transport = next;
}

export function appScheduler(): SyncScheduler {
  scheduler ??= createSyncScheduler({
    run: (onProgress) => runSync({ transport: appTransport(), onProgress }),
    watchLocalChanges: watchOutbox,
  });
  return scheduler;
}
