/**
 * DescribeKeyPairs through the SDK v3: all, by name, by id, filters, IncludePublicKey, unknown names / ids,
 * unknown filter, DryRun.
 */
import { CreateKeyPairCommand, CreateKeyPairCommandOutput, DescribeKeyPairsCommand, DescribeKeyPairsCommandInput, ImportKeyPairCommand, KeyPairInfo } from '@aws-sdk/client-ec2';
import { DRY_RUN } from '../helpers/api';
import { RSA_MD5, RSA_PUBLIC } from '../helpers/keys';
import { expectEc2Error, startTestServer, TestServer } from '../helpers/server';

let t: TestServer;
let alpha: CreateKeyPairCommandOutput;
let beta: CreateKeyPairCommandOutput;
let gammaId: string;

beforeAll(async () => {
  t = await startTestServer();
  alpha = await t.ec2.send(new CreateKeyPairCommand({ KeyName: 'alpha', TagSpecifications: [{ ResourceType: 'key-pair', Tags: [{ Key: 'env', Value: 'prod' }] }] }));
  beta = await t.ec2.send(new CreateKeyPairCommand({ KeyName: 'beta', KeyType: 'ed25519' }));
  gammaId = (await t.ec2.send(new ImportKeyPairCommand({ KeyName: 'gamma', PublicKeyMaterial: new TextEncoder().encode(RSA_PUBLIC) }))).KeyPairId!;
});
afterAll(() => t.close());

const describeKeys = (input: DescribeKeyPairsCommandInput) => t.ec2.send(new DescribeKeyPairsCommand(input));
const namesOf = (list?: KeyPairInfo[]) => (list ?? []).map((k) => k.KeyName!).sort();

describe('behaviour', () => {
  it('all key pairs with id, type, fingerprint, creation time and tags; no public key unless asked', async () => {
    const out = await describeKeys({});
    expect(namesOf(out.KeyPairs)).toEqual(['alpha', 'beta', 'gamma']);
    const a = out.KeyPairs!.find((k) => k.KeyName === 'alpha')!;
    expect(a).toMatchObject({ KeyPairId: alpha.KeyPairId, KeyType: 'rsa', KeyFingerprint: alpha.KeyFingerprint, Tags: [{ Key: 'env', Value: 'prod' }] });
    expect(a.CreateTime).toBeInstanceOf(Date);
    expect(a.PublicKey).toBeUndefined();
    const withKey = await describeKeys({ KeyNames: ['alpha'], IncludePublicKey: true });
    expect(withKey.KeyPairs![0].PublicKey).toMatch(/^ssh-rsa AAAA[A-Za-z0-9+/=]+$/);
  });

  it('by name and by id', async () => {
    expect(namesOf((await describeKeys({ KeyNames: ['beta', 'gamma'] })).KeyPairs)).toEqual(['beta', 'gamma']);
    expect(namesOf((await describeKeys({ KeyPairIds: [beta.KeyPairId!] })).KeyPairs)).toEqual(['beta']);
  });

  it.each([
    ['key-name', () => ['al*'], ['alpha']],
    ['key-pair-id', () => [gammaId], ['gamma']],
    ['fingerprint', () => [RSA_MD5], ['gamma']],
    ['tag:env', () => ['prod'], ['alpha']],
    ['tag-key', () => ['env'], ['alpha']],
  ])('filter %s', async (Name, values, expected) => {
    expect(namesOf((await describeKeys({ Filters: [{ Name, Values: values() }] })).KeyPairs)).toEqual(expected);
  });
});

describe('errors', () => {
  it('an unknown name and an unknown id', async () => {
    await expectEc2Error(describeKeys({ KeyNames: ['alpha', 'nope'] }), { code: 'InvalidKeyPair.NotFound', message: "The key pair 'nope' does not exist" });
    await expectEc2Error(describeKeys({ KeyPairIds: ['key-0123456789abcdef0'] }), {
      code: 'InvalidKeyPair.NotFound',
      message: "The key pair ID 'key-0123456789abcdef0' does not exist",
    });
  });

  it('a malformed id', async () => {
    await expectEc2Error(describeKeys({ KeyPairIds: ['alpha'] }), { code: 'InvalidKeyPair.Malformed', message: 'Invalid id: "alpha" (expecting "key-...")' });
  });

  it('an unknown filter', async () => {
    await expectEc2Error(describeKeys({ Filters: [{ Name: 'key-type', Values: ['rsa'] }] }), { code: 'InvalidParameterValue', message: "The filter 'key-type' is invalid" });
  });

  it('DryRun: 412', async () => {
    await expectEc2Error(describeKeys({ DryRun: true }), DRY_RUN);
  });
});
