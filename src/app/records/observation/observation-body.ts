/** The observation form's field ids (the stored body is src/shared/model/observation-body.ts). */
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The id of the field an issue path is about, for the error summary's links. */
export function observationFieldId(path: string): string {
  const action = /^actions\.(\d+)\.(who|what|byWhen)$/.exec(path);
  if (action) return action[2] === 'byWhen' ? `action-${Number(action[1]) + 1}-by-when-day` : `action-${Number(action[1]) + 1}-${action[2]}`;
  if (path === 'observedOn') return 'observed-on-day';
  return kebab(path);
}
