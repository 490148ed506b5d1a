import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { caseloadView, readDeviceCaseload, type CaseloadScope, type CaseloadView, type DeviceCaseload } from './build-caseload';
import { getPolicy, type PolicyId } from './policy-setting';

/**
 * The device caseload and its warnings under the device's policy pack; undefined while read.
 * `wholeTeam`: observations due for every practitioner in the team (the dashboard).
 */
export function useCaseload({ wholeTeam = false }: CaseloadScope = {}): { caseload: DeviceCaseload; view: CaseloadView; policy: PolicyId } | undefined {
  // Both reads start at once: Dexie calls made after a WebCrypto await would not be watched.
  const data = useLiveQuery(async () => {
    const [caseload, policy] = await Promise.all([readDeviceCaseload({ wholeTeam }), getPolicy()]);
    return { caseload, policy };
  }, [wholeTeam]);
  return useMemo(() => (data ? { ...data, view: caseloadView(data.caseload, data.policy, new Date()) } : undefined), [data]);
}
