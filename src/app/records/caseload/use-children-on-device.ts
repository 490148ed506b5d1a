import { useLiveQuery } from 'dexie-react-hooks';
import { listRecords } from '../../device/db';
import type { ChildBody } from '../../../shared/model/record-bodies.ts';

export interface ChildOnDevice {
  id: string;
  name: string;
  dateOfBirth: string;
}

async function readChildren(): Promise<ChildOnDevice[]> {
  try {
    const records = await listRecords<ChildBody>('child');
    return records.map((record) => ({
      id: record.id,
      name: record.body.name ?? `Child ${record.id}`,
      dateOfBirth: record.body.dateOfBirth,
    }));
  } catch (error) {
    console.error('Could not read the children on this device', error);
    return [];
  }
}

/** The child records on this device, in the order the device keeps them, live; undefined while read. */
export function useChildrenOnDevice(): ChildOnDevice[] | undefined {
  return useLiveQuery(readChildren, []);
}
