/** GOV.UK error message under a field's label; the field refers to it with aria-describedby. Nothing without a message. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {message}
    </p>
  );
}
