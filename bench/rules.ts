/**
 * `npm run bench -- rules`: a generated caseload of 10,000 children and 50,000 contacts through
 * the same path as the `compliance` command (JSON text → parse + schema → evaluate → report
 * JSON), once per policy pack. Deterministic (seeded) so runs compare.
 */
import { runCompliance } from '../src/cli/compliance-command.ts';
import { INVOLVEMENT_TYPES } from '../src/shared/model/involvement.ts';
import { policyPackIds } from '../src/shared/rules/packs/index.ts';

const CHILDREN = 10_000;
const CONTACTS = 50_000;
const AS_OF = Date.parse('2026-03-10T09:00:00Z');
const DAY = 86_400_000;

/** mulberry32: small, seeded, good enough to spread test data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString().replace('.000Z', 'Z');

export function generateCaseload(policy: string, seed = 42): unknown {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const children = [];
  const starts: number[] = [];
  for (let i = 0; i < CHILDREN; i++) {
    const type = pick(INVOLVEMENT_TYPES);
    const start = AS_OF - Math.floor(rnd() * 500) * DAY - Math.floor(rnd() * 12) * 3_600_000;
    starts.push(start);
    const age = type === 'care-leaver' ? 18 + Math.floor(rnd() * 7) : Math.floor(rnd() * 17);
    const born = AS_OF - age * 365.25 * DAY - Math.floor(rnd() * 365) * DAY;
    children.push({
      id: `c${i}`,
      dateOfBirth: iso(born).slice(0, 10),
      involvements: [
        {
          id: `i${i}`,
          type,
          start: iso(start),
          end: rnd() < 0.1 ? iso(start + 60 * DAY) : null,
          ...(rnd() < 0.2 ? { firstReviewAt: iso(start + 30 * DAY) } : {}),
          ...(rnd() < 0.1 ? { reductionAgreedAt: iso(start + 400 * DAY) } : {}),
          ...(rnd() < 0.1 ? { stableComplexNeeds: true } : {}),
          ...(rnd() < 0.05 ? { agreedInterval: { every: '5 working days' } } : {}),
        },
      ],
    });
  }
  const modes = ['home-visit', 'home-visit', 'visit-elsewhere', 'video', 'phone', 'message'] as const;
  const contacts = [];
  for (let j = 0; j < CONTACTS; j++) {
    const c = j % CHILDREN;
    const start = starts[c] ?? AS_OF;
    const at = start + Math.floor(rnd() * Math.max(1, (AS_OF - start) / 3_600_000)) * 3_600_000;
    const mode = pick(modes);
    const inPerson = mode === 'home-visit' || mode === 'visit-elsewhere';
    const seenAlone = rnd() < 0.8 ? true : rnd() < 0.5 ? false : null;
    contacts.push({
      id: `v${j}`,
      occurredAt: iso(at),
      mode,
      setting: rnd() < 0.1 ? 'residential' : 'community',
      significantEvent: rnd() < 0.05,
      criticalWorries: rnd() < 0.02,
      completedAt: rnd() < 0.9 ? iso(at + Math.floor(rnd() * 10) * DAY) : null,
      children: [
        {
          childId: `c${c}`,
          seen: inPerson,
          seenAlone: inPerson ? seenAlone : null,
          seenAloneReason: seenAlone === false && rnd() < 0.7 ? "child's young age" : null,
          bedroomSeen: mode === 'home-visit' ? rnd() < 0.9 : null,
          managerInformed: rnd() < 0.5,
        },
      ],
    });
  }
  const practitioners = Array.from({ length: 200 }, (_, k) => ({ id: `p${k}`, startedAt: iso(AS_OF - (100 + k * 7) * DAY) }));
  const observations = practitioners.map((p, k) => ({
    id: `o${k}`,
    observedPractitionerId: p.id,
    observerId: 'm1',
    observedAt: iso(AS_OF - k * 3 * DAY),
    completedAt: iso(AS_OF - k * 3 * DAY + DAY),
    copyToPractitioner: true,
    copyToLineManager: rnd() < 0.8,
    qaLeadNotified: rnd() < 0.8,
  }));
  return { format: 'doorstep.caseload/1', policy, asOf: iso(AS_OF), children, contacts, practitioners, observations };
}

export default function benchRules(): void {
  for (const policy of policyPackIds()) {
    const text = JSON.stringify(generateCaseload(policy));
    const started = performance.now();
    const result = runCompliance(['caseload.json'], () => text);
    const ms = performance.now() - started;
    if (result.code !== 0) throw new Error(`compliance failed: ${result.stderr}`);
    const warnings = (JSON.parse(result.stdout) as { warnings: unknown[] }).warnings.length;
    console.log(
      `rules: ${CHILDREN} children, ${CONTACTS} contacts, ${policy}: ${Math.round(ms)} ms total ` +
        `(${Math.round((CHILDREN / ms) * 1000)} children/s, ${warnings} warnings)`,
    );
  }
}
