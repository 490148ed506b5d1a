import { useLiveQuery } from 'dexie-react-hooks';
import { getPolicy } from './policy-setting';

/**
 * The device's policy pack id (Settings; Redcar & Cleveland until one is chosen). Undefined
 * while it is read, so the form never shows one authority's warnings and then another's.
 */
export function usePolicy(): string | undefined {
  return useLiveQuery(getPolicy, []);
}
