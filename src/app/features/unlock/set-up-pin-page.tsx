import { useState, type FormEvent } from 'react';
import { ErrorSummary, type FieldError } from '../../ui/error-summary';
import { usePageTitle } from '../../ui/use-page-title';
import { validatePin } from '../../device/crypto/pin-rules';
import { deviceSession } from '../../device/db';
import { SecretField } from './secret-field';
import { pinKindOf, setPinKind } from '../../device/lock/lock-settings';

/** First run: the PIN or passphrase that protects this device's records. */
export function SetUpPinPage() {
  usePageTitle('Set up a PIN');
  const [pin, setPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = checkPins(pin, confirm);
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const result = await deviceSession().setUpPin(pin);
      if (!result.ok) {
        setErrors([{ fieldId: 'pin', message: result.message }]);
        setBusy(false);
        return;
      }
      // Unlocked now: the app replaces this page, and the first sync brings the caseload.
      await setPinKind(pinKindOf(pin));
    } catch (error) {
      console.error('Could not set up the PIN', error);
      setErrors([{ fieldId: 'pin', message: 'The PIN could not be set up. Try again' }]);
      setBusy(false);
    }
  }

  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Set up a PIN</h1>
        <p className="govuk-body">
          Your PIN or passphrase protects the records on this device. They are encrypted, and only your PIN or
          passphrase unlocks them.
        </p>
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            It cannot be recovered. If you forget it, records on this device that have not been synced are lost.
          </strong>
        </div>
        <form noValidate onSubmit={submit}>
          <SecretField
            id="pin"
            label="PIN or passphrase"
            hint="At least 6 digits, or a passphrase of at least 8 characters"
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

function checkPins(pin: string, confirm: string): FieldError[] {
  if (pin === '') return [{ fieldId: 'pin', message: 'Enter a PIN or passphrase' }];
  const problem = validatePin(pin);
  if (problem) return [{ fieldId: 'pin', message: problem }];
  if (confirm === '') return [{ fieldId: 'pin-confirm', message: 'Enter your PIN or passphrase again to confirm it' }];
  if (confirm !== pin) return [{ fieldId: 'pin-confirm', message: 'The PINs do not match. Enter the same PIN or passphrase twice' }];
  return [];
}
