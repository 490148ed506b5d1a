import { describe, expect, it } from 'vitest';
import type { Contact } from '../model/contact.ts';
import { evaluate } from './evaluate.ts';
import { middlesbrough } from './packs/middlesbrough.ts';
import { redcarCleveland as redcar } from './packs/redcar-cleveland.ts';
import { child, records, visit } from './test-helpers.ts';

const codes = (pack: typeof redcar, contact: Contact) =>
  evaluate(records([child([])], [contact]), pack, '2026-01-06T12:00:00Z')
    .warnings.filter((w) => !w.code.startsWith('RECORDING_'))
    .map((w) => w.code);

const at = '2026-01-06T10:00:00Z';

describe('seen alone and bedroom seen', () => {
  it('a child seen alone, with their room seen, gets no warning', () => {
    expect(codes(redcar, visit(at))).toEqual([]);
    expect(codes(middlesbrough, visit(at))).toEqual([]);
  });

  it('a child seen but with seen alone not answered gets a warning', () => {
    expect(codes(redcar, visit(at, {}, { seenAlone: null }))).toEqual(['SEEN_ALONE_NOT_RECORDED']);
    expect(codes(middlesbrough, visit(at, {}, { seenAlone: undefined }))).toEqual(['SEEN_ALONE_NOT_RECORDED']);
  });

  it('a child not seen alone with no reason gets a warning', () => {
    expect(codes(redcar, visit(at, {}, { seenAlone: false, seenAloneReason: '  ' }))).toEqual(['SEEN_ALONE_REASON_MISSING']);
  });

  it('a child not seen alone for a recorded reason gets no warning in Redcar & Cleveland', () => {
    expect(codes(redcar, visit(at, {}, { seenAlone: false, seenAloneReason: "child's young age" }))).toEqual([]);
  });

  it('in Middlesbrough the team manager must also be told', () => {
    const told = visit(at, {}, { seenAlone: false, seenAloneReason: 'parent/carer refused', managerInformed: true });
    const notTold = visit(at, {}, { seenAlone: false, seenAloneReason: 'parent/carer refused', managerInformed: false });
    expect(codes(middlesbrough, told)).toEqual([]);
    expect(codes(middlesbrough, notTold)).toEqual(['SEEN_ALONE_MANAGER_NOT_INFORMED']);
    expect(codes(redcar, notTold)).toEqual([]);
  });

  it('on a Redcar & Cleveland home visit the bedroom must be recorded, and why not', () => {
    expect(codes(redcar, visit(at, {}, { bedroomSeen: null }))).toEqual(['BEDROOM_NOT_RECORDED']);
    expect(codes(redcar, visit(at, {}, { bedroomSeen: false }))).toEqual(['BEDROOM_REASON_MISSING']);
    expect(codes(redcar, visit(at, {}, { bedroomSeen: false, bedroomSeenReason: 'child asleep' }))).toEqual([]);
  });

  it('the bedroom is not asked about on a visit elsewhere, nor in Middlesbrough', () => {
    expect(codes(redcar, visit(at, { mode: 'visit-elsewhere' }, { bedroomSeen: null }))).toEqual([]);
    expect(codes(middlesbrough, visit(at, {}, { bedroomSeen: null }))).toEqual([]);
  });

  it('nothing is asked when the child was not seen, or on a phone or video call', () => {
    expect(codes(redcar, visit(at, {}, { seen: false, seenAlone: null, bedroomSeen: null }))).toEqual([]);
    expect(codes(redcar, visit(at, { mode: 'video' }, { seenAlone: null }))).toEqual([]);
  });

  it('drafts are checked too, so the form warns while it is written', () => {
    expect(codes(redcar, visit(at, { completedAt: null }, { seenAlone: null }))).toEqual(['SEEN_ALONE_NOT_RECORDED']);
  });

  it('the warning names the child and the visit', () => {
    const { warnings } = evaluate(records([child([])], [visit(at, { id: 'v9' }, { seenAlone: false })]), redcar, '2026-01-06T12:00:00Z');
    expect(warnings).toContainEqual(
      expect.objectContaining({
        code: 'SEEN_ALONE_REASON_MISSING',
        childId: 'c1',
        contactId: 'v9',
        message: 'Reason not recorded: Sam was not seen alone on the home visit on Tue 6 Jan; record why not',
      }),
    );
  });

  it('the seen-alone measure counts completed in-person visits where the child was seen', () => {
    const contacts = [
      visit(at),
      visit(at, {}, { seenAlone: false, seenAloneReason: 'asleep' }),
      visit(at, { completedAt: null }), // draft: not counted
      visit(at, { mode: 'phone' }, { seen: false }), // not in person: not counted
    ];
    const { measures } = evaluate(records([child([])], contacts), redcar, '2026-01-06T12:00:00Z');
    expect(measures.seenAlone).toEqual({ numerator: 1, denominator: 2 });
  });
});
