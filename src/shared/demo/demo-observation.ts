import type { ObservationBody } from '../model/observation-body.ts';
import { demoDay, observation } from './demo-bodies.ts';
import type { DemoPeople } from './demo-caseload.ts';

/**
 * The demo's practice observation: the demo observer watched the demo practitioner on a home
 * visit 400 days ago and completed the form two days later, with every copy sent. Over a year
 * old, so the practitioner's next observation is due (practice-rules §6).
 */
export function demoObservation(recordId: string, now: Date, people: DemoPeople): ObservationBody {
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  return observation(recordId, {
    observedOn: demoDay(now, 400).date,
    practitionerName: people.practitioner.name,
    practitionerId: people.practitioner.id,
    observerName: people.observer.name,
    observerId: people.observer.id,
    nature: 'home-visit',
    focus: 'Hearing the child’s voice when parents are present.',
    purposeExplained: 'yes',
    permissionObtained: 'yes',
    powerAndEqualities: 'The visit was at the family’s home at a time they chose; the practitioner checked the family’s first language beforehand.',
    record: 'The practitioner greeted the family warmly, explained why she was there and spent time alone with the child, using drawings to help him talk.',
    strengths: 'Warm, clear and honest with the family. Used a child-friendly activity to hear the child’s wishes.',
    areasForDevelopment: 'Write up analysis the same day, while it is fresh.',
    practitionerReflection: 'I felt more confident using the three houses tool than last time.',
    conclusions: 'Good practice that kept the child at the centre.',
    actions: [{ key: 'action-1', who: people.practitioner.name, what: 'Share the three houses tool at the team meeting', byWhen: demoDay(now, 370).date }],
    nextSupervision: 'Recording analysis on the day of the visit.',
    knowledgeAndSkills: ['kss-1', 'kss-2'],
    copyToPractitioner: true,
    copyToLineManager: true,
    qaLeadNotified: true,
    completedAt: daysAgo(398),
  });
}
