/**
 * The linear scanners that replaced regexes on client input (issue 13) accept exactly what the regexes accepted:
 * checked against the old patterns on every short string over a small alphabet (where backtracking is harmless).
 */
import { globMatcher } from '../../src/filters/glob';
import { base64Length, isBase64Block, isBase64Text } from '../../src/protocol/base64';
import { isSpaceCode } from '../../src/protocol/chars';
import { parseForm } from '../../src/server/form';
import { parseCredential } from '../../src/core/scope';

/** Every string of length 0..max over the alphabet. */
function* strings(alphabet: string[], max: number): Generator<string> {
  yield '';
  let level = [''];
  for (let n = 1; n <= max; n++) {
    const next: string[] = [];
    for (const s of level) for (const c of alphabet) next.push(s + c);
    yield* next;
    level = next;
  }
}

it('base64: same verdict as /^[A-Za-z0-9+/\\s]*={0,2}\\s*$/ and the UserData rule', () => {
  const OLD = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;
  const OLD_USER_DATA = (s: string) => /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/.test(s) && s.replace(/\s+/g, '').length % 4 === 0;
  const wrong: string[] = [];
  let n = 0;
  for (const s of strings(['A', '+', '=', ' ', '\n', '!', '\u00a0'], 6)) {
    if (isBase64Text(s) !== OLD.test(s) || isBase64Block(s) !== OLD_USER_DATA(s)) wrong.push(s);
    n++;
  }
  expect(wrong).toEqual([]);
  expect(n).toBeGreaterThan(100_000);
  expect(base64Length('QUJD\nRA==  ')).toBe(8);
});

it('isSpaceCode is exactly /\\s/', () => {
  const wrong: number[] = [];
  for (let c = 0; c <= 0xffff; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c);
  expect(wrong).toEqual([]);
});

it('glob: same matches as the wildcard regex', () => {
  const oldMatcher = (pattern: string) => {
    let re = '^';
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i];
      if (c === '\\' && i + 1 < pattern.length) re += pattern[++i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      else if (c === '*') re += '[\\s\\S]*';
      else if (c === '?') re += '[\\s\\S]';
      else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
    return new RegExp(re + '$');
  };
  const values = [...strings(['a', 'b', '*'], 4)];
  const wrong: string[] = [];
  for (const p of strings(['a', '*', '?', '\\'], 5)) {
    const want = oldMatcher(p);
    const got = globMatcher(p);
    for (const v of values) if (got(v) !== want.test(v)) wrong.push(`${p} ~ ${v}`);
  }
  expect(wrong).toEqual([]);
});

it('form bodies parse as the WHATWG algorithm says (URLSearchParams, where Node follows it)', () => {
  // The spec, written out: split on &, skip empty pieces, split on the first =, + is a space, %XX a byte, UTF-8.
  const hex = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
  const decode = (t: string) => {
    const bytes = Buffer.from(t, 'utf8');
    const out: number[] = [];
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0x25 && i + 2 < bytes.length && hex(bytes[i + 1]) && hex(bytes[i + 2])) {
        out.push(parseInt(String.fromCharCode(bytes[i + 1], bytes[i + 2]), 16));
        i += 2;
      } else out.push(bytes[i] === 0x2b ? 0x20 : bytes[i]);
    }
    return new TextDecoder().decode(Uint8Array.from(out));
  };
  const whatwg = (s: string) =>
    s
      .split('&')
      .filter((p) => p !== '')
      .map((p) => (p.includes('=') ? [decode(p.slice(0, p.indexOf('='))), decode(p.slice(p.indexOf('=') + 1))] : [decode(p), '']));
  const wrong: string[] = [];
  for (const s of strings(['a', '=', '&', '+', '%', '2', 'B', 'é'], 5)) {
    const got: string[][] = [];
    parseForm(s, (k, v) => got.push([k, v]));
    if (JSON.stringify(got) !== JSON.stringify(whatwg(s))) wrong.push(s);
    // Node's URLSearchParams agrees on ASCII; with non-ASCII next to a bad escape it replaces valid characters too
    if (!s.includes('é') && JSON.stringify(got) !== JSON.stringify([...new URLSearchParams(s)])) wrong.push(`node: ${s}`);
  }
  expect(wrong).toEqual([]);
  const got: string[][] = [];
  parseForm('k=%FF%E2%82&x=%e2%82%ac&y=%aa%C3%A9', (k, v) => got.push([k, v]));
  expect(got).toEqual([
    ['k', '\uFFFD\uFFFD'],
    ['x', '€'],
    ['y', '\uFFFDé'],
  ]);
});

it('credential scope: from the header, a bare X-Amz-Credential, or nothing', () => {
  expect(parseCredential('AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-west-1/ec2/aws4_request, SignedHeaders=host')).toEqual({ accessKeyId: 'AKID', region: 'eu-west-1', service: 'ec2' });
  expect(parseCredential('123456789012/20260101/ap-south-1/ec2/aws4_request')).toEqual({ accessKeyId: '123456789012', region: 'ap-south-1', service: 'ec2' });
  for (const bad of ['Credential=AKID/2026010/eu-west-1/ec2/aws4_request', 'Credential=AKID/20260101/eu-west-1/ec2/aws3_request', 'Credential=AKID//eu-west-1/ec2/aws4_request', 'Credential=' + 'Credential='.repeat(1000), undefined, '']) {
    expect(parseCredential(bad)).toBeUndefined();
  }
});
