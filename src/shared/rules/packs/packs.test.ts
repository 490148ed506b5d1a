import { describe, expect, it } from 'vitest';
import { INVOLVEMENT_TYPES } from '../../model/involvement.ts';
import { tryParseDuration } from '../durations.ts';
import { findPolicyPack, POLICY_PACKS, policyPackIds } from './index.ts';

describe('policy packs', () => {
  it('the registry holds both local authorities', () => {
    expect(policyPackIds()).toEqual(['middlesbrough', 'redcar-cleveland']);
    expect(findPolicyPack('redcar-cleveland')?.name).toBe('Redcar & Cleveland');
    expect(findPolicyPack('toString')).toBeUndefined();
  });

  for (const pack of Object.values(POLICY_PACKS)) {
    describe(pack.name, () => {
      it('every duration in the pack is one the engine can read', () => {
        const durations: string[] = [pack.observations.every, ...pack.recording.map((r) => r.within)];
        for (const rules of Object.values(pack.visiting)) {
          for (const rule of rules ?? []) {
            durations.push(rule.first, ...(rule.secondFromStart ? [rule.secondFromStart] : []));
            for (const p of [...(rule.phases ?? []), ...(rule.whenStableComplexNeeds?.phases ?? [])]) {
              if (p.every) durations.push(p.every);
              if (p.until && 'plus' in p.until && p.until.plus) durations.push(p.until.plus);
            }
          }
        }
        expect(durations.filter((d) => tryParseDuration(d) === null)).toEqual([]);
      });

      it('only uses involvement types the exchange format knows, and names a source for every rule', () => {
        for (const [type, rules] of Object.entries(pack.visiting)) {
          expect(INVOLVEMENT_TYPES).toContain(type);
          for (const rule of rules ?? []) expect(rule.source).toMatch(new RegExp(`^${pack.name.replace('&', '\\&')}`));
        }
      });

      it('ends every repeating chain with a phase that never ends', () => {
        for (const rules of Object.values(pack.visiting)) {
          for (const rule of rules ?? []) {
            for (const phases of [rule.phases, rule.whenStableComplexNeeds?.phases]) {
              if (phases) expect(phases.at(-1)?.until).toBeUndefined();
            }
          }
        }
      });

      it('ends its recording rules with a rule that always applies', () => {
        expect(pack.recording.at(-1)?.when).toBe('always');
      });
    });
  }
});
