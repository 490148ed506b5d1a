import type { Warning } from '../../../shared/model';
import { Tag } from '../../ui/tag';
import { urgencyOf } from './build-caseload';

/** Red "Overdue", yellow "Due soon", or a grey "Check" for something left unrecorded. */
export function WarningTag({ warning }: { warning: Warning }) {
  const urgency = urgencyOf(warning);
  if (urgency === 'overdue') return <Tag colour="red">Overdue</Tag>;
  if (urgency === 'due-soon') return <Tag colour="yellow">Due soon</Tag>;
  return <Tag colour="grey">Check</Tag>;
}

/** A warning as a line: its tag, then the rules' own message. */
export function WarningLine({ warning }: { warning: Warning }) {
  return (
    <span className="doorstep-warning">
      <WarningTag warning={warning} /> {warning.message}
    </span>
  );
}
