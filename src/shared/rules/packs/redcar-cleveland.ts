/**
 * Redcar & Cleveland: practice standards in 000_257b7161d87f64bf.txt, as practice-rules.md
 * (§3–§6) distils them. Line numbers (L…) are in that file.
 */
import type { PolicyPack } from './types.ts';

const STANDARDS = 'Redcar & Cleveland practice standards';

export const redcarCleveland: PolicyPack = {
  id: 'redcar-cleveland',
  name: 'Redcar & Cleveland',
  // 000 L2772–2779: "within a maximum of 5 working days unless there has been a significant
  // event or emergency, in which case … the same or next day"; critical worries "recorded that day".
  recording: [
    { when: 'criticalWorries', within: 'same day', source: `${STANDARDS}: critical worries recorded that day` },
    {
      when: 'significantEvent',
      within: 'next day',
      source: `${STANDARDS}: after a significant event or emergency, recorded the same or next day`,
    },
    { when: 'always', within: '5 working days', source: `${STANDARDS}: home visits recorded within 5 working days` },
  ],
  seenAlone: {
    // 000 L2686–2689: "We record if we have been able to see child or young person alone and if
    // their room has been seen, and record the reasons why if we haven't been able to."
    source: `${STANDARDS}: record whether the child was seen alone, and why not`,
    bedroomOnHomeVisits: { source: `${STANDARDS}: record whether the child's room was seen, and why not` },
  },
  visiting: {
    // 000 L2861: "contacted within 5 working days of allocation … then visited at least once every 4 weeks"
    'early-help': [
      {
        chain: 'contact',
        label: 'Early help first contact',
        requirement: 'contact',
        first: '5 working days',
        source: `${STANDARDS}: early help, contact within 5 working days of allocation`,
      },
      {
        chain: 'visits',
        label: 'Early help visit',
        requirement: 'seen',
        first: '4 weeks',
        phases: [{ every: '4 weeks' }],
        source: `${STANDARDS}: early help, visited at least every 4 weeks`,
      },
    ],
    // 000 L2880: "visited … no later than 2 working days"
    'section-47': [
      {
        chain: 'visits',
        label: 'Section 47 visit',
        requirement: 'seen',
        first: '2 working days',
        source: `${STANDARDS}: section 47 enquiry, child visited within 2 working days`,
      },
    ],
    // 000 L2923: "visited at least once every 20 working days"
    'child-in-need': [
      {
        chain: 'visits',
        label: 'Child in need visit',
        requirement: 'seen',
        first: '20 working days',
        phases: [{ every: '20 working days' }],
        source: `${STANDARDS}: child in need, every 20 working days`,
      },
    ],
    // 000 L2942–2944: "seen within 48 hours of a Child Protection Plan being agreed … at the least
    // once every 10 working days"
    'child-protection': [
      {
        chain: 'visits',
        label: 'Child protection visit',
        requirement: 'seen',
        first: '48 hours',
        phases: [{ every: '10 working days' }],
        source: `${STANDARDS}: child protection, seen within 48 hours then every 10 working days`,
      },
    ],
    // 000 L2960–2972: "seen the day they are placed … weekly for the first four weeks … every six
    // weeks for at least the first year … after one year … every 3 months" once agreed at review
    'child-in-care': [
      {
        chain: 'visits',
        label: 'Child in our care visit',
        requirement: 'seen',
        first: 'same day',
        phases: [
          { until: { from: 'start', plus: '4 weeks' }, every: '1 week' },
          { until: { from: 'start', plus: '12 months' }, every: '6 weeks' },
          { until: { from: 'reductionAgreedAt' }, every: '6 weeks' },
          { every: '3 months' },
        ],
        source: `${STANDARDS}: children in our care, seen the day they are placed, weekly for 4 weeks, then every 6 weeks (3 months once agreed at review after the first year)`,
      },
    ],
    // 000 L3062–3065: "seen within 7-days from the date of notification … first 12-months … every
    // 6 weeks, and in every subsequent year … once every 12 weeks"
    'private-fostering': [
      {
        chain: 'visits',
        label: 'Private fostering visit',
        requirement: 'seen',
        first: '7 days',
        phases: [{ until: { from: 'start', plus: '12 months' }, every: '6 weeks' }, { every: '12 weeks' }],
        source: `${STANDARDS}: privately fostered children, seen within 7 days of notification, every 6 weeks in the first year, then every 12 weeks`,
      },
    ],
    // 000 L3136: "visited within 72 hours of the child's return"
    'missing-return': [
      {
        chain: 'visits',
        label: 'Return from missing visit',
        requirement: 'seen',
        first: '72 hours',
        source: `${STANDARDS}: children reported missing, visited within 72 hours of their return`,
      },
    ],
    // 000 L3151–3153: "seen at least every 2-months … until they are 20 years old. After this, we
    // have contact with them at least once every 6 months"; L3163: "until they reach 25 years old"
    'care-leaver': [
      {
        chain: 'visits',
        label: 'Care leaver keeping in touch',
        requirement: 'seen',
        first: '2 months',
        phases: [
          { until: { from: 'birthday', age: 20 }, every: '2 months', requirement: 'seen' },
          { until: { from: 'birthday', age: 25 }, every: '6 months', requirement: 'contact' },
          { every: null },
        ],
        source: `${STANDARDS}: young people aged 18–25, seen every 2 months until 20, then contact every 6 months until 25`,
      },
    ],
    // 000 L3029–3031: "seen within the first week of the placement and weekly until the first
    // review … every 6 weeks for the first year after this, and then 3-monthly"
    adoption: [
      {
        chain: 'visits',
        label: 'Adoptive placement visit',
        requirement: 'seen',
        first: '1 week',
        phases: [
          { until: { from: 'firstReviewAt' }, every: '1 week' },
          { until: { from: 'firstReviewAt', plus: '12 months' }, every: '6 weeks' },
          { every: '3 months' },
        ],
        source: `${STANDARDS}: adoptive placements, weekly until the first review, every 6 weeks for a year, then every 3 months`,
      },
    ],
    // 000 L3007–3011: "seen within the first 7 days of placement, then within 3 months of the first
    // placement day … intervals of no less than 6 months after"
    'short-breaks': [
      {
        chain: 'visits',
        label: 'Short breaks visit',
        requirement: 'seen',
        first: '7 days',
        secondFromStart: '3 months',
        phases: [{ every: '6 months' }],
        source: `${STANDARDS}: short breaks, seen within 7 days, within 3 months of the first placement day, then every 6 months`,
      },
    ],
    // 000 L3085–3086: "seen weekly until the first review and then at least every 4-weeks"
    'temporary-approval': [
      {
        chain: 'visits',
        label: 'Temporary approval visit',
        requirement: 'seen',
        first: '1 week',
        phases: [{ until: { from: 'firstReviewAt' }, every: '1 week' }, { every: '4 weeks' }],
        source: `${STANDARDS}: temporarily approved carers or interim care order at home, weekly until the first review, then every 4 weeks`,
      },
    ],
    // 000 L3114–3118: "seen within the first week of being placed at home and then at least every
    // 6-weeks for the first year … at least every 3-months … upon agreement within a Child in Care review"
    'care-order-at-home': [
      {
        chain: 'visits',
        label: 'Care order at home visit',
        requirement: 'seen',
        first: '1 week',
        phases: [
          { until: { from: 'start', plus: '12 months' }, every: '6 weeks' },
          { until: { from: 'reductionAgreedAt' }, every: '6 weeks' },
          { every: '3 months' },
        ],
        source: `${STANDARDS}: care order placed at home, seen within a week, then every 6 weeks (3 months once agreed at review after the first year)`,
      },
    ],
  },
  observations: {
    every: '12 months',
    // 000 L215–216: "One formal observation of practice … at least once a year"
    dueSource: 'Redcar & Cleveland supervision policy: a formal observation of practice at least once a year',
    // 004 Appendix 2 (L548)
    followUpSource:
      'Practice observation guidance: copy to the practitioner and their line manager, QA lead / principal social worker notified',
  },
};
