import { Link } from 'react-router';
import { usePageTitle } from './ui/use-page-title';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Page not found</h1>
        <p className="govuk-body">If you typed the web address, check it is correct.</p>
        <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/">
            Go to your caseload
          </Link>
        </p>
      </div>
    </div>
  );
}
