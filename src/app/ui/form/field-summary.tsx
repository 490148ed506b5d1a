import { useEffect, useRef } from 'react';

export interface FieldProblem {
  /** The field's id; the link is href="#id". */
  fieldId: string;
  message: string;
}

/**
 * A list of links to fields, GOV.UK error summary style. `errors` (red, "There is a problem")
 * takes focus when it appears; `warnings` ("Check before you finish") never does, because it
 * changes while the practitioner types. A link moves focus to its field, which may first need
 * its step shown (onSelect).
 */
export function FieldSummary({
  kind,
  title,
  problems,
  onSelect,
}: {
  kind: 'errors' | 'warnings';
  title: string;
  problems: FieldProblem[];
  onSelect: (fieldId: string) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (kind === 'errors' && problems.length > 0) ref.current?.focus();
  }, [kind, problems]);
  if (problems.length === 0) return null;
  const titleId = `${kind}-summary-title`;
  const list = (
    <ul className={`govuk-list${kind === 'errors' ? ' govuk-error-summary__list' : ' govuk-list--spaced'}`}>
      {problems.map((problem) => (
        <li key={`${problem.fieldId} ${problem.message}`}>
          <a
            className={kind === 'warnings' ? 'govuk-notification-banner__link' : undefined}
            href={`#${problem.fieldId}`}
            onClick={(event) => {
              event.preventDefault();
              onSelect(problem.fieldId);
            }}
          >
            {problem.message}
          </a>
        </li>
      ))}
    </ul>
  );
  if (kind === 'errors') {
    return (
      <div className="govuk-error-summary" ref={ref} tabIndex={-1}>
        <div role="alert">
          <h2 className="govuk-error-summary__title">{title}</h2>
          <div className="govuk-error-summary__body">{list}</div>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-notification-banner" role="region" aria-labelledby={titleId}>
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">{list}</div>
    </div>
  );
}
