import { useLayoutEffect, useRef } from 'react';

export interface FieldError {
  /** The id of the field the error is about; the summary links to it. */
  fieldId: string;
  message: string;
}

/** GOV.UK error summary: shown at the top of the page and focused so screen readers hear it. */
export function ErrorSummary({ errors, title = 'There is a problem' }: { errors: FieldError[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // Layout effect: the summary has focus from the moment it appears, before it is painted.
  useLayoutEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error) => (
              <li key={error.fieldId}>
                <a
                  href={`#${error.fieldId}`}
                  onClick={(event) => {
                    const field = document.getElementById(error.fieldId);
                    if (!field) return;
                    event.preventDefault();
                    field.focus();
                  }}
                >
                  {error.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
