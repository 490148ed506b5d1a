import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash, utf8Bytes } from './content-hash.ts';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('the content hash a manager signs off', () => {
  it('writes keys sorted at every depth, with no whitespace, arrays in their order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('leaves out undefined fields as JSON does, and writes undefined in an array as null', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
  });

  it('is the SHA-256 hex of that text in UTF-8, the same as Node computes', async () => {
    const body = { note: 'Saw Amélie alone 👋 in her room', when: '2026-04-09T09:00:00Z' };
    expect(await contentHash(body)).toBe(nodeSha256(canonicalJson(body)));
    expect(await contentHash({})).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
  });

  it('does not depend on the order keys were written in', async () => {
    expect(await contentHash({ a: 1, b: { c: 2, d: 3 } })).toBe(await contentHash({ b: { d: 3, c: 2 }, a: 1 }));
  });

  it('differs when any value differs', async () => {
    expect(await contentHash({ note: 'seen alone' })).not.toBe(await contentHash({ note: 'seen alone.' }));
  });

  it('encodes any JSON text to the same bytes as Node, and parses back to an equal value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(Buffer.from(utf8Bytes(text)).equals(Buffer.from(text, 'utf8'))).toBe(true);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });
});
