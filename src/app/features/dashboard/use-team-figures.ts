import { useMemo } from 'react';
import type { CaseloadRecords } from '../../../shared/model';
import { useAccount } from '../../device/sync';
import type { PolicyId } from '../../records/caseload/policy-setting';
import { useCaseload } from '../../records/caseload/use-caseload';
import { authorshipOf } from './authors';
import { periodFor, type Period, type PeriodRequest } from './periods';
import { teamFigures, type TeamFigures } from './team-figures';

export interface TeamDashboard {
  /** The instant the figures were worked out at; downloads use the same one. */
  now: number;
  period: Period;
  figures: TeamFigures;
  records: CaseloadRecords;
  policy: PolicyId;
}

/** The device's caseload (live) as team figures over the chosen period; undefined while read. */
export function useTeamFigures(request: PeriodRequest): TeamDashboard | undefined {
  const data = useCaseload({ wholeTeam: true });
  const account = useAccount((state) => state.account);
  return useMemo(() => {
    if (!data) return undefined;
    const { caseload, policy } = data;
    const now = Date.now();
    const period = periodFor(request, now);
    const authorship = authorshipOf([...caseload.children, ...caseload.visits], account, { team: caseload.team?.members });
    return { now, period, policy, records: caseload.records, figures: teamFigures(caseload.records, policy, period, authorship) };
  }, [data, request, account]);
}
