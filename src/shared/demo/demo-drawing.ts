/**
 * The demo direct work session's photo: an invented child's drawing of three houses (96×64 PNG,
 * drawn for the demo, 266 bytes). Kept as text so the server and the test device hold the same
 * bytes, and so its SHA-256 — its name on the server — is the same everywhere.
 */
// Hex, not base64: src/shared has neither atob nor Buffer (it runs in the browser and on the server).
const DRAWING_PNG_HEX =
  '89504e470d0a1a0a0000000d4948445200000060000000400803000000d2ea823c0000000f504c5445ffffffc8282828' +
  '8c3c2850be28282845cff691000000b64944415478daed96410ac4300c032ba9ff7ff39e0a5d703aa7b065d1dc42c04a' +
  '6cd9c97194524a29e59508f60dfbc1f882f886f8c1f30bce6f387f303f82fc18f293df09080a6d2874a0d0022b19ac14' +
  'b092c0ac06b306cc2a6807433b04da41b036ac036b81a2e146a196de2d20288aa1e881a20b6c65b06dc0b65a71455a71' +
  '455a41235ad0b986cead40052af0a702f7093409dc27d024f035814681f1edf7e2e3e5f1b5af40052a300becfe559447' +
  'cecd34c3c807a63404d5872aa8b10000000049454e44ae426082';

export const DEMO_DRAWING_ALT = 'Tamsin’s drawing of three houses in red, green and blue, each with a door and a pointed roof';

/** The drawing's bytes (a fresh copy each time). */
export function demoDrawingPng(): Uint8Array {
  return Uint8Array.from(DRAWING_PNG_HEX.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}
