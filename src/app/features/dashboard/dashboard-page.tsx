import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorSummary, type FieldError } from '../../ui/error-summary';
import { formatCalendarDate, formatDateOf } from '../../ui/format-date';
import { usePageTitle } from '../../ui/use-page-title';
import { emptyDate, type DateParts } from '../../../shared/model/direct-work';
import { isoDateFromDay, localDay } from '../../../shared/rules';
import type { Warning } from '../../../shared/model';
import type { Role } from '../../../shared/sync/index.ts';
import { useAccount } from '../../device/sync';
import { PracticeStandardsLine } from '../../records/caseload/practice-standards-line';
import { WarningLine } from '../../records/caseload/warning-tag';
import { DateInput } from '../../ui/form/date-input';
import { caseloadFile, complianceCsvOf, downloadBlob, figuresCsv } from './downloads';
import { MeasureFigures } from './measure-figures';
import {
  CHOOSE_DATES,
  checkChosenDates,
  DEFAULT_PERIOD,
  isPeriodId,
  PERIOD_OPTIONS,
  type Period,
  type PeriodChoice,
  type PeriodRequest,
} from './periods';
import { MEASURE_KEYS } from './team-figures';
import { useTeamFigures, type TeamDashboard } from './use-team-figures';
import './dashboard.css';

const ROLE_WORDS: Record<Role, string> = {
  practitioner: 'a practitioner',
  observer: 'an observer',
  manager: 'a manager',
  admin: 'an admin',
};

/** A team manager's view of timeliness, from the same rules as the caseload and the command. */
export function DashboardPage() {
  usePageTitle('Team dashboard');
  const [choice, setChoice] = useState<PeriodChoice>(DEFAULT_PERIOD);
  // The figures shown: with "Choose dates" picked they stay on the last period until dates are applied.
  const [request, setRequest] = useState<PeriodRequest>({ id: DEFAULT_PERIOD });
  const [dates, setDates] = useState<{ from: DateParts; to: DateParts }>({ from: emptyDate(), to: emptyDate() });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const data = useTeamFigures(request);
  const role = useAccount((state) => state.account?.user.role);
  const empty = data && data.records.children.length === 0 && data.records.contacts.length === 0;

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Team dashboard</h1>
      <p className="govuk-body-l">For team managers: how the team is keeping to the practice standards, from the records on this device.</p>
      {role && role !== 'manager' && (
        <div className="govuk-inset-text">
          This page is meant for team managers. You are signed in as {ROLE_WORDS[role]}, so the figures cover only the records
          this device holds for you.
        </div>
      )}
      {data && <PracticeStandardsLine policy={data.policy} />}
      {empty && (
        <p className="govuk-body">
          There are no children or visits on this device yet, so there is nothing to count. Records appear here once they{' '}
          <Link className="govuk-link" to="/sync">
            sync
          </Link>{' '}
          or a caseload file is imported on the <Link className="govuk-link" to="/">caseload</Link> page.
        </p>
      )}
      {data && !empty && (
        <Dashboard
          data={data}
          choice={choice}
          onChoice={(next) => {
            setChoice(next);
            setErrors([]);
            if (next !== CHOOSE_DATES.id) setRequest({ id: next });
          }}
          dates={dates}
          onDates={setDates}
          errors={errors}
          onApply={() => {
            const checked = checkChosenDates(dates.from, dates.to, Date.now(), DATE_IDS);
            setErrors(checked.ok ? [] : checked.errors);
            if (checked.ok) setRequest({ id: CHOOSE_DATES.id, fromDay: checked.fromDay, toDay: checked.toDay });
          }}
        />
      )}
      {/* Observations need no children or visits: a device may hold only observations pulled from observers. */}
      {data && empty && <PracticeObservations warnings={data.figures.observations} />}
    </>
  );
}

const DATE_IDS = { from: 'dashboard-from', to: 'dashboard-to' };

