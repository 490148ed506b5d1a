import { useId, type ReactNode } from 'react';

interface NotificationBannerProps {
  title: string;
  children: ReactNode;
  /** Success banners announce themselves (role="alert"); others are a labelled region. */
  success?: boolean;
}

export function NotificationBanner({ title, success = false, children }: NotificationBannerProps) {
  const titleId = useId();
  return (
    <div
      className={`govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}`}
      role={success ? 'alert' : 'region'}
      aria-labelledby={titleId}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">{children}</div>
    </div>
  );
}
