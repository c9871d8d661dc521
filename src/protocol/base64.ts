/**
 * Base64 text checked by one linear scan (a regex such as /^[A-Za-z0-9+/\s]*={0,2}\s*$/ backtracks
 * quadratically on a long run of spaces followed by a bad character).
 */

import { isSpaceCode } from './chars';

const isAlphabet = (c: number) =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 /* + */ || c === 47; /* / */
const isLineBreak = (c: number) => c === 13 || c === 10;

/**
 * The number of base64 characters (padding included, whitespace not) when `text` is alphabet characters and
 * whitespace, then at most two `=`, then only whitespace; -1 otherwise. `innerSpace` says which whitespace may
 * appear between the characters (any by default; UserData allows line breaks only).
 */
export function base64Length(text: string, innerSpace: (c: number) => boolean = isSpaceCode): number {
  let count = 0;
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isAlphabet(c)) count++;
    else if (!innerSpace(c)) break;
  }
  let pad = 0;
  for (; i < text.length && text[i] === '=' && pad < 2; i++) pad++;
  for (; i < text.length; i++) if (!isSpaceCode(text.charCodeAt(i))) return -1;
  return count + pad;
}

export const isBase64Text = (text: string) => base64Length(text) >= 0;

/** UserData: line breaks only between characters, and whole 4-character groups. */
export function isBase64Block(text: string): boolean {
  const n = base64Length(text, isLineBreak);
  return n >= 0 && n % 4 === 0;
}
