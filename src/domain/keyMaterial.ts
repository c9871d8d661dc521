/** Key material: generated key pairs and fingerprints as AWS computes them. */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';

const colonHex = (buf: Buffer) => buf.toString('hex').match(/../g)!.join(':');

interface GeneratedKey {
  material: string;
  fingerprint: string;
  publicKey: string;
}

/**
 * RSA: PEM (PKCS#1) private key; AWS's fingerprint of a key it created is the SHA-1 of the PKCS#8 DER private key.
 * ED25519: the private key in OpenSSH format, as AWS hands it out; the fingerprint is the SHA-256 (base64, no
 * padding) of the public key blob, what `ssh-keygen -l` prints after `SHA256:`.
 */
export function generateKey(type: 'rsa' | 'ed25519'): GeneratedKey {
  if (type === 'ed25519') {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
    const seed = Buffer.from((privateKey.export({ format: 'jwk' }) as { d: string }).d, 'base64url');
    const blob = sshBlob('ssh-ed25519', [raw]);
    return {
      material: openSshPrivateKey(blob, raw, seed),
      fingerprint: createHash('sha256').update(blob).digest('base64').replace(/=+$/, ''),
      publicKey: `ssh-ed25519 ${blob.toString('base64')}`,
    };
  }
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pkcs8 = createPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs1' })).export({ format: 'der', type: 'pkcs8' });
  const jwk = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  const blob = sshBlob('ssh-rsa', [mpint(Buffer.from(jwk.e, 'base64url')), mpint(Buffer.from(jwk.n, 'base64url'))]);
  return {
    material: privateKey.export({ format: 'pem', type: 'pkcs1' }).toString().trim(),
    fingerprint: colonHex(createHash('sha1').update(pkcs8).digest()),
    publicKey: `ssh-rsa ${blob.toString('base64')}`,
  };
}

function mpint(b: Buffer): Buffer {
  return b[0] & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b;
}

function sshBlob(type: string, parts: Buffer[]): Buffer {
  const chunks = [type, ...parts].map((p) => {
    const body = typeof p === 'string' ? Buffer.from(p) : p;
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    return Buffer.concat([len, body]);
  });
  return Buffer.concat(chunks);
}

/** The `openssh-key-v1` container (unencrypted) of an ed25519 key, wrapped at 70 columns as ssh-keygen does. */
function openSshPrivateKey(publicBlob: Buffer, pub: Buffer, seed: Buffer): string {
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };
  const str = (b: Buffer | string) => {
    const body = typeof b === 'string' ? Buffer.from(b) : b;
    return Buffer.concat([u32(body.length), body]);
  };
  const check = randomBytes(4);
  let priv = Buffer.concat([check, check, str('ssh-ed25519'), str(pub), str(Buffer.concat([seed, pub])), str('')]);
  const pad = (8 - (priv.length % 8)) % 8;
  priv = Buffer.concat([priv, Buffer.from(Array.from({ length: pad }, (_, i) => i + 1))]);
  const body = Buffer.concat([Buffer.from('openssh-key-v1\0'), str('none'), str('none'), str(''), u32(1), str(publicBlob), str(priv)]);
  const lines = body.toString('base64').match(/.{1,70}/g)!;
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines.join('\n')}\n-----END OPENSSH PRIVATE KEY-----\n`;
}

/**
 * RFC 4716 ("---- BEGIN SSH2 PUBLIC KEY ----", header lines, base64 body) to the OpenSSH one-line form;
 * anything else is returned as it came.
 */
function fromRfc4716(text: string): string {
  const m = /^---- BEGIN SSH2 PUBLIC KEY ----\r?\n([\s\S]*?)\r?\n---- END SSH2 PUBLIC KEY ----\s*$/.exec(text.trim());
  if (!m) return text;
  const lines = m[1].split(/\r?\n/);
  const body: string[] = [];
  let continued = false;
  for (const line of lines) {
    // a header is "Tag: value"; one ending in a backslash continues on the next line
    if (continued || /^[^:\s]{1,64}:/.test(line)) {
      continued = line.endsWith('\\');
      continue;
    }
    body.push(line.trim());
  }
  const b64 = body.join('');
  const blob = Buffer.from(b64, 'base64');
  if (blob.length < 4) return text;
  const type = blob.subarray(4, 4 + blob.readUInt32BE(0)).toString();
  return `${type} ${b64}`;
}

/** The parts of an ssh-rsa blob, as a Node public key object. */
function rsaKeyOfBlob(blob: Buffer) {
  const parts: Buffer[] = [];
  let at = 0;
  while (at + 4 <= blob.length) {
    const n = blob.readUInt32BE(at);
    parts.push(blob.subarray(at + 4, at + 4 + n));
    at += 4 + n;
  }
  const [, e, n] = parts;
  const strip = (b: Buffer) => (b[0] === 0 ? b.subarray(1) : b);
  return createPublicKey({ key: { kty: 'RSA', e: strip(e).toString('base64url'), n: strip(n).toString('base64url') }, format: 'jwk' });
}

/** An "ssh-rsa AAAA…" public key as SPKI PEM (to encrypt a Windows password with it); undefined for other types. */
export function rsaPublicKeyPem(openssh: string): string | undefined {
  const [type, b64] = openssh.split(/\s+/);
  if (type !== 'ssh-rsa' || !b64) return undefined;
  try {
    return rsaKeyOfBlob(Buffer.from(b64, 'base64')).export({ format: 'pem', type: 'spki' }).toString();
  } catch {
    return undefined;
  }
}

/**
 * An imported public key, OpenSSH one-line ("ssh-rsa AAAA… comment") or RFC 4716 (SSH2): type and fingerprint,
 * or undefined if malformed.
 */
export function inspectPublicKey(input: string): { type: 'rsa' | 'ed25519'; fingerprint: string; publicKey: string } | undefined {
  const text = fromRfc4716(input);
  const m = /^(ssh-rsa|ssh-ed25519|ecdsa-sha2-nistp(?:256|384|521))\s+([A-Za-z0-9+/]+={0,2})(\s.*)?$/.exec(text.trim());
  if (!m) return undefined;
  const blob = Buffer.from(m[2], 'base64');
  if (blob.length < 8 || blob.readUInt32BE(0) !== m[1].length || blob.subarray(4, 4 + m[1].length).toString() !== m[1]) return undefined;
  const type = m[1] === 'ssh-rsa' ? 'rsa' : 'ed25519';
  let fingerprint: string;
  if (type === 'rsa') {
    // AWS (and moto): the MD5 of the DER SubjectPublicKeyInfo, what `openssl pkey -pubout -outform DER | openssl md5 -c` prints
    let spki: Buffer;
    try {
      spki = rsaKeyOfBlob(blob).export({ format: 'der', type: 'spki' });
    } catch {
      return undefined;
    }
    fingerprint = colonHex(createHash('md5').update(spki).digest());
  } else {
    fingerprint = createHash('sha256').update(blob).digest('base64').replace(/=+$/, '');
  }
  return { type, fingerprint, publicKey: `${m[1]} ${m[2]}` };
}
