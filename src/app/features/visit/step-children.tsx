import { useState } from 'react';
import { saveRecord } from '../../device/db';
import type { ChildBody } from '../../../shared/model/record-bodies.ts';
import { v7 as uuidv7 } from 'uuid';
import { Checkboxes } from '../../ui/form/checkboxes';
import { DateInput } from '../../ui/form/date-input';
import { TextInput } from '../../ui/form/text-input';
import { fieldIds } from './field-ids';
import { parseWhen } from '../../records/visit/occurred-at';
import type { StepProps } from './step-props';
import { setChildOnVisit } from './visit-note-updates';

export function StepChildren({ body, update, errorFor, childrenOnDevice }: StepProps) {
  const onVisit = body.contact.children.map((child) => child.childId);
  return (
    <>
      {childrenOnDevice.length > 0 ? (
        <Checkboxes
          id={fieldIds.children}
          legend="Which children were part of this visit?"
          legendSize="m"
          hint="Select all that apply."
          error={errorFor(fieldIds.children)}
          options={childrenOnDevice.map((child) => ({ value: child.id, text: child.name }))}
          values={onVisit}
          onChange={(_onVisit, childId, checked) => update(setChildOnVisit(childId, checked))}
        />
      ) : (
        <div className="govuk-inset-text">
          There are no children on this device yet. Add each child who was part of this visit below.
        </div>
      )}
      <AddChild
        onAdded={(childId) => update(setChildOnVisit(childId, true))}
        error={childrenOnDevice.length === 0 ? errorFor(fieldIds.children) : undefined}
      />
    </>
  );
}

/** Adds a child record on this device by name and date of birth, and puts the child on the visit. */
function AddChild({ onAdded, error }: { onAdded: (childId: string) => void; error: string | undefined }) {
  const [name, setName] = useState('');
  const [birth, setBirth] = useState({ day: '', month: '', year: '' });
  const [problems, setProblems] = useState<{ name?: string; birth?: string }>({});
  const [saving, setSaving] = useState(false);

  const add = async () => {
    const parsedBirth = parseWhen({ ...birth, time: '00:00' });
    const next = {
      name: name.trim() === '' ? "Enter the child's name" : undefined,
      birth: parsedBirth.ok ? undefined : "Enter the child's date of birth, for example 14 2 2015",
    };
    setProblems(next);
    if (next.name || next.birth || saving) {
      document.getElementById(next.name ? fieldIds.newChildName : `${fieldIds.newChildBirth}-day`)?.focus();
      return;
    }
    setSaving(true);
    const id = uuidv7();
    const dateOfBirth = `${birth.year.trim()}-${birth.month.trim().padStart(2, '0')}-${birth.day.trim().padStart(2, '0')}`;
    const child: ChildBody = { id, name: name.trim(), dateOfBirth, involvements: [] };
    try {
      await saveRecord({ id, type: 'child', status: 'draft', body: child });
      onAdded(id);
      setName('');
      setBirth({ day: '', month: '', year: '' });
    } catch (failure) {
      console.error('Could not add the child', failure);
      setProblems({ name: 'The child could not be saved on this device. Try again.' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <h2 className="govuk-heading-m">Add a child who is not on this device</h2>
      {error && (
        <p className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      <TextInput
        id={fieldIds.newChildName}
        label="Child's full name"
        error={problems.name}
        value={name}
        onChange={setName}
        onEnter={() => void add()}
      />
      <DateInput
        id={fieldIds.newChildBirth}
        legend="Child's date of birth"
        legendSize="m"
        hint="For example, 14 2 2015"
        error={problems.birth}
        value={birth}
        onChange={setBirth}
      />
      <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void add()}>
        Add child
      </button>
    </div>
  );
}
