import { Link, matchPath, useLocation } from 'react-router';

export interface NavigationItem {
  to: string;
  text: string;
  /** Other paths that belong to this section, e.g. a child's page under Caseload. */
  section?: string[];
}

/** GOV.UK service navigation; the current page is marked with aria-current. */
export function ServiceNavigation({ items }: { items: NavigationItem[] }) {
  const { pathname } = useLocation();
  return (
    <div className="govuk-service-navigation">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <nav aria-label="Service navigation" className="govuk-service-navigation__wrapper">
            <ul className="govuk-service-navigation__list">
              {items.map((item) => {
                const current = matchPath({ path: item.to, end: true }, pathname) !== null;
                const inSection = !current && (item.section ?? []).some((path) => matchPath(path, pathname) !== null);
                const active = current || inSection;
                return (
                  <li
                    key={item.to}
                    className={`govuk-service-navigation__item${active ? ' govuk-service-navigation__item--active' : ''}`}
                  >
                    <Link
                      className="govuk-service-navigation__link"
                      to={item.to}
                      aria-current={current ? 'page' : inSection ? 'true' : undefined}
                    >
                      {active ? <strong className="govuk-service-navigation__active-fallback">{item.text}</strong> : item.text}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        </div>
      </div>
    </div>
  );
}
