/**
 * Middlesbrough: practice standards per service area in 003_9b81b1b099803614.txt, as
 * practice-rules.md (§3–§6) distils them. Line numbers (L…) are in that file.
 */
import type { PolicyPack } from './types.ts';

const STANDARDS = 'Middlesbrough practice standards';

export const middlesbrough: PolicyPack = {
  id: 'middlesbrough',
  name: 'Middlesbrough',
  // 003 L1294: "I record visits within the timescales of my service area (5-days for Social Work
  // and Early Help, 24 hours in children's home and resources)". The contract reads 5-days as working days.
  recording: [
    { when: 'residential', within: '24 hours', source: `${STANDARDS}: visits recorded within 24 hours in children's homes and resources` },
    { when: 'always', within: '5 working days', source: `${STANDARDS}: visits recorded within 5 days` },
  ],
  seenAlone: {
    // 003 L1314: "ticking child seen alone … and record if not, why not"
    source: `${STANDARDS}: tick "child seen alone", and record why not`,
    // 003 L1466 ("agreed with my manager in supervision"), L2470 ("I will inform my team manager")
    managerMustBeInformed: { source: `${STANDARDS}: if a child cannot be seen alone, inform the team manager` },
  },
  visiting: {
    // 003 L1586: "contact with the family within three working days of being allocated";
    // L1776: "see the child and their family at least monthly"
    'early-help': [
      {
        chain: 'contact',
        label: 'Early help first contact',
        requirement: 'contact',
        first: '3 working days',
        source: `${STANDARDS}: early help, contact within 3 working days of allocation`,
      },
      {
        chain: 'visits',
        label: 'Early help visit',
        requirement: 'seen',
        first: '1 month',
        phases: [{ every: '1 month' }],
        source: `${STANDARDS}: early help, seen at least monthly`,
      },
    ],
    // 003 L1789: "contact with the child and their family within five working days from allocation";
    // L1908–1914: "see the child every 20 working days … assessed as stable, I see them every 12 weeks"
    'child-in-need': [
      {
        chain: 'contact',
        label: 'Child in need first contact',
        requirement: 'contact',
        first: '5 working days',
        source: `${STANDARDS}: children in need, contact within 5 working days of allocation`,
      },
      {
        chain: 'visits',
        label: 'Child in need visit',
        requirement: 'seen',
        first: '20 working days',
        phases: [{ every: '20 working days' }],
        source: `${STANDARDS}: children in need, seen every 20 working days`,
        whenStableComplexNeeds: {
          first: '12 weeks',
          phases: [{ every: '12 weeks' }],
          source: `${STANDARDS}: children in need with stable complex needs, seen every 12 weeks`,
        },
      },
    ],
    // 003 L2393: "I will see the child alone within 24 hours of the strategy"
    'section-47': [
      {
        chain: 'visits',
        label: 'Section 47 visit',
        requirement: 'seen-alone',
        first: '24 hours',
        source: `${STANDARDS}: section 47 enquiry, child seen alone within 24 hours of the strategy discussion`,
      },
    ],
    // 003 L3013: "I see my child every 10 working days as a minimum"
    'child-protection': [
      {
        chain: 'visits',
        label: 'Child protection visit',
        requirement: 'seen',
        first: '10 working days',
        phases: [{ every: '10 working days' }],
        source: `${STANDARDS}: child protection, every 10 working days`,
      },
    ],
    // 003 L3488, L3672: "I visit every week for the first 4 weeks, then every 20 working days"
    'child-in-care': [
      {
        chain: 'visits',
        label: 'Child in care visit',
        requirement: 'seen',
        first: '1 week',
        phases: [{ until: { from: 'start', plus: '4 weeks' }, every: '1 week' }, { every: '20 working days' }],
        source: `${STANDARDS}: children in care, weekly for the first 4 weeks, then every 20 working days`,
      },
    ],
    // 003 L3836: "I keep in touch with Care Leavers every 8 week[s]"
    'care-leaver': [
      {
        chain: 'visits',
        label: 'Care leaver keeping in touch',
        requirement: 'contact',
        first: '8 weeks',
        phases: [{ every: '8 weeks' }],
        source: `${STANDARDS}: care leavers, keep in touch every 8 weeks`,
      },
    ],
  },
  observations: {
    every: '12 months',
    // practice-rules §6 applies the once-a-year rule (000 L216) to both packs.
    dueSource: 'Practice observations (both packs, practice-rules §6): at least once a year for each practitioner',
    // 004 Appendix 2 (L548)
    followUpSource:
      'Practice observation guidance: copy to the practitioner and their line manager, QA lead / principal social worker notified',
  },
};
