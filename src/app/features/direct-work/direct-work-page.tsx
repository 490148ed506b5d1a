import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import {
  DIRECT_WORK_TOOLS,
  directWorkFromStored,
  directWorkSchema,
  emptyDirectWork,
  type DirectWorkForm,
  type DirectWorkTool,
} from '../../../shared/model/direct-work';
import { toDirectWorkBody } from '../../../shared/model/direct-work-body.ts';
import { ErrorSummary } from '../../ui/error-summary';
import { usePageTitle } from '../../ui/use-page-title';
import { useChildrenOnDevice } from '../../records/caseload/use-children-on-device';
import { Checkboxes } from '../../ui/form/checkboxes';
import { DateInput } from '../../ui/form/date-input';
import { DraftStatus } from '../../ui/form/draft-status';
import { FieldError } from '../../ui/form/field-error';
import { TextInput } from '../../ui/form/text-input';
import { Textarea } from '../../ui/form/textarea';
import { forgetPhoto, keepPhoto } from '../../records/direct-work/photo-store';
import { PhotoList, photoAltId } from './photos';
import { DirectWorkSummary } from '../../records/direct-work/direct-work-answers';
import { useAutosave } from '../../records/use-autosave';
import { noErrors, validate, type FormErrors } from '../../ui/form/form-errors';

const fieldIds: Record<string, string> = {
  child: 'child',
  date: 'date-day',
  tools: 'tools',
  toolsOther: 'tools-other',
  childsWords: 'childs-words',
  analysis: 'analysis',
};
const fieldId = (path: string) => {
  const photo = /^photos\.(\d+)\.alt$/.exec(path);
  return photo ? photoAltId(Number(photo[1])) : (fieldIds[path] ?? path);
};

export function DirectWorkPage() {
  usePageTitle('Direct work');
  const { recordId } = useParams();
  const draft = useAutosave<DirectWorkForm>({
    type: 'direct-work',
    recordId,
    basePath: '/direct-work',
    empty: emptyDirectWork,
    fromStored: directWorkFromStored,
    toStored: toDirectWorkBody,
  });
  const children = useChildrenOnDevice();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [photoBusy, setPhotoBusy] = useState(false);
  const [photoError, setPhotoError] = useState<string | undefined>(undefined);

  if (draft.state.status === 'loading') return <h1 className="govuk-heading-l">Direct work</h1>;
  if (draft.state.status === 'missing' || draft.state.status === 'unreadable') {
    return (
      <>
        <h1 className="govuk-heading-l">Direct work not found</h1>
        <p className="govuk-body">There is no direct work record with the reference {recordId} on this device.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/direct-work/new">
            Record new direct work
          </Link>
        </p>
      </>
    );
  }
  const form = draft.state.form;
  const editable = draft.state.recordStatus === 'draft' || draft.state.recordStatus === 'returned';
  if (!editable) return <DirectWorkSummary form={form} children={children ?? []} />;

  const set = <K extends keyof DirectWorkForm>(key: K, value: DirectWorkForm[K]) =>
    draft.update((current) => ({ ...current, [key]: value }));
  const error = (path: string) => errors.byPath[path];
  const childError = error('child');

  const addPhotos = async (files: File[]) => {
    setPhotoBusy(true);
    setPhotoError(undefined);
    try {
      const id = draft.ensureId();
      for (const file of files) {
        const kept = await keepPhoto(id, file);
        draft.update((current) => ({
          ...current,
          photos: [...current.photos, { ...kept, alt: 'Drawing of ' }],
        }));
      }
    } catch (problem) {
      console.error('Could not keep a photo', problem);
      setPhotoError('The photo could not be kept on this device. Try again.');
    } finally {
      setPhotoBusy(false);
    }
  };

  const removePhoto = (index: number) => {
    const photo = form.photos[index];
    if (!photo) return;
    draft.update((current) => ({ ...current, photos: current.photos.filter((p) => p.blobId !== photo.blobId) }));
    void forgetPhoto(photo.blobId).catch((problem: unknown) => console.error('Could not delete a photo', problem));
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate(directWorkSchema, form, fieldId);
    if (found.byPath.child && !children?.length) {
      // With no children on the device the field is a text box, so the message asks for a name.
      const message = "Enter the child's name";
      found.byPath.child = message;
      found.summary = found.summary.map((e) => (e.fieldId === 'child' ? { ...e, message } : e));
    }
    setErrors(found);
    if (found.summary.length > 0) return;
    await draft.finish({ ...form, completedAt: new Date().toISOString() });
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors.summary} />
        <h1 className="govuk-heading-l">Direct work</h1>
        <p className="govuk-body">What you did with the child, what they said and showed you. It is saved on this device as you go.</p>
        <form noValidate onSubmit={(event) => void onSubmit(event)}>
          {children && children.length > 0 ? (
            <div className={`govuk-form-group${childError ? ' govuk-form-group--error' : ''}`}>
              <label className="govuk-label govuk-label--s" htmlFor="child">
                Child
              </label>
              <FieldError id="child-error" message={childError} />
              <select
                className={`govuk-select${childError ? ' govuk-select--error' : ''}`}
                id="child"
                name="child"
                aria-describedby={childError ? 'child-error' : undefined}
                value={form.childId}
                onChange={(event) => set('childId', event.target.value)}
              >
                <option value="">Choose a child</option>
                {children.map((child) => (
                  <option key={child.id} value={child.id}>
                    {child.name}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <TextInput
              id="child"
              label="Child's name"
              hint="There are no children on this device yet, so type their name."
              error={childError}
              value={form.childName}
              onChange={(value) => set('childName', value)}
            />
          )}
          <DateInput
            id="date"
            legend="Date of the direct work"
            hint="For example, 27 3 2026"
            error={error('date')}
            value={form.date}
            onChange={(value) => set('date', value)}
          />
          <Checkboxes<DirectWorkTool>
            id="tools"
            legend="Tools and activities used"
            hint="Select all that apply."
            error={error('tools')}
            values={form.tools}
            onChange={(values) => set('tools', values)}
            options={DIRECT_WORK_TOOLS.map((tool) =>
              tool.value === 'other'
                ? {
                    ...tool,
                    conditional: (
                      <TextInput
                        id="tools-other"
                        label="Other tool or activity"
                        error={error('toolsOther')}
                        value={form.toolsOther}
                        onChange={(value) => set('toolsOther', value)}
                      />
                    ),
                  }
                : tool,
            )}
          />
          <Textarea
            labelSize="s"
            id="childs-words"
            label="What the child said, in their own words"
            hint="Write their words as they said them, including words they use for people and places."
            error={error('childsWords')}
            value={form.childsWords}
            onChange={(value) => set('childsWords', value)}
          />
          <Textarea
            labelSize="s"
            id="analysis"
            label="Your analysis"
            hint="What this tells you about the child's experience, wishes and feelings, and what happens next."
            error={error('analysis')}
            value={form.analysis}
            onChange={(value) => set('analysis', value)}
          />
          <PhotoList
            photos={form.photos}
            errors={errors.byPath}
            busy={photoBusy}
            addError={photoError}
            onAdd={(files) => void addPhotos(files)}
            onAltChange={(index, alt) =>
              draft.update((current) => ({
                ...current,
                photos: current.photos.map((p, i) => (i === index ? { ...p, alt } : p)),
              }))
            }
            onRemove={removePhoto}
          />
          <DraftStatus state={draft.saveState} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Finish and record
          </button>
        </form>
      </div>
    </div>
  );
}
