import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { CharacterCount } from './character-count';

function Comment({ start = '' }: { start?: string }) {
  const [value, setValue] = useState(start);
  return <CharacterCount id="comment" label="Management comment" hint="Say what needs to change." maxLength={10} value={value} onChange={setValue} />;
}

describe('the character count', () => {
  it('tells the worker the limit and how many characters are left as they type', async () => {
    const user = userEvent.setup();
    render(<Comment />);
    const box = screen.getByRole('textbox', { name: 'Management comment' });
    expect(box).toHaveAccessibleDescription('Say what needs to change. You can enter up to 10 characters');
    await user.type(box, 'Seen');
    expect(screen.getByText('You have 6 characters remaining', { selector: '[aria-hidden]' })).toHaveClass('govuk-hint');
  });

  it('says how many characters too many, as an error, once over the limit', () => {
    render(<Comment start="Eleven char" />);
    expect(screen.getByText('You have 1 character too many', { selector: '[aria-hidden]' })).toHaveClass('govuk-error-message');
    expect(screen.getByRole('textbox', { name: 'Management comment' })).toHaveClass('govuk-textarea--error');
  });
});
