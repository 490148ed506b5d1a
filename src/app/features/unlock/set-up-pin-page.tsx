import { useEffect, useState, type FormEvent } from 'react';
import type { DevicePinPolicy } from '../../../shared/sync/index.ts';
import { ErrorSummary, type FieldError } from '../../ui/error-summary';
import { usePageTitle } from '../../ui/use-page-title';
import { validatePin } from '../../device/crypto/pin-rules';
import { deviceSession } from '../../device/db';
import { appTransport, fetchPinPolicy, OfflineError, RequestError, useAccount } from '../../device/sync';
import { SecretField } from './secret-field';
import { pinKindOf, setPinKind } from '../../device/lock/lock-settings';

/**
 * First run: the PIN or passphrase that protects this device's records. With `recover`, after
 * the device erased its key and the user signed in again: the same form rebuilds the key from
 * the server's escrowed copy under the new PIN, so the records on the device open again.
 */
export function SetUpPinPage({ recover = false }: { recover?: boolean }) {
  usePageTitle(recover ? 'Set a new PIN' : 'Set up a PIN');
  const [pin, setPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const policy = usePinPolicy();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = checkPins(pin, confirm, policy);
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const result = recover ? await deviceSession().recover(pin, policy) : await deviceSession().setUpPin(pin, policy);
      if (!result.ok) {
        setErrors([{ fieldId: 'pin', message: result.message }]);
        setBusy(false);
        return;
      }
      // Unlocked now: the app replaces this page, and the first sync brings the caseload.
      await setPinKind(pinKindOf(pin));
    } catch (error) {
      console.error(recover ? 'Could not recover the key' : 'Could not set up the PIN', error instanceof Error ? error.name : error);
      setErrors([{ fieldId: 'pin', message: recover ? recoveryFailure(error) : 'The PIN could not be set up. Try again' }]);
      setBusy(false);
    }
  }

  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  const passphrase = policy === 'passphrase';
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{recover ? 'Set a new PIN' : 'Set up a PIN'}</h1>
        <p className="govuk-body">
          {recover
            ? 'You are signed in. Choose a new PIN or passphrase: it opens the records that are still on this device.'
            : 'Your PIN or passphrase protects the records on this device. They are encrypted, and only your PIN or passphrase unlocks them.'}
        </p>
        {passphrase && <p className="govuk-body">Your organisation asks for a passphrase on this device, not a PIN.</p>}
        {!recover && (
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              Do not forget it. If you do, records on this device that have not been synced can only be opened again by
              signing in online.
            </strong>
          </div>
        )}
        <form noValidate onSubmit={submit}>
          <SecretField
            id="pin"
            label="PIN or passphrase"
            hint={passphrase ? 'A passphrase of at least 12 characters, not only numbers' : 'At least 6 digits, or a passphrase of at least 8 characters'}
            error={errorFor('pin')}
            value={pin}
            onChange={setPin}
            autoComplete="new-password"
          />
          <SecretField
            id="pin-confirm"
            label="Confirm PIN or passphrase"
            error={errorFor('pin-confirm')}
            value={confirm}
            onChange={setConfirm}
            autoComplete="new-password"
          />
          <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
            Set PIN
          </button>
        </form>
      </div>
    </div>
  );
}

/** The team's rule, asked once when the page opens (just after signing in, so online). */
function usePinPolicy(): DevicePinPolicy {
  const [policy, setPolicy] = useState<DevicePinPolicy>('pin-6');
  useEffect(() => {
    let cancelled = false;
    void fetchPinPolicy(appTransport()).then((answer) => {
      if (!cancelled) setPolicy(answer);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return policy;
}

/** 404 or 403: the sign-in was not the right one (or too long ago), so ask for it again. */
function recoveryFailure(error: unknown): string {
  if (error instanceof OfflineError) return 'You need to be online to get your records back. Try again when you have a signal';
  if (error instanceof RequestError && (error.status === 404 || error.status === 403)) {
    useAccount.setState({ pending: null });
    return error.status === 404
      ? 'This device was set up by someone else. Sign in with the account that set it up'
      : 'Your sign-in has timed out. Sign in again';
  }
  return 'Doorstep could not get your records back. Try again';
}

export function checkPins(pin: string, confirm: string, policy: DevicePinPolicy = 'pin-6'): FieldError[] {
  if (pin === '') return [{ fieldId: 'pin', message: 'Enter a PIN or passphrase' }];
  const problem = validatePin(pin, policy);
  if (problem) return [{ fieldId: 'pin', message: problem }];
  if (confirm === '') return [{ fieldId: 'pin-confirm', message: 'Enter your PIN or passphrase again to confirm it' }];
  if (confirm !== pin) return [{ fieldId: 'pin-confirm', message: 'The PINs do not match. Enter the same PIN or passphrase twice' }];
  return [];
}
