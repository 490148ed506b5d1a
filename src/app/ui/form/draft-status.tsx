/** "Draft saved", read out by screen readers without moving focus. */
export function DraftStatus({ state }: { state: 'idle' | 'saved' | 'failed' }) {
  const text = {
    idle: '',
    saved: 'Draft saved',
    failed: 'This could not be saved on this device. Do not close Doorstep; copy what you wrote somewhere safe.',
  }[state];
  return (
    <p role="status" className={`govuk-body doorstep-draft-status${state === 'failed' ? ' govuk-error-message' : ''}`}>
      {text}
    </p>
  );
}
