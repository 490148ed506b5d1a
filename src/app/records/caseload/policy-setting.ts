import { getMeta, setMeta } from '../../device/db';

/** The local authority practice standards this device warns by (one policy pack at a time). */
export const POLICY_OPTIONS = [
  { id: 'redcar-cleveland', text: 'Redcar & Cleveland' },
  { id: 'middlesbrough', text: 'Middlesbrough' },
] as const;
export type PolicyId = (typeof POLICY_OPTIONS)[number]['id'];
export const DEFAULT_POLICY: PolicyId = 'redcar-cleveland';
// 'policy': the key the visit form reads too (features/visit/use-policy.ts).
const POLICY_KEY = 'policy';

export async function getPolicy(): Promise<PolicyId> {
  const value = await getMeta<string>(POLICY_KEY);
  return POLICY_OPTIONS.some((option) => option.id === value) ? (value as PolicyId) : DEFAULT_POLICY;
}

export function setPolicy(policy: PolicyId): Promise<void> {
  return setMeta(POLICY_KEY, policy);
}

export function policyName(policy: PolicyId): string {
  return POLICY_OPTIONS.find((option) => option.id === policy)?.text ?? policy;
}
