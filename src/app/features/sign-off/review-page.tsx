import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { ConfirmationPanel } from '../../ui/confirmation-panel';
import { Link, useParams } from 'react-router';
import { ErrorSummary, type FieldError } from '../../ui/error-summary';
import { NotificationBanner } from '../../ui/notification-banner';
import { usePageTitle } from '../../ui/use-page-title';
import { getRecord, RecordChangedError, type LocalRecord } from '../../device/db';
import { getRejection, useAccount } from '../../device/sync';
import { REVIEW_COMMENT_MAX, type ReviewAction } from '../../../shared/sync/index.ts';
import { parentIdOf } from '../../records/addendum/addendum-body';
import { useChildrenOnDevice } from '../../records/caseload/use-children-on-device';
import { CharacterCount } from '../../ui/form/character-count';
import { aboutRecord, RECORD_KINDS, RecordAnswers } from '../../records/record-kinds';
import { reviewLine, SignedOffBanner } from '../../records/review/review-banner';
import { isReviewed, reviewRecord } from './review-record';

const COMMENT_ID = 'management-comment';

async function readLive(recordId: string | undefined) {
  if (!recordId) return { record: null, parent: null, changedSinceRead: false };
  const record = (await getRecord(recordId)) ?? null;
  const parentId = record?.type === 'addendum' ? parentIdOf(record.body) : null;
  const [parent, rejection] = await Promise.all([parentId ? getRecord(parentId) : undefined, getRejection(recordId)]);
  return { record, parent: parent ?? null, changedSinceRead: rejection?.code === 'changed-since-read' };
}

const sameVersion = (a: LocalRecord, b: LocalRecord) => a.rev === b.rev && a.localVersion === b.localVersion;

/**
 * /sign-off/:recordId: a manager reads the whole record and signs it off or returns it. The
 * decision names the version on the screen (read once when the page opens); if the record
 * changes meanwhile, the page says so and shows the new version only when asked.
 */
