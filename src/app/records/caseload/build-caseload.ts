import { childSchema, observationSchema, practitionerSchema } from '../../../shared/model';
import type { CaseloadRecords, Child, Contact, Observation, Practitioner, Warning } from '../../../shared/model';
import { contactOfVisit, parseVisitBody } from '../../../shared/model/visit-body.ts';
import { evaluate } from '../../../shared/rules';
import { getSealedMeta, listRecords, type LocalRecord } from '../../device/db';
import type { ChildBody, DirectWorkBody, ObservationBody, PractitionerBody, VisitBody } from '../../../shared/model/record-bodies.ts';
import { getTeam, practitionerProfileOf, type StoredTeam } from '../../device/sync/team';

/** Everything on the device the caseload pages read, decrypted. */
export interface DeviceCaseload {
  records: CaseloadRecords;
  children: LocalRecord<ChildBody>[];
  visits: LocalRecord<VisitBody>[];
  directWork: LocalRecord<DirectWorkBody>[];
  /** Practice observations on the device: written here, or pulled (about this user, or a manager's team). */
  observations: LocalRecord<ObservationBody>[];
  /** The team as the server last gave it (names, start dates); undefined until first fetched. */
  team: StoredTeam | undefined;
}

export interface CaseloadScope {
  /**
   * true: practice observations (§6) for every practitioner in the team whose start date is
   * known (the manager's dashboard). false (the caseload pages): the signed-in user's own only.
   */
  wholeTeam?: boolean;
}

/**
 * Reads the device's records into the rules' caseload. A visit is read the way its form reads
 * it (toContact), so a draft with questions not answered yet gives the same warnings here as
 * in the form (practice-rules §3: seen alone and bedroom apply to drafts too). Records not far
 * enough on to place (a visit draft with no date or mode yet) are left out until they are.
 */
export async function readDeviceCaseload({ wholeTeam = false }: CaseloadScope = {}): Promise<DeviceCaseload> {
  const [children, visits, directWork, observations, practitioner, team] = await Promise.all([
    listRecords<ChildBody>('child'),
    listRecords<VisitBody>('visit'),
    listRecords<DirectWorkBody>('direct-work'),
    listRecords<ObservationBody>('observation'),
    getSealedMeta<PractitionerBody>('practitioner'),
    getTeam(),
  ]);
  // One profile per person: the team's (the server's latest) over the device's own.
  const profiles = new Map<string, unknown>();
  if (practitioner) profiles.set(practitioner.id, practitioner);
  if (wholeTeam) {
    for (const member of team?.members ?? []) {
      const profile = practitionerProfileOf(member);
      if (profile) profiles.set(profile.id, profile);
    }
  }
  return {
    children,
    visits,
    directWork,
    observations,
    team,
    records: {
      children: valid<Child>(children.map((r) => r.body), childSchema),
      contacts: visits.map((r) => contactOf(r.body)).filter((contact) => contact !== null),
      practitioners: valid<Practitioner>([...profiles.values()], practitionerSchema),
      observations: valid<Observation>(observations.map((r) => r.body?.observation), observationSchema),
    },
  };
}

/**
 * The §2 contact a visit body holds, read with the shared visit body schema: a visit note (the
 * visit form's body) through toContact, the same conversion the form's live warnings use; an
 * imported or demo contact as it is. null for a body that is neither.
 */
export function contactOf(body: unknown): Contact | null {
  const visit = parseVisitBody(body);
  return visit ? contactOfVisit(visit) : null;
}

function valid<T>(values: unknown[], schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }): T[] {
  const out: T[] = [];
  for (const value of values) {
    if (value === undefined || value === null) continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

export type Urgency = 'overdue' | 'due-soon' | 'other';

export function urgencyOf(warning: Warning): Urgency {
  if (warning.code.endsWith('_OVERDUE') || warning.code === 'OBSERVATION_DUE') return 'overdue';
  if (warning.code.endsWith('_DUE_SOON')) return 'due-soon';
  return 'other';
}

const RANK: Record<Urgency, number> = { overdue: 0, 'due-soon': 1, other: 2 };

/** Overdue first, the longest overdue first; then due soon, soonest first; then the rest. */
export function compareUrgency(a: Warning, b: Warning): number {
  return RANK[urgencyOf(a)] - RANK[urgencyOf(b)] || (a.due ?? '\uffff').localeCompare(b.due ?? '\uffff');
}

export interface CaseloadView {
  /** Each child with their visit warnings, most urgent child first. */
  children: { record: LocalRecord<ChildBody>; name: string; visitWarnings: Warning[]; otherWarnings: Warning[] }[];
  /** Recording deadlines near or past. */
  notes: Warning[];
  observations: Warning[];
}

/** Evaluates the caseload with the shared rules (invariant 4) and arranges it for the page. */
export function caseloadView(caseload: DeviceCaseload, policy: string, asOf: Date): CaseloadView {
  const { warnings } = evaluate(caseload.records, policy, asOf);
  const byChild = new Map<string, Warning[]>();
  for (const warning of warnings) {
    if (!warning.childId) continue;
    const list = byChild.get(warning.childId) ?? [];
    list.push(warning);
    byChild.set(warning.childId, list);
  }
  const children = caseload.children.map((record) => {
    const mine = (byChild.get(record.id) ?? []).sort(compareUrgency);
    return {
      record,
      name: childName(record),
      visitWarnings: mine.filter((w) => w.code.startsWith('VISIT_')),
      otherWarnings: mine.filter((w) => !w.code.startsWith('VISIT_') && !w.code.startsWith('RECORDING_')),
    };
  });
  children.sort((a, b) => {
    const [x, y] = [a.visitWarnings[0], b.visitWarnings[0]];
    if (x && y) return compareUrgency(x, y);
    if (x || y) return x ? -1 : 1;
    return a.name.localeCompare(b.name, 'en-GB');
  });
  return {
    children,
    notes: warnings.filter((w) => w.code.startsWith('RECORDING_')).sort(compareUrgency),
    observations: warnings.filter((w) => w.code.startsWith('OBSERVATION_')).sort(compareUrgency),
  };
}

export function childName(record: LocalRecord<ChildBody>): string {
  return record.body?.name ?? `Child ${record.id}`;
}
