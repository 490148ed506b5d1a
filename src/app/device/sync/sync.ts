import { downloadPhotos, notePhotosToFetch, type PhotoDownloadSummary } from './blob-download';
import { pullChanges } from './pull';
import { pushChanges, type PushSummary } from './push';
import { refreshTeam } from './team';
import type { SyncTransport } from './transport';

export interface SyncRunOptions {
  transport: SyncTransport;
  onProgress?: (done: number, total: number) => void;
}

export interface SyncRunResult {
  push: PushSummary;
  pulled: number;
  photos: PhotoDownloadSummary;
}

/**
 * One sync: push what is waiting (photos before their records), pull what changed, then
 * download the photos of pulled records that this device lacks. Pushing first means a pulled
 * change is compared against a device whose edits the server has already seen. Photos come
 * last and never fail the round (except a 401): one that cannot be fetched waits for the next.
 * The team (names, start dates) is refreshed after the pull and never fails the round either.
 * Progress counts mutations sent, then pages pulled, then photos downloaded.
 */
export async function runSync({ transport, onProgress }: SyncRunOptions): Promise<SyncRunResult> {
  let pushTotal = 0;
  const push = await pushChanges({
    transport,
    onProgress: (done, total) => {
      pushTotal = total;
      onProgress?.(done, total + 1);
    },
  });
  const pushed = Math.max(pushTotal, push.sent);
  let pages = 0;
  const pulled = await pullChanges({
    transport: notingPhotos(transport),
    onProgress: (done, total) => {
      pages = done;
      onProgress?.(push.sent + done, pushed + total);
    },
  });
  await refreshTeam(transport);
  const photos = await downloadPhotos({
    transport,
    onProgress: (done, total) => onProgress?.(pushed + pages + done, pushed + pages + total),
  });
  return { push, pulled, photos };
}

/**
 * The transport as the pull sees it: each page's photos are noted (notePhotosToFetch) before
 * the page is handed over and applied, so no pulled record's photos are forgotten even if the
 * round stops right after. Noting a page that then fails to apply is harmless: it is pulled
 * again, and noting is idempotent. (Done here rather than in pull.ts's page transaction.)
 */
function notingPhotos(transport: SyncTransport): SyncTransport {
  return {
    ...transport,
    pull: async (since, limit) => {
      const page = await transport.pull(since, limit);
      await notePhotosToFetch(page.changes);
      return page;
    },
  };
}
