import type { Measure } from '../../../shared/model';
import { MEASURE_NAMES } from './downloads';
import { percentage, type MeasureKey } from './team-figures';

/** How each measure's numerator and denominator read in the table (practice-rules §7). */
export const MEASURE_WORDS: Record<MeasureKey, { about: string; numerator: string; denominator: string }> = {
  seenAlone: {
    about: 'Children seen in person on a finished visit note, counted when the note was finished: how many were seen alone.',
    numerator: 'Seen alone',
    denominator: 'Children seen',
  },
  recordedInTimescale: {
    about: 'Visit notes finished, or whose recording deadline passed, in the period: how many were finished before their deadline.',
    numerator: 'Recorded in time',
    denominator: 'Notes due',
  },
  visitsInTimescale: {
    about: 'Visiting deadlines met, or passed, in the period: how many were met before they were due.',
    numerator: 'Visited in time',
    denominator: 'Visits due',
  },
};

export interface FigureRow {
  name: string;
  measure: Measure;
}

/** "80% (8 of 10)"; "none due" when the denominator is 0, as the table says. */
export function describeMeasure(measure: Measure): string {
  const pct = percentage(measure);
  return pct === null ? 'none due' : `${pct}% (${measure.numerator} of ${measure.denominator})`;
}

/** One measure: a bar chart and, beside it, the same figures as a table. */
export function MeasureFigures({ measureKey, rows, periodText }: { measureKey: MeasureKey; rows: FigureRow[]; periodText: string }) {
  const title = MEASURE_NAMES[measureKey];
  const words = MEASURE_WORDS[measureKey];
  const headingId = `dashboard-${measureKey}`;
  return (
    <section aria-labelledby={headingId} className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id={headingId}>
        {title}
      </h2>
      <p className="govuk-body">{words.about}</p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <MeasureChart title={title} rows={rows} />
        </div>
        <div className="govuk-grid-column-one-half">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">
              {title}, {periodText}
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Practitioner
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  {words.numerator}
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  {words.denominator}
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Percentage
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {rows.map(({ name, measure }) => {
                const pct = percentage(measure);
                return (
                  <tr className="govuk-table__row" key={name}>
                    <th scope="row" className="govuk-table__header">
                      {name}
                    </th>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{measure.numerator}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{measure.denominator}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{pct === null ? 'None due' : `${pct}%`}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

/**
 * Horizontal bars. The whole chart is one image whose name reads every figure; each bar also
 * has its percentage written beside it, so nothing is told by colour or length alone.
 */
function MeasureChart({ title, rows }: { title: string; rows: FigureRow[] }) {
  const label = `${title}: ${rows.map(({ name, measure }) => `${name}, ${describeMeasure(measure)}`).join('; ')}`;
  return (
    <div role="img" aria-label={label} className="doorstep-chart">
      {rows.map(({ name, measure }) => {
        const pct = percentage(measure);
        return (
          <div className="doorstep-chart__row" key={name}>
            <span className="doorstep-chart__label">{name}</span>
            <span className="doorstep-chart__track">
              <span className="doorstep-chart__bar" style={{ width: `${pct ?? 0}%` }} />
            </span>
            <span className="doorstep-chart__figure">{pct === null ? 'None due' : `${pct}%`}</span>
          </div>
        );
      })}
    </div>
  );
}
