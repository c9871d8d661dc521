/** Key material: generated key pairs and fingerprints as AWS computes them. */
import { createHash, generateKeyPairSync, createPrivateKey } from 'node:crypto';

const colonHex = (buf: Buffer) => buf.toString('hex').match(/../g)!.join(':');

interface GeneratedKey {
  material: string;
  fingerprint: string;
  publicKey: string;
}

/**
 * RSA: PEM private key; AWS's fingerprint of a key it created is the SHA-1 of the PKCS#8 DER private key.
 * ED25519: the SHA-256 (base64, no padding) of the public key blob.
 */
export function generateKey(type: 'rsa' | 'ed25519'): GeneratedKey {
  if (type === 'ed25519') {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
    const blob = sshBlob('ssh-ed25519', [raw]);
    return {
      material: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
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

/** An imported OpenSSH public key ("ssh-rsa AAAA… comment"): type and fingerprint, or undefined if malformed. */
export function inspectPublicKey(text: string): { type: 'rsa' | 'ed25519'; fingerprint: string; publicKey: string } | undefined {
  const m = /^(ssh-rsa|ssh-ed25519|ecdsa-sha2-nistp(?:256|384|521))\s+([A-Za-z0-9+/]+={0,2})(\s.*)?$/.exec(text.trim());
  if (!m) return undefined;
  const blob = Buffer.from(m[2], 'base64');
  if (blob.length < 8 || blob.readUInt32BE(0) !== m[1].length || blob.subarray(4, 4 + m[1].length).toString() !== m[1]) return undefined;
  const type = m[1] === 'ssh-rsa' ? 'rsa' : 'ed25519';
  // AWS: imported RSA keys show the MD5 of the public key; ED25519 keys the SHA-256 (base64).
  const fingerprint = type === 'rsa' ? colonHex(createHash('md5').update(blob).digest()) : createHash('sha256').update(blob).digest('base64').replace(/=+$/, '');
  return { type, fingerprint, publicKey: `${m[1]} ${m[2]}` };
}
