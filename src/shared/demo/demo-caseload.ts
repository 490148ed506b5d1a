import { v7 as uuidv7 } from 'uuid';
import type { Child, Involvement, Practitioner, RecordBodies } from '../model/index.ts';
import type { VisitNoteBody } from '../model/visit-note.ts';
import { demoDay, directWork, notSeen, notSeenAlone, seenChild, visitNote, type DemoVisitNote } from './demo-bodies.ts';
import { DEMO_DRAWING_ALT, demoDrawingPng } from './demo-drawing.ts';
import { demoObservation } from './demo-observation.ts';

/**
 * An invented caseload, so a new user sees how Doorstep works. Every person here is made up.
 * The server seeds it for the demo team on first start; tests load it onto a device.
 * Dates are relative to now, so the same warnings show whenever it is loaded: one visit
 * overdue (Tamsin), one note past its recording deadline (Elowen and Caspian's draft), a care
 * leaver (Idris), an observation due (the last one was over a year ago), and children whose
 * timescales differ between the two packs (Marnie, Benedikt), so either "Local authority
 * practice standards" setting gives warnings.
 *
 * Every record is a real record, its body made with the forms' own builders: visit notes,
 * a direct work session, a practice observation, and an addendum to a signed-off visit.
 */
export interface DemoCaseload {
  children: Child[];
  records: DemoRecord[];
  practitioner: Practitioner;
}

/** The bodies demo records hold: a visit is always a visit note, as the visit form writes it. */
type DemoBodies = Omit<RecordBodies, 'child' | 'visit'> & { visit: VisitNoteBody };
type DemoRecordType = keyof DemoBodies;

/** One demo record, as its author left it, and what the team manager then did with it. */
export type DemoRecord = {
  [T in DemoRecordType]: {
    id: string;
    type: T;
    body: DemoBodies[T];
    /** Who wrote it: the demo practitioner, or the demo observer (the observation). */
    author: 'practitioner' | 'observer';
    /** As the author pushed it: still a draft, or sent for sign-off. */
    status: 'draft' | 'submitted';
    /** The bytes of each photo the body names, in `photoIds` order (the direct work's drawing). */
    photoBytes?: Uint8Array[];
    /** The manager's review of the submitted record, if any. */
    review?: { action: 'signed-off' } | { action: 'returned'; comment: string };
  };
}[DemoRecordType];

/** The people the demo records name: the server passes its demo accounts; a test device uses these. */
export interface DemoPeople {
  practitioner: { id: string; name: string };
  observer: { id: string; name: string };
}

export const DEMO_DEVICE_PEOPLE: DemoPeople = {
  practitioner: { id: 'demo-practitioner', name: 'Alex Rowntree (demo)' },
  observer: { id: 'demo-observer', name: 'Olu Brennan (demo)' },
};

const DAY = 86_400_000;
const HOUR = 3_600_000;

