import { v7 as uuidv7 } from 'uuid';
import type { Child, Contact, ContactChild, ImportedVisitBody, Involvement, Practitioner } from '../model/index.ts';

/**
 * An invented caseload, so a new user sees how Doorstep works. Every person here is made up.
 * The server seeds it for the demo team on first start; tests load it onto a device.
 * Dates are relative to now, so the same warnings show whenever it is loaded: one visit
 * overdue (Tamsin), one note past its recording deadline (Elowen), a care leaver (Idris), an
 * observation due, and children whose timescales differ between the two packs (Marnie,
 * Benedikt), so either "Local authority practice standards" setting gives warnings.
 */
export interface DemoCaseload {
  children: Child[];
  visits: DemoVisit[];
  practitioner: Practitioner;
}

/** A visit record's body as an imported contact keeps it (src/shared/model/visit-body.ts): the rules' contact and a summary. */
export type DemoVisit = ImportedVisitBody;

const DAY = 86_400_000;
const HOUR = 3_600_000;

export function demoCaseload(now = new Date()): DemoCaseload {
  const at = (msAgo: number) => new Date(now.getTime() - msAgo).toISOString();
  const daysAgo = (days: number) => at(days * DAY);
  const born = (years: number, days = 0) => daysAgo(years * 365.25 + days).slice(0, 10);
  const involvement = (type: Involvement['type'], start: string, extra: Partial<Involvement> = {}): Involvement => ({
    id: uuidv7(),
    type,
    start,
    ...extra,
  });
  const child = (name: string, dateOfBirth: string, involvements: Involvement[]): Child => ({
    id: uuidv7(),
    name,
    dateOfBirth,
    involvements,
  });

  const tamsin = child('Tamsin Ellery', born(8, 40), [involvement('child-protection', daysAgo(60))]);
  const kofi = child('Kofi Brannigan-Hale', born(14, 100), [
    involvement('child-in-need', daysAgo(70)),
    involvement('early-help', daysAgo(400), { end: daysAgo(75) }),
  ]);
  const marnie = child('Marnie Oduya-Fitch', born(3, 200), [involvement('child-in-care', daysAgo(200))]);
  const idris = child('Idris Pennywhistle', born(19, 30), [involvement('care-leaver', daysAgo(500))]);
  const saoirse = child('Saoirse Quillfeather', born(11, 10), [involvement('early-help', daysAgo(31))]);
  const benedikt = child('Benedikt Ashworth-Nkemelu', born(6, 150), [involvement('section-47', at(30 * HOUR))]);
  const poppy = child('Poppy Threlkeld', born(15, 300), [involvement('private-fostering', daysAgo(100))]);
  const elowen = child('Elowen Marchbanks-Ade', born(9, 75), [involvement('child-in-need', daysAgo(40))]);

  const seen = (childId: string, more: Partial<ContactChild> = {}): ContactChild => ({
    childId,
    seen: true,
    seenAlone: true,
    bedroomSeen: true,
    managerInformed: true,
    ...more,
  });
  const visit = (
    occurredDaysAgo: number,
    children: ContactChild[],
    summary: string,
    { completed = true, mode = 'home-visit' as Contact['mode'] } = {},
  ): DemoVisit => {
    const occurredAt = daysAgo(occurredDaysAgo);
    return {
      contact: {
        id: uuidv7(),
        occurredAt,
        mode,
        setting: 'community',
        significantEvent: false,
        criticalWorries: false,
        completedAt: completed ? at((occurredDaysAgo - 1) * DAY) : null,
        children,
      },
      note: { summary },
      step: 'imported',
    };
  };

  const visits: DemoVisit[] = [
    // Tamsin: last seen 20 days ago; child protection visits are every 10 working days: overdue.
    visit(20, [seen(tamsin.id)], 'Tamsin was at home with her mum. She showed me her new bike.'),
    visit(58, [seen(tamsin.id)], 'First visit after the conference. Tamsin was shy but chatted about school.'),
    // Kofi: seen recently, in time.
    visit(5, [seen(kofi.id)], 'Kofi talked about football trials and his Year 9 options.'),
    visit(30, [seen(kofi.id)], 'Kofi was tired after a late night; we agreed to meet at school next time.'),
    // Marnie: six-weekly in Redcar & Cleveland, every 20 working days in Middlesbrough.
    visit(34, [seen(marnie.id, { seenAlone: false, seenAloneReason: "Child's young age" })], 'Marnie is settled with her foster carers.', {
      mode: 'visit-elsewhere',
    }),
    // Idris: care leaver, last in touch by phone and seen a while back.
    visit(20, [{ childId: idris.id, seen: false }], 'Phone call: Idris has started his college course.', { mode: 'phone' }),
    visit(50, [seen(idris.id)], 'Met Idris at his flat; the boiler has been fixed.', { mode: 'visit-elsewhere' }),
    // Saoirse: early help, seen 24 days ago; a four-weekly visit is coming up.
    visit(24, [seen(saoirse.id)], 'Saoirse and her dad are using the morning routine chart.'),
    // Poppy: private fostering, seen last week.
    visit(8, [seen(poppy.id)], 'Poppy is getting on well with her aunt; school attendance is up.'),
    // Elowen: visited 9 days ago and the note is still a draft: past its recording deadline.
    visit(9, [seen(elowen.id)], 'Elowen and her brother were both at home.', { completed: false }),
  ];

  return {
    children: [tamsin, kofi, marnie, idris, saoirse, benedikt, poppy, elowen],
    visits,
    practitioner: { id: 'demo-practitioner', name: 'Alex Rowntree (demo)', startedAt: daysAgo(420) },
  };
}
