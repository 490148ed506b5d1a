import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ConnectionStatus } from './connection-status';
import { SERVICE_NAME } from './use-page-title';

/**
 * The page header. Doorstep is not on GOV.UK, so it carries the service name instead of the
 * GOV.UK logo, and shows the device's connection and sync state on the right.
 */
export function Header({ actions }: { actions?: ReactNode }) {
  return (
    <header className="govuk-header">
      <div className="govuk-header__container govuk-width-container doorstep-header">
        <div className="doorstep-header__name">
          <Link to="/" className="govuk-header__link govuk-header__link--homepage doorstep-header__link">
            {SERVICE_NAME}
          </Link>
        </div>
        <div className="doorstep-header__end">
          <ConnectionStatus />
          {actions}
        </div>
      </div>
    </header>
  );
}
