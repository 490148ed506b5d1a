import { useEffect } from 'react';
import { Link, useRouteError } from 'react-router';
import { usePageTitle } from './ui/use-page-title';

/** Shown inside the layout when a page fails to render. Work already saved stays on the device. */
export function ErrorPage() {
  const error = useRouteError();
  usePageTitle('Sorry, there is a problem');
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Sorry, there is a problem</h1>
        <p className="govuk-body">This page could not be shown. Anything you saved before is still on this device.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/">
            Go to your caseload
          </Link>
        </p>
      </div>
    </div>
  );
}
