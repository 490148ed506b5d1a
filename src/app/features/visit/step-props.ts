import type { VisitNoteBody } from '../../../shared/model/visit-note.ts';
import type { VisitNoteUpdate } from './visit-note-updates';
import type { ChildOnDevice } from '../../records/caseload/use-children-on-device';

export interface StepProps {
  body: VisitNoteBody;
  update: (change: VisitNoteUpdate) => void;
  /** Error message for a field after "Finish and record", if any. */
  errorFor: (fieldId: string) => string | undefined;
  childName: (childId: string) => string;
  childrenOnDevice: ChildOnDevice[];
}
