/**
 * The demo direct work session's photo: an invented child's drawing of three houses (96×64 PNG,
 * drawn for the demo, 266 bytes). Kept as text so the server and the test device hold the same
 * bytes, and so its SHA-256 — its name on the server — is the same everywhere.
 */
const DRAWING_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAGAAAABACAMAAADS6oI8AAAAD1BMVEX////IKCgojDwoUL4oKChFz/aRAAAAtklEQVR42u2WQQrEMAwDK6n/f/OeCl1wOqewZdHcQsBKbNnJcZRSSinllQj2DfvB+IL4hvjB8wvObzh/MD+C/Bjyk98JCAptKHSg0AIrGawUsJLArAazBswqaAdDOwTaQbA2rANrgaLhRqGW3i0gKIqh6IGiC2xlsG3AtlpxRVpxRVpBI1rQuYbOrUAFKvCnAvcJNAncJ9Ak8DWBRoHx7ffi4+Xxta9ABSowC+z+VZRHzs00w8gHpjQE1YcqqLEAAAAASUVORK5CYII=';

export const DEMO_DRAWING_ALT = 'Tamsin’s drawing of three houses in red, green and blue, each with a door and a pointed roof';

/** The drawing's bytes (a fresh copy each time). */
export function demoDrawingPng(): Uint8Array {
  return Uint8Array.from(atob(DRAWING_PNG_BASE64), (char) => char.charCodeAt(0));
}
