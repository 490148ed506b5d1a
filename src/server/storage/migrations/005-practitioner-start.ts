/**
 * When each person started in post (practice-rules §6: a practitioner's first practice
 * observation is due 12 months after they start). Nullable: accounts made before this, and
 * anyone whose start date the admin did not give, simply have no observation due worked out.
 */
export const practitionerStart = {
  id: '005',
  name: 'practitioner-start',
  sql: `
    alter table users add column started_at timestamptz;
  `,
} as const;
