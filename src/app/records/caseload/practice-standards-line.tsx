import { Link } from 'react-router';
import { policyName, type PolicyId } from './policy-setting';

/** "Timescales follow … practice standards. Change": which pack the warnings and figures use. */
export function PracticeStandardsLine({ policy }: { policy: PolicyId }) {
  return (
    <p className="govuk-body">
      Timescales follow {policyName(policy)} practice standards.{' '}
      <Link className="govuk-link" to="/settings">
        Change<span className="govuk-visually-hidden"> practice standards</span>
      </Link>
    </p>
  );
}
