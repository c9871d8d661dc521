/**
 * CreateKeyPair through the SDK v3: RSA (PEM material, SHA-1 fingerprint of the PKCS#8 private key, as AWS
 * computes it for keys it creates) and ED25519, duplicates, tags, DryRun.
 */
import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateKeyPairCommand, CreateKeyPairCommandInput, DescribeKeyPairsCommand } from '@aws-sdk/client-ec2';
import { DRY_RUN } from '../helpers/api';
import { TestServer, expectEc2Error } from '../helpers/server';
import { useTestServer } from '../helpers/env';

let t: TestServer;

useTestServer({}, (env) => ({ t } = env));

const create = (input: CreateKeyPairCommandInput) => t.ec2.send(new CreateKeyPairCommand(input));

describe('validation', () => {
  it('a key type outside the enum', async () => {
    await expectEc2Error(create({ KeyName: 'bad-type', KeyType: 'dsa' as never }), { code: 'InvalidParameterValue', message: /dsa/ });
  });
});

describe('errors', () => {
  it('a duplicate name', async () => {
    await create({ KeyName: 'dup' });
    await expectEc2Error(create({ KeyName: 'dup' }), { code: 'InvalidKeyPair.Duplicate', message: "The keypair 'dup' already exists." });
    await expectEc2Error(create({ KeyName: 'dup', KeyType: 'ed25519' }), { code: 'InvalidKeyPair.Duplicate', message: "The keypair 'dup' already exists." });
  });
});

describe('behaviour', () => {
  it('RSA: a usable PEM private key and AWS\'s fingerprint (SHA-1 of the PKCS#8 DER)', async () => {
    const out = await create({ KeyName: 'rsa-key' });
    expect(out.KeyName).toBe('rsa-key');
    expect(out.KeyPairId).toMatch(/^key-[0-9a-f]{17}$/);
    expect(out.KeyMaterial).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n[\s\S]+\n-----END RSA PRIVATE KEY-----$/);
    const priv = createPrivateKey(out.KeyMaterial!);
    expect(priv.asymmetricKeyType).toBe('rsa');
    const der = priv.export({ format: 'der', type: 'pkcs8' });
    const expected = createHash('sha1').update(der).digest('hex').match(/../g)!.join(':');
    expect(out.KeyFingerprint).toBe(expected);
    expect(createPublicKey(priv).asymmetricKeyDetails!.modulusLength).toBe(2048);
  });

  it('ED25519: OpenSSH private key (as AWS hands it out) and its SHA-256 fingerprint, checked with ssh-keygen', async () => {
    const out = await create({ KeyName: 'ed-key', KeyType: 'ed25519' });
    expect(out.KeyMaterial).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+\n-----END OPENSSH PRIVATE KEY-----\n?$/);
    expect(out.KeyFingerprint).toMatch(/^[A-Za-z0-9+/]{43}$/);
    const dir = mkdtempSync(join(tmpdir(), 'ec2lite-key-'));
    const file = join(dir, 'ed-key');
    writeFileSync(file, out.KeyMaterial!, { mode: 0o600 });
    try {
      // ssh-keygen reads the key (an oracle independent of ec2lite) and prints the same fingerprint
      expect(execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', file]).toString()).toContain(`SHA256:${out.KeyFingerprint}`);
      const pub = execFileSync('ssh-keygen', ['-y', '-f', file]).toString().trim();
      const listed = await t.ec2.send(new DescribeKeyPairsCommand({ KeyNames: ['ed-key'], IncludePublicKey: true }));
      expect(listed.KeyPairs![0]).toMatchObject({ KeyName: 'ed-key', KeyType: 'ed25519', KeyFingerprint: out.KeyFingerprint, KeyPairId: out.KeyPairId });
      expect(listed.KeyPairs![0].PublicKey).toBe(pub.split(' ').slice(0, 2).join(' '));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('tags from TagSpecifications', async () => {
    const out = await create({ KeyName: 'tagged', TagSpecifications: [{ ResourceType: 'key-pair', Tags: [{ Key: 'team', Value: 'net' }] }] });
    expect(out.Tags).toEqual([{ Key: 'team', Value: 'net' }]);
    const byTag = await t.ec2.send(new DescribeKeyPairsCommand({ Filters: [{ Name: 'tag:team', Values: ['net'] }] }));
    expect(byTag.KeyPairs!.map((k) => k.KeyName)).toEqual(['tagged']);
    await expectEc2Error(create({ KeyName: 'tagged-wrong', TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'a', Value: 'b' }] }] }), {
      code: 'InvalidParameterValue',
      message: "'instance' is not a valid taggable resource type for this operation.",
    });
  });

  it('DryRun: 412 and no key is created', async () => {
    await expectEc2Error(create({ KeyName: 'dry', DryRun: true }), DRY_RUN);
    const all = await t.ec2.send(new DescribeKeyPairsCommand({}));
    expect(all.KeyPairs!.map((k) => k.KeyName)).not.toContain('dry');
    await create({ KeyName: 'dry' });
  });
});
