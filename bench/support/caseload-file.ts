/**
 * A generated `doorstep.caseload/1` file for benchmarks that load records through the app's
 * own import. Invented ids only (`bench-c…`, `bench-v…`, `bench-i…`), no names; seeded, so runs
 * compare. Every contact is for one child, spread evenly over the children.
 */
import { INVOLVEMENT_TYPES } from '../../src/shared/model/involvement.ts';
import { parseCaseload } from '../../src/shared/model/caseload.ts';

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

export function generateCaseloadFile(options: { children: number; contacts: number; asOf: Date; seed?: number }): string {
  const { children: childCount, contacts: contactCount } = options;
  const asOf = options.asOf.getTime();
  const rnd = random(options.seed ?? 7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const pad = (n: number) => String(n).padStart(5, '0');

  const starts: number[] = [];
  const children = Array.from({ length: childCount }, (_, i) => {
    const type = pick(INVOLVEMENT_TYPES);
    const start = asOf - Math.floor(rnd() * 400) * DAY - Math.floor(rnd() * 12) * 3_600_000;
    starts.push(start);
    const age = type === 'care-leaver' ? 18 + Math.floor(rnd() * 7) : Math.floor(rnd() * 17);
    return {
      id: `bench-c${pad(i)}`,
      dateOfBirth: iso(asOf - age * 365.25 * DAY - Math.floor(rnd() * 365) * DAY).slice(0, 10),
      involvements: [{ id: `bench-i${pad(i)}`, type, start: iso(start), end: null }],
    };
  });

  const modes = ['home-visit', 'home-visit', 'visit-elsewhere', 'video', 'phone'] as const;
  const contacts = Array.from({ length: contactCount }, (_, j) => {
    const c = j % childCount;
    const start = starts[c] ?? asOf;
    const at = start + Math.floor(rnd() * Math.max(1, (asOf - start) / 3_600_000)) * 3_600_000;
    const mode = pick(modes);
    const inPerson = mode === 'home-visit' || mode === 'visit-elsewhere';
    return {
      id: `bench-v${pad(j)}`,
      occurredAt: iso(at),
      mode,
      setting: 'community',
      significantEvent: false,
      criticalWorries: false,
      completedAt: iso(Math.min(asOf, at + Math.floor(rnd() * 4) * DAY)),
      children: [
        {
          childId: `bench-c${pad(c)}`,
          seen: inPerson,
          seenAlone: inPerson ? rnd() < 0.85 : null,
          seenAloneReason: null,
          bedroomSeen: mode === 'home-visit' ? true : null,
          bedroomSeenReason: null,
          managerInformed: false,
        },
      ],
    };
  });

  const caseload = { format: 'doorstep.caseload/1', policy: 'redcar-cleveland', asOf: iso(asOf), children, contacts };
  const parsed = parseCaseload(caseload);
  if (!parsed.ok) throw new Error(`generated caseload is invalid: ${parsed.error.message} at ${parsed.error.path}`);
  return JSON.stringify(caseload);
}
