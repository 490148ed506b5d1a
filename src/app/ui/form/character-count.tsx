import { useEffect, useState } from 'react';
import { formGroupClass } from './field-parts';
import { TextareaField, type TextareaProps } from './textarea';

const count = (n: number, what: string) => `${n.toLocaleString('en-GB')} ${what}${n === 1 ? '' : 's'}`;

/**
 * GOV.UK character count: a textarea that says how many characters are left, as govuk-frontend's
 * script does. Sighted users see the count as they type; screen readers hear it once typing
 * pauses (the polite live region is updated a second later), and the limit itself through
 * aria-describedby (`${id}-info`). Going over is allowed: the form's own check reports it.
 */
export function CharacterCount({ maxLength, ...props }: TextareaProps & { maxLength: number }) {
  const { id, error, value } = props;
  const remaining = maxLength - value.length;
  const status = remaining >= 0 ? `You have ${count(remaining, 'character')} remaining` : `You have ${count(-remaining, 'character')} too many`;
  const [announced, setAnnounced] = useState(status);
  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(status), 1000);
    return () => clearTimeout(timer);
  }, [status]);
  return (
    <div className={`${formGroupClass(error)} govuk-character-count`}>
      <TextareaField
        {...props}
        className={` govuk-js-character-count${remaining < 0 && !error ? ' govuk-textarea--error' : ''}`}
        extraDescribedBy={[`${id}-info`]}
      />
      <div id={`${id}-info`} className="govuk-hint govuk-character-count__message govuk-visually-hidden">
        You can enter up to {count(maxLength, 'character')}
      </div>
      <div className={`govuk-character-count__status ${remaining < 0 ? 'govuk-error-message' : 'govuk-hint'}`} aria-hidden="true">
        {status}
      </div>
      <div className="govuk-character-count__sr-status govuk-visually-hidden" aria-live="polite">
        {announced}
      </div>
    </div>
  );
}
