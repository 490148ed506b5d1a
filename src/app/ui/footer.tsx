import { Link } from 'react-router';
import { version } from '../../../package.json';

export function Footer() {
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">Support links</h2>
            <ul className="govuk-footer__inline-list">
              <li className="govuk-footer__inline-list-item">
                <Link className="govuk-footer__link" to="/settings">
                  Settings and storage
                </Link>
              </li>
            </ul>
            <p className="govuk-body-s doorstep-footer__text">
              Doorstep {version}. Everything you record is saved on this device first and sent when you have a signal.
            </p>
          </div>
        </div>
      </div>
    </footer>
  );
}
