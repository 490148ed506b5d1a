import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { v7 as uuidv7 } from 'uuid';
import { saveRecord, setMeta } from '../device/db';
import type { ChildBody } from '../../shared/model/record-bodies.ts';

export async function addChildOnDevice(name: string): Promise<string> {
  const id = uuidv7();
  const body: ChildBody = { id, name, dateOfBirth: '2016-05-04', involvements: [] };
  await saveRecord({ id, type: 'child', status: 'submitted', body });
  return id;
}

export const usePolicyOnDevice = (policy: string) => setMeta('policy', policy);

export const question = (legend: string | RegExp) => screen.getByRole('group', { name: legend });

export async function answer(user: UserEvent, legend: string | RegExp, option: string) {
  await user.click(within(question(legend)).getByRole('radio', { name: option }));
}

export async function continueTo(user: UserEvent, heading: string) {
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  return screen.findByRole('heading', { level: 1, name: heading });
}

/** Step 1 with the date and time given, then step 2 with the children ticked; ends on step 3. */
export async function startVisit(
  user: UserEvent,
  { mode, children, date, time = '10:00' }: { mode: string; children: string[]; date?: [string, string, string]; time?: string },
) {
  await screen.findByRole('heading', { level: 1, name: 'Visit details' });
  if (date) {
    for (const [label, value] of [['Day', date[0]], ['Month', date[1]], ['Year', date[2]]] as const) {
      const field = within(question('Date of the visit')).getByLabelText(label);
      await user.clear(field);
      await user.type(field, value);
    }
    await user.clear(screen.getByLabelText('Time of the visit'));
    await user.type(screen.getByLabelText('Time of the visit'), time);
  }
  await answer(user, 'How did the visit happen?', mode);
  await continueTo(user, 'Children on the visit');
  for (const name of children) await user.click(screen.getByRole('checkbox', { name }));
  await continueTo(user, 'Seeing each child');
}

export const warningsBox = () => screen.queryByRole('region', { name: 'Check before you finish' });
