import { v7 as uuidv7 } from 'uuid';
import { deleteBlob, getBlob, saveBlob } from '../../device/db';

// The one place the direct work form keeps photos: sealed blobs on the device (db/blobs.ts),
// bound to the record they belong to. Uploading them comes with the sync engine.

export interface KeptPhoto {
  blobId: string;
  contentType: string;
}

export async function keepPhoto(recordId: string, file: Blob): Promise<KeptPhoto> {
  const blobId = uuidv7();
  await saveBlob(recordId, blobId, file);
  return { blobId, contentType: file.type || 'image/jpeg' };
}

export const loadPhoto = (blobId: string): Promise<Blob | undefined> => getBlob(blobId);

export const forgetPhoto = (blobId: string): Promise<void> => deleteBlob(blobId);

/** An address an <img> can show the photo from; call `release` when it is no longer shown. */
export async function photoUrl(blob: Blob): Promise<{ url: string; release: () => void }> {
  try {
    const url = URL.createObjectURL(blob);
    return { url, release: () => URL.revokeObjectURL(url) };
  } catch {
    // Environments without object URLs for this Blob (jsdom) get a data: URL instead.
    const url = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(blob);
    });
    return { url, release: () => undefined };
  }
}
