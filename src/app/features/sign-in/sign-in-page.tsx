import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ErrorSummary, type FieldError } from '../../ui/error-summary';
import { usePageTitle } from '../../ui/use-page-title';
import { appScheduler, appTransport, signIn, SignInError, type SignInFailure } from '../../device/sync';

export const OFFLINE_FIRST_SIGN_IN = 'You need to be online to sign in for the first time on this device';
export const OFFLINE_SIGN_IN_AGAIN = 'You need to be online to sign in again. Your work on this device is safe';

/**
 * "Sign in to Doorstep". First run (before the PIN exists): the account is held until the PIN
 * is set up. Later (session ended): signs in again and syncs; local work is untouched.
 */
export function SignInPage({ firstRun = false, keyErased = false }: { firstRun?: boolean; keyErased?: boolean }) {
  usePageTitle('Sign in to Doorstep');
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: FieldError[] = [];
    if (email.trim() === '') found.push({ fieldId: 'email', message: 'Enter your email address' });
    if (password === '') found.push({ fieldId: 'password', message: 'Enter your password' });
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await signIn(appTransport(), { email: email.trim(), password });
      if (firstRun || keyErased) return; // the PIN set-up replaces this page
      void appScheduler().syncNow();
      navigate('/sync');
    } catch (error) {
      setPassword('');
      setErrors([{ fieldId: 'email', message: messageFor(error, firstRun || keyErased) }]);
      setBusy(false);
    }
  }

  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Sign in to Doorstep</h1>
        {keyErased ? (
          <p className="govuk-body">
            The wrong PIN was entered too many times, so Doorstep erased the key that opens the records on this device. The
            records are still here, encrypted. Sign in with your work account (you need to be online) to get them back, then
            choose a new PIN.
          </p>
        ) : firstRun ? (
          <p className="govuk-body">Sign in with your work account. You need to be online the first time. After that, your PIN unlocks Doorstep on this device, with or without a signal.</p>
        ) : (
          <p className="govuk-body">Your session has ended. Sign in again to sync. Your work on this device is safe: nothing waiting to sync is lost.</p>
        )}
        <form noValidate onSubmit={submit}>
          <TextField id="email" label="Email address" type="email" autoComplete="username" value={email} onChange={setEmail} error={errorFor('email')} />
          <TextField id="password" label="Password" type="password" autoComplete="current-password" value={password} onChange={setPassword} error={errorFor('password')} />
          <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
            Sign in
          </button>
        </form>
      </div>
    </div>
  );
}

function messageFor(error: unknown, firstRun: boolean): string {
  const failure: SignInFailure = error instanceof SignInError ? error.failure : { reason: 'failed', message: String(error) };
  switch (failure.reason) {
    case 'offline':
      return firstRun ? OFFLINE_FIRST_SIGN_IN : OFFLINE_SIGN_IN_AGAIN;
    case 'wrong-details':
      return 'The email address or password is not correct';
    case 'different-user':
      return `This device is set up for ${failure.expectedName}. Sign in with that account`;
    case 'rate-limited':
      return failure.retryAfterSeconds
        ? `Too many tries. Wait ${failure.retryAfterSeconds} seconds, then try again`
        : 'Too many tries. Wait a few minutes, then try again';
    default:
      return 'Doorstep could not sign you in. Try again later';
  }
}

interface TextFieldProps {
  id: string;
  label: string;
  type: 'email' | 'password';
  autoComplete: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

function TextField({ id, label, type, autoComplete, value, onChange, error }: TextFieldProps) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      {error && (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      <input
        className={`govuk-input govuk-input--width-30${error ? ' govuk-input--error' : ''}`}
        id={id}
        name={id}
        type={type}
        autoComplete={autoComplete}
        spellCheck={false}
        autoCapitalize="none"
        aria-describedby={error ? `${id}-error` : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
