import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { hasBlob } from '../../db';
import type { DirectWorkPhoto } from '../../../shared/model/direct-work';
import { ErrorMessage, TextInput } from './form-fields';
import { loadPhoto, photoUrl } from './photo-store';

export const photoAltId = (index: number) => `photo-${index + 1}-alt`;

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

export function PhotoList({
  photos,
  errors,
  busy,
  addError,
  onAdd,
  onAltChange,
  onRemove,
}: {
  photos: DirectWorkPhoto[];
  errors: Record<string, string>;
  busy: boolean;
  addError: string | undefined;
  onAdd: (files: File[]) => void;
  onAltChange: (index: number, alt: string) => void;
  onRemove: (index: number) => void;
}) {
  return (
    <section aria-labelledby="photos-heading">
      <h2 className="govuk-heading-m" id="photos-heading">
        Photos of the child's drawings or work
      </h2>
      {photos.length > 0 && (
        <ul className="govuk-list">
          {photos.map((photo, index) => (
            <li key={photo.blobId} className="govuk-!-margin-bottom-6">
              <PhotoThumbnail blobId={photo.blobId} alt={photo.alt} />
              <TextInput
                id={photoAltId(index)}
                label={`Description of photo ${index + 1}`}
                hint="For someone who cannot see the photo, for example “Drawing of her family at the park”"
                error={errors[`photos.${index}.alt`]}
                value={photo.alt}
                onChange={(alt) => onAltChange(index, alt)}
              />
              <button type="button" className="govuk-button govuk-button--warning" onClick={() => onRemove(index)}>
                Remove photo {index + 1}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className={`govuk-form-group${addError ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label govuk-label--s" htmlFor="photos">
          Add photos
        </label>
        <div id="photos-hint" className="govuk-hint">
          Take a photo with the tablet's camera or choose one. Photos stay on this device until they are sent.
        </div>
        <ErrorMessage id="photos-error" message={addError} />
        <input
          className="govuk-file-upload"
          id="photos"
          name="photos"
          type="file"
          accept="image/*"
          capture="environment"
          multiple
          disabled={busy}
          aria-describedby={addError ? 'photos-hint photos-error' : 'photos-hint'}
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            event.target.value = '';
            if (files.length > 0) onAdd(files);
          }}
        />
      </div>
    </section>
  );
}
