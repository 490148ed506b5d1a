import { useEffect, useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { ErrorSummary, type FieldError } from '../../ui/error-summary';
import { usePageTitle } from '../../ui/use-page-title';
import { deviceSession } from '../../device/db';
import { lockoutMessage } from '../../device/lock/lockout';
import { SecretField } from './secret-field';
import { getPinKind, pinKindOf, setPinKind } from '../../device/lock/lock-settings';
import { formatTimeWithSeconds as formatTime } from '../../ui/format-date';

export function wrongPinMessage(attemptsLeft: number): string {
  return `The PIN is not correct. You have ${attemptsLeft} ${attemptsLeft === 1 ? 'try' : 'tries'} left before you need to wait`;
}

function lockedOutText(retryAt: number): string {
  return `${lockoutMessage(retryAt, Date.now())} You can try again at ${formatTime(retryAt)}.`;
}

/** The device is locked: the PIN unlocks it, with no network needed. */
export function UnlockPage() {
  usePageTitle('Unlock Doorstep');
  const pinKind = useLiveQuery(getPinKind, []);
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  // A lockout survives a reload: say so before the next try.
  useEffect(() => {
    let cancelled = false;
    void deviceSession()
      .lockoutStatus()
      .then((status) => {
        if (!cancelled && status.retryAt !== null) setErrors([{ fieldId: 'pin', message: lockedOutText(status.retryAt) }]);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (pin === '') {
      setErrors([{ fieldId: 'pin', message: 'Enter your PIN or passphrase' }]);
      return;
    }
    setBusy(true);
    try {
      const result = await deviceSession().unlock(pin);
      // Kept so a team that requires a passphrase can ask a PIN holder to change (pin-policy.ts).
      if (result.ok) return void (await setPinKind(pinKindOf(pin))); // the app replaces this page
      setPin('');
      if (result.reason === 'erased') return; // the lock gate shows the recovery page
      setErrors([
        {
          fieldId: 'pin',
          message: result.reason === 'wrong-pin' ? wrongPinMessage(result.attemptsLeft) : lockedOutText(result.retryAt),
        },
      ]);
    } catch (error) {
      console.error('Could not unlock', error);
      setErrors([{ fieldId: 'pin', message: 'Doorstep could not unlock. Try again' }]);
    }
    setBusy(false);
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Unlock Doorstep</h1>
        <p className="govuk-body">Doorstep is locked to protect the records on this device.</p>
        <form noValidate onSubmit={submit}>
          <SecretField
            id="pin"
            label="PIN or passphrase"
            error={errors[0]?.message}
            value={pin}
            onChange={setPin}
            autoComplete="current-password"
            inputMode={pinKind === 'digits' ? 'numeric' : undefined}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
            Unlock
          </button>
        </form>
      </div>
    </div>
  );
}
