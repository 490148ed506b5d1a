/** The policy pack registry. A new local authority = a new data file + one line here + its tests. */
import { middlesbrough } from './middlesbrough.ts';
import { redcarCleveland } from './redcar-cleveland.ts';
import type { PolicyPack } from './types.ts';

export type { ChainRule, Phase, PhaseEnd, PolicyPack, RecordingRule } from './types.ts';

export const POLICY_PACKS: Readonly<Record<string, PolicyPack>> = {
  [redcarCleveland.id]: redcarCleveland,
  [middlesbrough.id]: middlesbrough,
};

export function findPolicyPack(id: string): PolicyPack | undefined {
  return Object.hasOwn(POLICY_PACKS, id) ? POLICY_PACKS[id] : undefined;
}

export function policyPackIds(): string[] {
  return Object.keys(POLICY_PACKS).sort();
}
