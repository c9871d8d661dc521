/**
 * ImportKeyPair through the SDK v3: OpenSSH RSA and ED25519 public keys with the fingerprints ssh-keygen gives
 * (MD5 of the DER public key for RSA, as AWS shows imported keys; SHA-256 for ED25519), malformed keys, duplicates, DryRun.
 */
import { DescribeKeyPairsCommand, ImportKeyPairCommand, ImportKeyPairCommandInput } from '@aws-sdk/client-ec2';
import { DRY_RUN } from '../helpers/api';
import { ED25519_PUBLIC, ED25519_SHA256, RSA_MD5, RSA_PUBLIC } from '../helpers/keys';
import { TestServer, expectEc2Error } from '../helpers/server';
import { useTestServer } from '../helpers/env';

let t: TestServer;

useTestServer({}, (env) => ({ t } = env));

const bytes = (s: string) => new TextEncoder().encode(s);
const importKey = (input: Omit<ImportKeyPairCommandInput, 'PublicKeyMaterial'> & { key: string }) => {
  const { key, ...rest } = input;
  return t.ec2.send(new ImportKeyPairCommand({ ...rest, PublicKeyMaterial: bytes(key) }));
};
const FORMAT = { code: 'InvalidKeyPair.Format', message: 'Key is not in valid OpenSSH public key format' };

describe('validation', () => {
  it.each([
    ['not a key', 'hello world'],
    ['a PEM private key', '-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----'],
    ['a type that does not match the blob', RSA_PUBLIC.replace('ssh-rsa', 'ssh-ed25519')],
    ['a truncated blob', 'ssh-rsa AAAAB3Nza'],
  ])('rejects %s', async (_name, key) => {
    await expectEc2Error(importKey({ KeyName: `bad-${_name}`, key }), FORMAT);
  });
});

describe('errors', () => {
  it('a duplicate name', async () => {
    await importKey({ KeyName: 'imported-dup', key: RSA_PUBLIC });
    await expectEc2Error(importKey({ KeyName: 'imported-dup', key: ED25519_PUBLIC }), { code: 'InvalidKeyPair.Duplicate', message: "The keypair 'imported-dup' already exists." });
  });
});

describe('behaviour', () => {
  it('RSA: MD5 fingerprint of the DER public key, as AWS documents for imported keys', async () => {
    const out = await importKey({ KeyName: 'rsa-imported', key: RSA_PUBLIC });
    expect(out).toMatchObject({ KeyName: 'rsa-imported', KeyFingerprint: RSA_MD5 });
    expect(out.KeyPairId).toMatch(/^key-[0-9a-f]{17}$/);
    const listed = await t.ec2.send(new DescribeKeyPairsCommand({ KeyNames: ['rsa-imported'], IncludePublicKey: true }));
    expect(listed.KeyPairs![0]).toMatchObject({ KeyType: 'rsa', KeyFingerprint: RSA_MD5, KeyPairId: out.KeyPairId });
    expect(listed.KeyPairs![0].PublicKey).toBe(RSA_PUBLIC.split(' ').slice(0, 2).join(' '));
  });

  it('ED25519: SHA-256 fingerprint, as ssh-keygen -E sha256 prints it', async () => {
    const out = await importKey({ KeyName: 'ed-imported', key: ED25519_PUBLIC });
    expect(out.KeyFingerprint).toBe(ED25519_SHA256);
  });

  it('RFC 4716 (SSH2) public keys, as ssh-keygen -e writes them: same type and fingerprint as the OpenSSH form', async () => {
    const body = RSA_PUBLIC.split(' ')[1].match(/.{1,70}/g)!.join('\n');
    const ssh2 = `---- BEGIN SSH2 PUBLIC KEY ----\nComment: "2048-bit RSA, converted by test@ec2lite from \\\nOpenSSH"\n${body}\n---- END SSH2 PUBLIC KEY ----\n`;
    const out = await importKey({ KeyName: 'rsa-ssh2', key: ssh2 });
    expect(out.KeyFingerprint).toBe(RSA_MD5);
    const edBody = ED25519_PUBLIC.split(' ')[1];
    const ed = await importKey({ KeyName: 'ed-ssh2', key: `---- BEGIN SSH2 PUBLIC KEY ----\r\nComment: "ed"\r\n${edBody}\r\n---- END SSH2 PUBLIC KEY ----` });
    expect(ed.KeyFingerprint).toBe(ED25519_SHA256);
    const listed = await t.ec2.send(new DescribeKeyPairsCommand({ KeyNames: ['rsa-ssh2', 'ed-ssh2'], IncludePublicKey: true }));
    expect(listed.KeyPairs!.map((k) => [k.KeyName, k.KeyType])).toEqual([['rsa-ssh2', 'rsa'], ['ed-ssh2', 'ed25519']]);
    expect(listed.KeyPairs![0].PublicKey).toBe(RSA_PUBLIC.split(' ').slice(0, 2).join(' '));
  });

  it('tags from TagSpecifications', async () => {
    const out = await importKey({ KeyName: 'tagged-imported', key: RSA_PUBLIC, TagSpecifications: [{ ResourceType: 'key-pair', Tags: [{ Key: 'k', Value: 'v' }] }] });
    expect(out.Tags).toEqual([{ Key: 'k', Value: 'v' }]);
  });

  it('DryRun: 412 and nothing imported', async () => {
    await expectEc2Error(importKey({ KeyName: 'dry-imported', key: RSA_PUBLIC, DryRun: true }), DRY_RUN);
    const all = await t.ec2.send(new DescribeKeyPairsCommand({}));
    expect(all.KeyPairs!.map((k) => k.KeyName)).not.toContain('dry-imported');
    await expectEc2Error(importKey({ KeyName: 'dry-bad', key: 'nope', DryRun: true }), FORMAT);
  });
});
