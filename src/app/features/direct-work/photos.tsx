import type { DirectWorkPhoto } from '../../../shared/model/direct-work';
import { FieldError } from '../../ui/form/field-error';
import { TextInput } from '../../ui/form/text-input';
import { PhotoThumbnail } from '../../records/direct-work/photo-thumbnail';

export const photoAltId = (index: number) => `photo-${index + 1}-alt`;

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
        <FieldError id="photos-error" message={addError} />
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
