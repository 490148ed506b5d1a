import { useState, type FormEvent } from 'react';
import { ErrorSummary, type FieldError } from '../../ui/error-summary';
import { usePageTitle } from '../../ui/use-page-title';
import { deviceSession } from '../../device/db';
import { setPinKind } from '../../device/lock/lock-settings';
import { lockoutMessage } from '../../device/lock/lockout';
import { SecretField } from './secret-field';
import { checkPins } from './set-up-pin-page';

/**
 * The team now requires a passphrase (admin: set-pin-policy) and this device has a digits-only
 * PIN: shown after unlocking, before the app, until the PIN is changed. Six digits fall to an
 * offline guesser with a copy of the device's storage in days (README, "Security").
 */
export function ChangeToPassphrasePage() {
  usePageTitle('Change your PIN to a passphrase');
  const [current, setCurrent] = useState('');
  const [pin, setPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = current === '' ? [{ fieldId: 'current-pin', message: 'Enter your current PIN' }] : checkPins(pin, confirm, 'passphrase');
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const result = await deviceSession().changePin(current, pin, 'passphrase');
      if (result.ok) {
        await setPinKind('passphrase'); // the app replaces this page
        return;
      }
      setErrors([
        result.reason === 'invalid-pin'
          ? { fieldId: 'pin', message: result.message }
          : { fieldId: 'current-pin', message: result.reason === 'locked-out' ? lockoutMessage(result.retryAt, Date.now()) : 'The current PIN is not correct' },
      ]);
    } catch (error) {
      console.error('Could not change the PIN', error instanceof Error ? error.name : error);
      setErrors([{ fieldId: 'pin', message: 'The PIN could not be changed. Try again' }]);
    }
    setBusy(false);
  }

  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Change your PIN to a passphrase</h1>
        <p className="govuk-body">
          Your organisation now asks for a passphrase on this device, not a PIN: a passphrase is much harder to guess if the
          tablet is lost. Choose one of at least 12 characters, for example a few words.
        </p>
        <form noValidate onSubmit={submit}>
          <SecretField id="current-pin" label="Current PIN" error={errorFor('current-pin')} value={current} onChange={setCurrent} autoComplete="current-password" inputMode="numeric" />
          <SecretField id="pin" label="New passphrase" hint="At least 12 characters, not only numbers" error={errorFor('pin')} value={pin} onChange={setPin} autoComplete="new-password" />
          <SecretField id="pin-confirm" label="Confirm new passphrase" error={errorFor('pin-confirm')} value={confirm} onChange={setConfirm} autoComplete="new-password" />
          <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
            Change to passphrase
          </button>
        </form>
      </div>
    </div>
  );
}