function Dashboard({
  data,
  choice,
  onChoice,
  dates,
  onDates,
  errors,
  onApply,
}: {
  data: TeamDashboard;
  choice: PeriodChoice;
  onChoice: (choice: PeriodChoice) => void;
  dates: { from: DateParts; to: DateParts };
  onDates: (dates: { from: DateParts; to: DateParts }) => void;
  errors: FieldError[];
  onApply: () => void;
}) {
  const { figures, period } = data;
  const errorFor = (id: string) => errors.filter((e) => e.fieldId === `${id}-day`).map((e) => e.message)[0];
  const apply = (event: FormEvent) => {
    event.preventDefault();
    onApply();
  };
  const periodText = describePeriod(period);
  const rows = (key: (typeof MEASURE_KEYS)[number]) => [
    { name: 'Team', measure: figures.team[key] },
    ...figures.practitioners.map((p) => ({ name: p.name, measure: p.measures[key] })),
  ];
  const today = isoDateFromDay(localDay(data.now));

  return (
    <>
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="dashboard-period">
          Period
        </label>
        <div className="govuk-hint" id="dashboard-period-hint">
          The figures and the charts change as soon as you choose.
        </div>
        <select
          className="govuk-select"
          id="dashboard-period"
          aria-describedby="dashboard-period-hint"
          value={choice}
          onChange={(event) => {
            const value = event.target.value;
            if (isPeriodId(value) || value === CHOOSE_DATES.id) onChoice(value);
          }}
        >
          {[...PERIOD_OPTIONS, CHOOSE_DATES].map((option) => (
            <option key={option.id} value={option.id}>
              {option.text}
            </option>
          ))}
        </select>
      </div>
      {choice === CHOOSE_DATES.id && (
        <form noValidate onSubmit={apply}>
          <DateInput
            id={DATE_IDS.from}
            legend="From"
            hint="For example, 1 9 2026"
            error={errorFor(DATE_IDS.from)}
            value={dates.from}
            onChange={(from) => onDates({ ...dates, from })}
          />
          <DateInput
            id={DATE_IDS.to}
            legend="To"
            hint="For example, 30 9 2026. The figures run to the end of this day."
            error={errorFor(DATE_IDS.to)}
            value={dates.to}
            onChange={(to) => onDates({ ...dates, to })}
          />
          <button type="submit" className="govuk-button">
            Apply dates
          </button>
        </form>
      )}
      <p className="govuk-body" role="status">
        Showing {periodText}.
      </p>

      {MEASURE_KEYS.map((key) => (
        <MeasureFigures key={key} measureKey={key} rows={rows(key)} periodText={periodText} />
      ))}

      <h2 className="govuk-heading-m">Overdue now</h2>
      {figures.overdue.length === 0 ? (
        <p className="govuk-body">No visit or note is overdue.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Visits and notes overdue now, the longest overdue first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                What is overdue
              </th>
              <th scope="col" className="govuk-table__header">
                Practitioner
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {figures.overdue.map(({ warning, author }, i) => (
              <tr className="govuk-table__row" key={`${warning.code}-${warning.involvementId ?? warning.contactId ?? ''}-${i}`}>
                <td className="govuk-table__cell">
                  <WarningLine warning={warning} />
                </td>
                <td className="govuk-table__cell">{author}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <PracticeObservations warnings={figures.observations} />

      <h2 className="govuk-heading-m">Download</h2>
      <p className="govuk-body">
        The CSV has one row per warning now, the same as the compliance command prints with <code>--csv</code> for the exported
        caseload file. With &ldquo;Everything up to now&rdquo; chosen, the figures above are the measures the command reports for
        that file.
      </p>
      <div className="govuk-button-group">
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => {
            const csv = complianceCsvOf(caseloadFile(data.records, data.policy, data.now));
            downloadBlob(new Blob([csv], { type: 'text/csv' }), `doorstep-warnings-${today}.csv`);
          }}
        >
          Download CSV
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => {
            const csv = figuresCsv(figures.team, figures.practitioners, period.fromDate, period.toDate ?? today);
            downloadBlob(new Blob([csv], { type: 'text/csv' }), `doorstep-figures-${today}.csv`);
          }}
        >
          Download figures as CSV
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => {
            const file = caseloadFile(data.records, data.policy, data.now);
            downloadBlob(new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' }), `doorstep-caseload-${today}.json`);
          }}
        >
          Export caseload
        </button>
      </div>
    </>
  );
}


/** "from 4 May 2026 to 31 May 2026", or "everything up to 31 May 2026". */
export function describePeriod(period: Period): string {
  const to = period.toDate === undefined ? formatDateOf(period.to) : formatCalendarDate(period.toDate);
  if (period.fromDate === null) return `everything up to ${to}`;
  return `from ${formatCalendarDate(period.fromDate)} to ${to}`;
}

/** OBSERVATION_DUE for the team's practitioners and OBSERVATION_FOLLOW_UP for observations on the device. */
function PracticeObservations({ warnings }: { warnings: Warning[] }) {
  return (
    <>
      <h2 className="govuk-heading-m">Practice observations</h2>
      {warnings.length === 0 ? (
        <p className="govuk-body">No practice observation is due or needs following up.</p>
      ) : (
        <ul className="govuk-list govuk-list--spaced" aria-label="Practice observations due or needing follow-up">
          {warnings.map((warning, i) => (
            <li key={`${warning.code}-${warning.observationId ?? warning.practitionerId ?? ''}-${i}`}>
              <WarningLine warning={warning} />
            </li>
          ))}
        </ul>
      )}
      <p className="govuk-body">
        Observations are worked out for each practitioner in the team whose start date in post is on the server. The team
        is updated each time this device syncs.
      </p>
    </>
  );
}