export function ReviewPage() {
  const { recordId } = useParams();
  const account = useAccount((state) => state.account);
  const live = useLiveQuery(() => readLive(recordId), [recordId]);
  const [read, setRead] = useState<LocalRecord | null | undefined>(undefined);
  const [done, setDone] = useState<ReviewAction | null>(null);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [refusedHere, setRefusedHere] = useState(false);
  // The refusal stays on the device (the sync page lists it) until the next decision; once the
  // manager has read the latest version this page stops repeating it.
  const [refusalRead, setRefusalRead] = useState(false);
  const children = useChildrenOnDevice() ?? [];
  const kind = read ? RECORD_KINDS[read.type].name : 'Record';
  usePageTitle(done ? `${kind} ${done === 'signed-off' ? 'signed off' : 'returned'}` : `Sign off: ${kind}`);

  useEffect(() => {
    if (live && read === undefined) setRead(live.record);
  }, [live, read]);

  if (!live || read === undefined) return null;
  if (read === null || !isReviewed(read.type)) {
    return (
      <>
        <h1 className="govuk-heading-l">Record not found</h1>
        <p className="govuk-body">There is no record with the reference {recordId} waiting for sign-off on this device.</p>
        <BackToQueue />
      </>
    );
  }
  if (account?.user.role !== 'manager') {
    return (
      <>
        <h1 className="govuk-heading-l">Sign off: {kind}</h1>
        <p className="govuk-body">Only a team manager can sign off records.</p>
      </>
    );
  }

  const changedSinceRead = (live.changedSinceRead && !refusalRead) || refusedHere;
  const current = live.record;
  const stale = current !== null && !done && !sameVersion(current, read);
  const readLatest = () => {
    setRead(current);
    setDone(null);
    setRefusedHere(false);
    setRefusalRead(true);
    setErrors([]);
  };

  if (done && !changedSinceRead) return <Decided action={done} record={read} about={aboutRecord(read, children)} />;

  const decide = async (action: ReviewAction) => {
    if (action === 'returned' && comment.trim() === '') {
      setErrors([{ fieldId: COMMENT_ID, message: 'Enter a management comment to say what needs to change' }]);
      return;
    }
    // The server refuses a longer one as a malformed push, which would hold up everything else.
    if (comment.trim().length > REVIEW_COMMENT_MAX) {
      setErrors([{ fieldId: COMMENT_ID, message: `Management comment must be ${REVIEW_COMMENT_MAX.toLocaleString('en-GB')} characters or fewer` }]);
      return;
    }
    setErrors([]);
    try {
      await reviewRecord(read, action, comment, account.user);
      setRefusalRead(false);
      setDone(action);
    } catch (error) {
      if (!(error instanceof RecordChangedError)) throw error;
      setRefusedHere(true);
    }
  };

  const waiting = read.status === 'submitted' && read.rev !== null && !changedSinceRead && !stale;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {changedSinceRead && (
          <NotificationBanner title="Important">
            <p className="govuk-notification-banner__heading">This record changed after you opened it</p>
            <p className="govuk-body">
              Your decision was not saved. Read the latest version before you sign it off or return it.
            </p>
            {current && (
              <button type="button" className="govuk-button govuk-!-margin-bottom-0" onClick={readLatest}>
                Read the latest version
              </button>
            )}
          </NotificationBanner>
        )}
        {stale && !changedSinceRead && (
          <NotificationBanner title="Important">
            <p className="govuk-notification-banner__heading">This record has changed since you opened this page</p>
            <button type="button" className="govuk-button govuk-!-margin-bottom-0" onClick={readLatest}>
              Read the latest version
            </button>
          </NotificationBanner>
        )}
        {read.status === 'signed-off' && <SignedOffBanner review={read.review} />}
        <span className="govuk-caption-l">Sign-off</span>
        <h1 className="govuk-heading-l">{kind}</h1>
        <p className="govuk-body">{aboutRecord(read, children)}</p>
        {read.review?.action === 'returned' && <div className="govuk-inset-text">Earlier: {reviewLine(read.review)}</div>}
        {read.type === 'addendum' && live.parent && (
          <>
            <h2 className="govuk-heading-m">The signed-off {RECORD_KINDS[live.parent.type].name.toLowerCase()} record</h2>
            <p className="govuk-body">{aboutRecord(live.parent, children)}</p>
            <RecordAnswers record={live.parent} children={children} />
            <h2 className="govuk-heading-m">The addendum</h2>
          </>
        )}
        <RecordAnswers record={read} children={children} />
        {read.status !== 'submitted' && read.status !== 'signed-off' && (
          <p className="govuk-body">This record is not waiting for sign-off.</p>
        )}
        {read.status === 'submitted' && read.rev === null && (
          <p className="govuk-body">This record has not reached the server yet. It can be signed off once it has synced.</p>
        )}
        {waiting && (
          <form noValidate onSubmit={(event) => event.preventDefault()}>
            <h2 className="govuk-heading-m">Your decision</h2>
            <CharacterCount
              labelSize="s"
              id={COMMENT_ID}
              maxLength={REVIEW_COMMENT_MAX}
              label="Management comment"
              hint="Optional when you sign off. When you return the record, say what needs to change."
              error={errors[0]?.message}
              value={comment}
              onChange={setComment}
            />
            <div className="govuk-button-group">
              <button type="button" className="govuk-button" data-module="govuk-button" onClick={() => void decide('signed-off')}>
                Sign off
              </button>
              <button
                type="button"
                className="govuk-button govuk-button--secondary"
                data-module="govuk-button"
                onClick={() => void decide('returned')}
              >
                Return with comments
              </button>
            </div>
          </form>
        )}
        <BackToQueue />
      </div>
    </div>
  );
}

function BackToQueue() {
  return (
    <p className="govuk-body">
      <Link className="govuk-link" to="/sign-off">
        Back to records waiting for sign-off
      </Link>
    </p>
  );
}

function Decided({ action, record, about }: { action: ReviewAction; record: LocalRecord; about: string }) {
  const kind = RECORD_KINDS[record.type].name;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ConfirmationPanel title={action === 'signed-off' ? `${kind} signed off` : `${kind} returned`}>{about}</ConfirmationPanel>
        <p className="govuk-body">
          {action === 'signed-off'
            ? 'Your sign-off is saved on this device and will be sent the next time Doorstep syncs.'
            : 'The record goes back to its author with your comment the next time Doorstep syncs.'}
        </p>
        <BackToQueue />
      </div>
    </div>
  );
}