export function demoCaseload(now = new Date(), people: DemoPeople = DEMO_DEVICE_PEOPLE): DemoCaseload {
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
  const caspian = child('Caspian Marchbanks-Ade', born(6, 20), [involvement('child-in-need', daysAgo(40))]);

  const records: DemoRecord[] = [];
  const add = <R extends DemoRecord>(record: R): R => {
    records.push(record);
    return record;
  };
  /** A visit note; finished `finishedAfterDays` days after the visit, or left a draft (null). */
  const visit = (
    days: number,
    time: string,
    rest: Omit<DemoVisitNote, 'when' | 'completedAt'>,
    { finishedAfterDays = 1 as number | null, review = undefined as DemoRecord['review'] } = {},
  ) => {
    const id = uuidv7();
    const completedAt = finishedAfterDays === null ? null : daysAgo(days - finishedAfterDays);
    const body = visitNote(id, { ...rest, when: demoDay(now, days, time), completedAt });
    return add({ id, type: 'visit', body, author: 'practitioner', status: completedAt ? 'submitted' : 'draft', ...(review ? { review } : {}) });
  };
  const words = (childId: string, text: string) => ({ [childId]: text });

  // Tamsin (child protection, every 10 working days): last seen 20 days ago, so overdue. That
  // visit was signed off, then its author added a correction as an addendum.
  const tamsinVisit = visit(
    20,
    '16:15',
    {
      mode: 'home-visit',
      children: [seenChild(tamsin.id)],
      note: {
        whatHappened: 'Tamsin was at home with her mum after school. The house was warm and tidy; there was food in the fridge.',
        childsVoice: words(tamsin.id, '“I got a new bike and I can ride it without stabilisers now.”'),
        analysis: 'Tamsin seemed relaxed with her mum and happy to show me her room. Home conditions have improved since the conference.',
        nextSteps: 'Visit again within 10 working days. Check school attendance with the designated safeguarding lead.',
      },
    },
    { review: { action: 'signed-off' } },
  );
  add({
    id: uuidv7(),
    type: 'addendum',
    author: 'practitioner',
    status: 'submitted',
    body: {
      parentId: tamsinVisit.id,
      text: 'Correction: the bike was a birthday present from Tamsin’s grandmother, not her mum. Her grandmother now visits on Saturdays.',
      writtenAt: daysAgo(17),
    },
  });
  visit(58, '11:00', {
    mode: 'home-visit',
    children: [seenChild(tamsin.id)],
    note: {
      whatHappened: 'First visit after the initial child protection conference. Tamsin’s mum had read the plan and asked about the parenting course.',
      childsVoice: words(tamsin.id, 'Tamsin was shy at first, then said school is “OK” and her best friend is called Ruby.'),
      analysis: 'Mum is engaging with the plan. Tamsin needs time to get to know me.',
      nextSteps: 'Refer mum to the parenting course. Visit within 10 working days.',
    },
  });
  add({
    id: uuidv7(),
    type: 'direct-work',
    author: 'practitioner',
    status: 'submitted',
    body: directWork({ id: tamsin.id, name: 'Tamsin Ellery' }, demoDay(now, 20), {
      tools: ['three-houses'],
      photos: [{ blobId: uuidv7(), contentType: 'image/png', alt: DEMO_DRAWING_ALT }],
      childsWords: 'House of good things: “my bike, my room, Grandma on Saturdays.” House of worries: “when Mum and Dad shout.” House of dreams: “a dog.”',
      analysis: 'Tamsin could name what helps her feel safe. Her worry about shouting matches what school have seen; share with the core group.',
      completedAt: daysAgo(19),
    }),
    photoBytes: [demoDrawingPng()],
  });

  // Kofi: seen recently, in time. The older note was returned by the manager to add more.
  visit(5, '15:30', {
    mode: 'visit-elsewhere',
    children: [seenChild(kofi.id)],
    note: {
      whatHappened: 'Met Kofi at school in the pastoral room.',
      childsVoice: words(kofi.id, '“Football trials are on Saturday. I want to take PE and computing for my options.”'),
      analysis: 'Kofi is more settled and talking about the future.',
      nextSteps: 'Ask school for his attendance since half term.',
    },
  });
  visit(
    30,
    '17:00',
    {
      mode: 'home-visit',
      children: [seenChild(kofi.id)],
      note: {
        whatHappened: 'Kofi was tired after a late night gaming. We agreed to meet at school next time.',
        childsVoice: {},
        analysis: '',
        nextSteps: 'Meet at school.',
      },
    },
    { review: { action: 'returned', comment: 'Please add what Kofi said, in his own words, and your analysis of the late nights before I sign this off.' } },
  );

  // Marnie (in care, 3 years old): not seen alone because of her age; the manager was told.
  visit(34, '10:00', {
    mode: 'visit-elsewhere',
    children: [notSeenAlone(marnie.id, 'young-age')],
    note: {
      whatHappened: 'Visited Marnie at her foster carers’ home. She played with the dolls’ house while I talked with her carer.',
      childsVoice: words(marnie.id, 'Marnie pointed to her carer and said “Nana Jo”. She showed me her new shoes.'),
      analysis: 'Marnie is settled and has a warm bond with her foster carer.',
      nextSteps: 'Statutory visit within six weeks. Ask the health visitor about her two-and-a-half-year check.',
    },
  });

  // Idris (care leaver): in touch by phone, seen a while back.
  visit(20, '13:00', {
    mode: 'phone',
    children: [notSeen(idris.id)],
    note: {
      whatHappened: 'Phone call with Idris.',
      childsVoice: words(idris.id, '“College is good. I’m doing the plumbing course and I get paid for the placement.”'),
      analysis: 'Idris is managing his money better since starting college.',
      nextSteps: 'Meet in person next month to review the pathway plan.',
    },
  });
  visit(50, '14:00', {
    mode: 'visit-elsewhere',
    children: [seenChild(idris.id)],
    note: {
      whatHappened: 'Met Idris at his flat. The boiler has been fixed by the housing association.',
      childsVoice: words(idris.id, '“It’s warm now, finally.”'),
      analysis: 'His tenancy is stable.',
      nextSteps: 'Review the pathway plan next month.',
    },
  });

  // Saoirse (early help): a four-weekly visit is coming up.
  visit(24, '08:15', {
    mode: 'home-visit',
    children: [seenChild(saoirse.id)],
    note: {
      whatHappened: 'Before school with Saoirse and her dad. The morning routine chart is on the fridge.',
      childsVoice: words(saoirse.id, '“I get a sticker if I’m ready by eight. I’ve got nine stickers.”'),
      analysis: 'Mornings are calmer; Saoirse has been on time for school every day this fortnight.',
      nextSteps: 'Review the early help plan at the next team around the family meeting.',
    },
  });

  // Poppy (private fostering): seen last week.
  visit(8, '16:00', {
    mode: 'home-visit',
    children: [seenChild(poppy.id)],
    note: {
      whatHappened: 'Visited Poppy at her aunt’s home. Her room has a new desk for homework.',
      childsVoice: words(poppy.id, '“I like living with Auntie Grace. I miss my mum but we FaceTime on Sundays.”'),
      analysis: 'The arrangement is working well; school attendance is up.',
      nextSteps: 'Private fostering review next month.',
    },
  });

  // Elowen and her brother Caspian: a visit to both, and the next one's note is still a draft,
  // past its recording deadline.
  visit(30, '15:45', {
    mode: 'home-visit',
    children: [seenChild(elowen.id), seenChild(caspian.id)],
    note: {
      whatHappened: 'Elowen and Caspian were both at home with their mum. I saw each of them alone in their bedrooms.',
      childsVoice: {
        ...words(elowen.id, '“I help Mum with Caspian in the mornings. I’d like to go to after-school club.”'),
        ...words(caspian.id, 'Caspian showed me his dinosaur drawings and said “I’m not scared at night any more.”'),
      },
      analysis: 'Elowen is taking on a lot of care for her brother; a young carers assessment may help.',
      nextSteps: 'Refer Elowen for a young carers assessment. Ask school about the after-school club.',
    },
  });
  visit(
    9,
    '16:30',
    {
      mode: 'home-visit',
      children: [seenChild(elowen.id), seenChild(caspian.id)],
      note: {
        whatHappened: 'Elowen and Caspian were both at home. Mum said the young carers referral has been accepted.',
        childsVoice: {},
        analysis: '',
        nextSteps: '',
      },
    },
    { finishedAfterDays: null },
  );

  // A practice observation of the demo practitioner by the demo observer, over a year ago: it
  // is complete, with every copy sent, and the next one is due now.
  const observationId = uuidv7();
  add({ id: observationId, type: 'observation', author: 'observer', status: 'submitted', body: demoObservation(observationId, now, people) });

  return {
    children: [tamsin, kofi, marnie, idris, saoirse, benedikt, poppy, elowen, caspian],
    records,
    practitioner: { id: people.practitioner.id, name: people.practitioner.name, startedAt: daysAgo(420) },
  };
}
