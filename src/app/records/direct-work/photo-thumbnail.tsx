import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { hasBlob } from '../../device/db';
import { loadPhoto, photoUrl } from './photo-store';

/**
 * A photo kept on the device, as a thumbnail with the alt text the worker gave it. A photo
 * of a record from another device may still be downloading: it shows as soon as it arrives.
 */
export function PhotoThumbnail({ blobId, alt }: { blobId: string; alt: string }) {
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  const onDevice = useLiveQuery(() => hasBlob(blobId), [blobId]);
  useEffect(() => {
    if (onDevice === undefined) return;
    if (!onDevice) {
      setUrl(null);
      return;
    }
    let release = () => undefined as void;
    let cancelled = false;
    loadPhoto(blobId)
      .then((blob) => (blob ? photoUrl(blob) : null))
      .then(
        (shown) => {
          if (cancelled) return shown?.release();
          if (shown) release = shown.release;
          setUrl(shown?.url ?? null);
        },
        (error: unknown) => {
          console.error('Could not open a photo', error);
          if (!cancelled) setUrl(null);
        },
      );
    return () => {
      cancelled = true;
      release();
    };
  }, [blobId, onDevice]);
  if (url === undefined) return <p className="govuk-body-s">Opening photo…</p>;
  if (url === null && onDevice === false) {
    return <p className="govuk-body-s">This photo is not on this device yet. It will show here once this device has synced.</p>;
  }
  if (url === null) return <p className="govuk-body-s">This photo could not be opened on this device.</p>;
  return <img className="doorstep-photo-thumbnail" src={url} alt={alt} width={160} style={{ maxWidth: '100%', height: 'auto' }} />;
}
