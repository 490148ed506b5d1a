import { Tag } from '../../ui/tag';
import { formatDeadline } from '../../ui/format-date';
import type { RecordingDeadline as Deadline } from './visit-warnings';

/** The recording timescale from the rules, at the top of every step. */
export function RecordingDeadline({ deadline, now }: { deadline: Deadline | null; now: Date }) {
  if (!deadline) {
    return (
      <p className="govuk-body" id="recording-deadline">
        Enter when and how the visit happened to see when it must be recorded.
      </p>
    );
  }
  const by = formatDeadline(deadline.due, now);
  if (deadline.status === 'overdue') {
    return (
      <div className="govuk-inset-text" id="recording-deadline">
        <Tag colour="red">Overdue</Tag> Recording overdue: this visit should have been recorded by {by}
      </div>
    );
  }
  return (
    <div className="govuk-inset-text" id="recording-deadline">
      {deadline.status === 'due-soon' && (
        <>
          <Tag colour="yellow">Due soon</Tag>{' '}
        </>
      )}
      Record by {by}
    </div>
  );
}
