/** Elastic IP attributes: the reverse DNS (PTR) record through DescribeAddressesAttribute / Modify / Reset. */
import {
  AllocateAddressCommand,
  DescribeAddressesAttributeCommand,
  ModifyAddressAttributeCommand,
  ReleaseAddressCommand,
  ResetAddressAttributeCommand,
} from '@aws-sdk/client-ec2';
import { expectEc2Error, rawQuery, TestServer } from '../helpers/server';
import { useTestServer } from '../helpers/env';

let t: TestServer;
useTestServer({}, (env) => ({ t } = env));

const allocate = async () => (await t.ec2.send(new AllocateAddressCommand({ Domain: 'vpc' })))!;
const attrs = async (AllocationIds?: string[]) =>
  (await t.ec2.send(new DescribeAddressesAttributeCommand({ AllocationIds, Attribute: 'domain-name' }))).Addresses!;

it('an address without a PTR record is not listed (what the provider reads as "no ptr_record")', async () => {
  const { AllocationId } = await allocate();
  expect(await attrs([AllocationId!])).toEqual([]);
});

it('ModifyAddressAttribute answers PENDING; the back end applies it; Reset removes it the same way', async () => {
  t.runtime.backend.pause();
  try {
    const { AllocationId, PublicIp } = await allocate();
    const { Address } = await t.ec2.send(new ModifyAddressAttributeCommand({ AllocationId, DomainName: 'Mail.Example.com' }));
    expect(Address).toEqual({ AllocationId, PublicIp, PtrRecordUpdate: { Value: 'mail.example.com.', Status: 'PENDING' } });
    expect(await attrs([AllocationId!])).toEqual([Address]);
    t.advance();
    expect(await attrs([AllocationId!])).toEqual([{ AllocationId, PublicIp, PtrRecord: 'mail.example.com.' }]);

    const reset = await t.ec2.send(new ResetAddressAttributeCommand({ AllocationId, Attribute: 'domain-name' }));
    expect(reset.Address).toEqual({ AllocationId, PublicIp, PtrRecord: 'mail.example.com.', PtrRecordUpdate: { Status: 'PENDING' } });
    t.advance();
    expect(await attrs([AllocationId!])).toEqual([]);
  } finally {
    t.runtime.backend.resume();
  }
});

it('with the default delay of 0 the next call already sees the record; without ids every record is listed and paged', async () => {
  const a = await allocate();
  const b = await allocate();
  await t.ec2.send(new ModifyAddressAttributeCommand({ AllocationId: a.AllocationId, DomainName: 'a.example.com.' }));
  await t.ec2.send(new ModifyAddressAttributeCommand({ AllocationId: b.AllocationId, DomainName: 'b.example.com' }));
  const listed = await attrs();
  expect(listed.map((x) => x.PtrRecord)).toEqual(expect.arrayContaining(['a.example.com.', 'b.example.com.']));
  const first = await t.ec2.send(new DescribeAddressesAttributeCommand({ Attribute: 'domain-name', MaxResults: 1 }));
  expect(first.Addresses).toHaveLength(1);
  const rest = await t.ec2.send(new DescribeAddressesAttributeCommand({ Attribute: 'domain-name', MaxResults: 1000, NextToken: first.NextToken }));
  expect([...first.Addresses!, ...rest.Addresses!]).toEqual(listed);
});

it("AWS's errors: unknown and malformed allocation ids, a bad domain name, a missing one, DryRun", async () => {
  await expectEc2Error(t.ec2.send(new DescribeAddressesAttributeCommand({ AllocationIds: ['eipalloc-12345678'], Attribute: 'domain-name' })), {
    code: 'InvalidAllocationID.NotFound',
    message: "The allocation ID 'eipalloc-12345678' does not exist",
  });
  await expectEc2Error(t.ec2.send(new ModifyAddressAttributeCommand({ AllocationId: 'eipalloc-12345678', DomainName: 'x.example.com' })), {
    code: 'InvalidAllocationID.NotFound',
  });
  await expectEc2Error(t.ec2.send(new ResetAddressAttributeCommand({ AllocationId: 'alloc-1', Attribute: 'domain-name' })), {
    code: 'InvalidAllocationID.Malformed',
    message: 'Invalid id: "alloc-1" (expecting "eipalloc-...")',
  });
  const { AllocationId } = await allocate();
  await expectEc2Error(t.ec2.send(new ModifyAddressAttributeCommand({ AllocationId, DomainName: 'bad_name..example' })), {
    code: 'InvalidParameterValue',
    message: 'Value (bad_name..example) for parameter domainName is invalid.',
  });
  await expectEc2Error(t.ec2.send(new ModifyAddressAttributeCommand({ AllocationId })), {
    code: 'MissingParameter',
    message: 'The request must contain the parameter domainName',
  });
  await expectEc2Error(t.ec2.send(new ModifyAddressAttributeCommand({ AllocationId, DomainName: 'x.example.com', DryRun: true })), {
    code: 'DryRunOperation',
    status: 412,
  });
  expect(await attrs([AllocationId!])).toEqual([]);
  const r = await rawQuery(t.url, { Action: 'ResetAddressAttribute', Version: '2016-11-15', AllocationId: AllocationId!, Attribute: 'description' });
  expect([r.status, r.code]).toEqual([400, 'InvalidParameterValue']);
});

it('a released address takes its pending change with it', async () => {
  t.runtime.backend.pause();
  try {
    const { AllocationId } = await allocate();
    await t.ec2.send(new ModifyAddressAttributeCommand({ AllocationId, DomainName: 'gone.example.com' }));
    await t.ec2.send(new ReleaseAddressCommand({ AllocationId }));
    expect(t.advance()).toBe(1);
    expect(await attrs()).not.toContainEqual(expect.objectContaining({ AllocationId }));
  } finally {
    t.runtime.backend.resume();
  }
});
