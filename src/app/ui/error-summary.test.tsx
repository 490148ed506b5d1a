import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ErrorSummary } from './error-summary';

describe('the error summary', () => {
  it('renders nothing when there are no errors', () => {
    const { container } = render(<ErrorSummary errors={[]} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('takes focus, and each error link moves focus to its field', async () => {
    const user = userEvent.setup();
    render(
      <>
        <ErrorSummary errors={[{ fieldId: 'visit-date', message: 'Enter the date of the visit' }]} />
        <label htmlFor="visit-date">Date of visit</label>
        <input id="visit-date" />
      </>,
    );
    expect(screen.getByRole('heading', { name: 'There is a problem' }).closest('.govuk-error-summary')).toHaveFocus();
    await user.click(screen.getByRole('link', { name: 'Enter the date of the visit' }));
    expect(screen.getByLabelText('Date of visit')).toHaveFocus();
  });
});
