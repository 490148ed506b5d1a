/**
 * Device lock hardening (issue 11 item 10): each team's rule for device PINs, set by an admin
 * (`npm run admin -- set-pin-policy`), and the escrowed copy of each device's wrapped data key.
 * The server holds only the wrapped key; the key that unwraps it stays on the device.
 */
export const keyEscrow = {
  id: '007',
  name: 'key-escrow',
  sql: `
    alter table teams add column device_pin_policy text not null default 'pin-6'
      check (device_pin_policy in ('pin-6', 'passphrase'));
    create table key_escrow (
      user_id uuid not null references users (id) on delete cascade,
      device_id uuid not null,
      wrapped_key text not null,
      stored_at timestamptz not null default now(),
      primary key (user_id, device_id)
    );
  `,
} as const;
