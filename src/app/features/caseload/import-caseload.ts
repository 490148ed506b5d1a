import { parseCaseload, type CaseloadError } from '../../../shared/model';
import { saveRecords, type RecordInput } from '../../device/db';
import { importedVisitBody, type ChildBody, type VisitBody } from '../../../shared/model/record-bodies.ts';

export type ImportResult = { ok: true; children: number; contacts: number } | { ok: false; error: CaseloadError };

/**
 * Imports a `doorstep.caseload/1` file: its children and contacts become records on this
 * device (ids kept, so importing the same file again updates them). The whole file is checked
 * with the shared parseCaseload before anything is written, and the write is one transaction,
 * so a bad file changes nothing.
 */
export async function importCaseload(text: string): Promise<ImportResult> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: { path: '', message: 'The file is not JSON' } };
  }
  const parsed = parseCaseload(json);
  if (!parsed.ok) return parsed;
  const { children, contacts } = parsed.value;
  const inputs: RecordInput[] = [
    ...children.map((child): RecordInput<ChildBody> => ({ id: child.id, type: 'child', status: 'submitted', body: child })),
    ...contacts.map(
      (contact): RecordInput<VisitBody> => ({
        id: contact.id,
        type: 'visit',
        status: contact.completedAt ? 'submitted' : 'draft',
        body: importedVisitBody(contact),
      }),
    ),
  ];
  await saveRecords(inputs);
  return { ok: true, children: children.length, contacts: contacts.length };
}

/** Reads an uploaded file as text (FileReader: works in every browser we support and jsdom). */
export function readFileText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the file'));
    reader.readAsText(file);
  });
}
