import type { Queryable } from '../storage/storage.ts';
import { sha256Hex } from '../accounts/sessions-store.ts';
import { FRESH_SIGN_IN_MINUTES } from '../../shared/sync/index.ts';

/** Keep (or replace) a user's escrowed wrapped key for one device. */
export async function storeEscrow(db: Queryable, userId: string, deviceId: string, wrappedKey: string): Promise<void> {
  await db.query(
    `insert into key_escrow (user_id, device_id, wrapped_key) values ($1, $2, $3)
     on conflict (user_id, device_id) do update set wrapped_key = excluded.wrapped_key, stored_at = now()`,
    [userId, deviceId, wrappedKey],
  );
}

/** The wrapped key this user escrowed for this device; undefined for anyone else's device. */
export async function readEscrow(db: Queryable, userId: string, deviceId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ wrapped_key: string }>(
    'select wrapped_key from key_escrow where user_id = $1 and device_id = $2',
    [userId, deviceId],
  );
  return rows[0]?.wrapped_key;
}

/**
 * Whether this session began with a password sign-in in the last FRESH_SIGN_IN_MINUTES. A thief
 * holding a locked tablet may also hold its 14-day session cookie; only someone who just typed
 * the password gets the escrow back.
 */
export async function sessionIsFresh(db: Queryable, token: string): Promise<boolean> {
  const { rows } = await db.query<{ fresh: boolean }>(
    `select created_at > now() - make_interval(mins => $2) as fresh from sessions where token_sha256 = $1`,
    [sha256Hex(token), FRESH_SIGN_IN_MINUTES],
  );
  return rows[0]?.fresh === true;
}
