import { formatDateTime } from '../../ui/format-date';
import { NotificationBanner } from '../../ui/notification-banner';
import type { LocalRecord, RecordReview } from '../../device/db';

/**
 * A returned record is being put right: returned by a manager and not submitted again yet
 * (an edit after the return makes it a draft, which still carries the manager's comment).
 */
export function isReturned(record: Pick<LocalRecord, 'status' | 'review'>): record is Pick<LocalRecord, 'status'> & { review: RecordReview } {
  return record.review?.action === 'returned' && (record.status === 'returned' || record.status === 'draft');
}

/** "Returned by Morgan Ashby: Say who else was there" / "Signed off by Morgan Ashby on 5 March 2026 at 2:05pm". */
export function reviewLine(review: RecordReview): string {
  return review.action === 'returned'
    ? `Returned by ${review.byName}: ${review.comment ?? ''}`
    : `Signed off by ${review.byName} on ${formatDateTime(review.at)}`;
}

/** At the top of a returned record's form: what the manager asked for. */
export function ReturnedBanner({ review }: { review: RecordReview }) {
  return (
    <NotificationBanner title="Returned for changes">
      <p className="govuk-notification-banner__heading" style={{ whiteSpace: 'pre-wrap' }}>
        {reviewLine(review)}
      </p>
      <p className="govuk-body">
        Returned on {formatDateTime(review.at)}. Make the changes, then finish it again to send it back for sign-off.
      </p>
    </NotificationBanner>
  );
}

/** On a signed-off record: who signed it off, when, and their comment. */
export function SignedOffBanner({ review }: { review: RecordReview | null }) {
  return (
    <NotificationBanner title="Signed off">
      <p className="govuk-notification-banner__heading">{review ? reviewLine(review) : 'Signed off'}</p>
      {review?.comment && (
        <p className="govuk-body" style={{ whiteSpace: 'pre-wrap' }}>
          Management comment: {review.comment}
        </p>
      )}
      <p className="govuk-body">This record cannot be changed. To correct or add to it, write an addendum.</p>
    </NotificationBanner>
  );
}
