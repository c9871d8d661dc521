import {
  AssignIpv6AddressesCommand,
  AssignPrivateIpAddressesCommand,
  CreateNetworkInterfaceCommand,
  CreateSubnetCidrReservationCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DeleteSubnetCidrReservationCommand,
  DeleteSubnetCommand,
  GetSubnetCidrReservationsCommand,
} from '@aws-sdk/client-ec2';
import { expectEc2Error, TestServer } from '../helpers/server';
import { useTestServer } from '../helpers/env';
import { formatCidr6, parseCidr6 } from '../../src/domain/cidr6';

/** The k-th block of length `len` inside the /64 `v6` ("…::"), in canonical text. */
const block = (v6: string, len: number, k: number) => {
  const base = parseCidr6(`${v6}/64`)!.base;
  return formatCidr6({ base: base + (BigInt(k) << BigInt(128 - len)), prefix: len });
};

let t: TestServer;
useTestServer({}, (env) => ({ t } = env));

let n = 0;
async function network(): Promise<{ subnetId: string; base: string; v6: string }> {
  n++;
  const vpc = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: `10.${n}.0.0/16`, AmazonProvidedIpv6CidrBlock: true }))).Vpc!;
  const block64 = vpc.Ipv6CidrBlockAssociationSet![0].Ipv6CidrBlock!.replace('/56', '/64');
  const subnet = (
    await t.ec2.send(new CreateSubnetCommand({ VpcId: vpc.VpcId!, CidrBlock: `10.${n}.1.0/24`, Ipv6CidrBlock: block64, AvailabilityZone: 'us-east-1a' }))
  ).Subnet!;
  return { subnetId: subnet.SubnetId!, base: `10.${n}.1.`, v6: block64.replace('/64', '') };
}

describe('subnet CIDR reservations', () => {
  it('are created, listed by family, filtered, tagged and deleted', async () => {
    const net = await network();
    const v4 = (
      await t.ec2.send(
        new CreateSubnetCidrReservationCommand({
          SubnetId: net.subnetId,
          Cidr: `${net.base}64/26`,
          ReservationType: 'prefix',
          Description: 'pods',
          TagSpecifications: [{ ResourceType: 'subnet-cidr-reservation', Tags: [{ Key: 'team', Value: 'k8s' }] }],
        }),
      )
    ).SubnetCidrReservation!;
    expect(v4).toEqual({
      SubnetCidrReservationId: expect.stringMatching(/^scr-[0-9a-f]{17}$/),
      SubnetId: net.subnetId,
      Cidr: `${net.base}64/26`,
      ReservationType: 'prefix',
      OwnerId: '123456789012',
      Description: 'pods',
      Tags: [{ Key: 'team', Value: 'k8s' }],
    });
    const v6 = (
      await t.ec2.send(new CreateSubnetCidrReservationCommand({ SubnetId: net.subnetId, Cidr: block(net.v6, 65, 1), ReservationType: 'explicit' }))
    ).SubnetCidrReservation!;
    const all = await t.ec2.send(new GetSubnetCidrReservationsCommand({ SubnetId: net.subnetId }));
    expect(all.SubnetIpv4CidrReservations!.map((r) => r.SubnetCidrReservationId)).toEqual([v4.SubnetCidrReservationId]);
    expect(all.SubnetIpv6CidrReservations!.map((r) => r.SubnetCidrReservationId)).toEqual([v6.SubnetCidrReservationId]);
    const explicitOnly = await t.ec2.send(
      new GetSubnetCidrReservationsCommand({ SubnetId: net.subnetId, Filters: [{ Name: 'reservationType', Values: ['explicit'] }] }),
    );
    expect(explicitOnly.SubnetIpv4CidrReservations).toEqual([]);
    expect(explicitOnly.SubnetIpv6CidrReservations!.map((r) => r.Cidr)).toEqual([block(net.v6, 65, 1)]);
    const byTag = await t.ec2.send(new GetSubnetCidrReservationsCommand({ SubnetId: net.subnetId, Filters: [{ Name: 'tag:team', Values: ['k8s'] }] }));
    expect(byTag.SubnetIpv4CidrReservations!.map((r) => r.SubnetCidrReservationId)).toEqual([v4.SubnetCidrReservationId]);
    const paged = await t.ec2.send(new GetSubnetCidrReservationsCommand({ SubnetId: net.subnetId, MaxResults: 5 }));
    expect(paged.NextToken).toBeUndefined();

    const deleted = await t.ec2.send(new DeleteSubnetCidrReservationCommand({ SubnetCidrReservationId: v4.SubnetCidrReservationId! }));
    expect(deleted.DeletedSubnetCidrReservation).toEqual(v4);
    await expectEc2Error(t.ec2.send(new DeleteSubnetCidrReservationCommand({ SubnetCidrReservationId: v4.SubnetCidrReservationId! })), {
      code: 'InvalidSubnetCidrReservationID.NotFound',
      message: `The subnet CIDR reservation ID '${v4.SubnetCidrReservationId}' does not exist`,
    });
    await expectEc2Error(t.ec2.send(new DeleteSubnetCidrReservationCommand({ SubnetCidrReservationId: 'nope' })), {
      code: 'InvalidSubnetCidrReservationID.Malformed',
    });
  });

  it('refuses blocks outside the subnet, overlapping another reservation, or of an unknown type', async () => {
    const net = await network();
    await t.ec2.send(new CreateSubnetCidrReservationCommand({ SubnetId: net.subnetId, Cidr: `${net.base}128/25`, ReservationType: 'explicit' }));
    await expectEc2Error(
      t.ec2.send(new CreateSubnetCidrReservationCommand({ SubnetId: net.subnetId, Cidr: `${net.base}192/28`, ReservationType: 'prefix' })),
      { code: 'InvalidSubnetCidrReservation.Conflict', message: `The CIDR '${net.base}192/28' conflicts with an existing subnet CIDR reservation.` },
    );
    await expectEc2Error(t.ec2.send(new CreateSubnetCidrReservationCommand({ SubnetId: net.subnetId, Cidr: '10.200.0.0/28', ReservationType: 'prefix' })), {
      code: 'InvalidParameterValue',
      message: `The CIDR '10.200.0.0/28' is not within the CIDR ranges of subnet '${net.subnetId}'.`,
    });
    await expectEc2Error(t.ec2.send(new CreateSubnetCidrReservationCommand({ SubnetId: net.subnetId, Cidr: `${net.base}1/28`, ReservationType: 'prefix' })), {
      code: 'InvalidParameterValue',
      message: `The CIDR '${net.base}1/28' is invalid.`,
    });
    await expectEc2Error(
      t.ec2.send(new CreateSubnetCidrReservationCommand({ SubnetId: net.subnetId, Cidr: `${net.base}0/28`, ReservationType: 'other' as 'prefix' })),
      { code: 'InvalidParameterValue' },
    );
    await expectEc2Error(
      t.ec2.send(new CreateSubnetCidrReservationCommand({ SubnetId: 'subnet-00000000000000000', Cidr: `${net.base}0/28`, ReservationType: 'prefix' })),
      { code: 'InvalidSubnetID.NotFound' },
    );
  });

  it('automatic prefixes come from prefix reservations first; no reservation gives automatic addresses, explicit ones no prefixes', async () => {
    const net = await network();
    await t.ec2.send(new CreateSubnetCidrReservationCommand({ SubnetId: net.subnetId, Cidr: `${net.base}0/27`, ReservationType: 'explicit' }));
    await t.ec2.send(new CreateSubnetCidrReservationCommand({ SubnetId: net.subnetId, Cidr: `${net.base}192/27`, ReservationType: 'prefix' }));
    const v6res = block(net.v6, 79, 2);
    await t.ec2.send(new CreateSubnetCidrReservationCommand({ SubnetId: net.subnetId, Cidr: v6res, ReservationType: 'prefix' }));
    const eni = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetId, SecondaryPrivateIpAddressCount: 1 }))).NetworkInterface!;
    // addresses skip the explicit /27 (0..31); and the first prefixes come from the prefix /27 (192..223)
    expect(eni.PrivateIpAddresses!.map((p) => p.PrivateIpAddress)).toEqual([`${net.base}32`, `${net.base}33`]);
    const id = eni.NetworkInterfaceId!;
    const got = await t.ec2.send(new AssignPrivateIpAddressesCommand({ NetworkInterfaceId: id, Ipv4PrefixCount: 3 }));
    expect(got.AssignedIpv4Prefixes!.map((p) => p.Ipv4Prefix)).toEqual([`${net.base}192/28`, `${net.base}208/28`, `${net.base}48/28`]);
    // a named address in an explicit reservation is fine
    const named = await t.ec2.send(new AssignPrivateIpAddressesCommand({ NetworkInterfaceId: id, PrivateIpAddresses: [`${net.base}10`] }));
    expect(named.AssignedPrivateIpAddresses).toEqual([{ PrivateIpAddress: `${net.base}10` }]);
    const v6 = await t.ec2.send(new AssignIpv6AddressesCommand({ NetworkInterfaceId: id, Ipv6PrefixCount: 3 }));
    const p = (k: number) => block(net.v6, 80, k);
    expect(v6.AssignedIpv6Prefixes).toEqual([p(4), p(5), p(1)]);
  });

  it('DryRun validates fully and writes nothing', async () => {
    const net = await network();
    await expectEc2Error(
      t.ec2.send(new CreateSubnetCidrReservationCommand({ SubnetId: net.subnetId, Cidr: `${net.base}0/28`, ReservationType: 'prefix', DryRun: true })),
      { code: 'DryRunOperation', status: 412 },
    );
    await expectEc2Error(
      t.ec2.send(new CreateSubnetCidrReservationCommand({ SubnetId: net.subnetId, Cidr: '10.250.0.0/28', ReservationType: 'prefix', DryRun: true })),
      { code: 'InvalidParameterValue' },
    );
    const listed = await t.ec2.send(new GetSubnetCidrReservationsCommand({ SubnetId: net.subnetId }));
    expect([listed.SubnetIpv4CidrReservations, listed.SubnetIpv6CidrReservations]).toEqual([[], []]);
  });

  it('go with their subnet', async () => {
    n++;
    const vpc = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: `10.${n}.0.0/16` }))).Vpc!;
    const subnetId = (await t.ec2.send(new CreateSubnetCommand({ VpcId: vpc.VpcId!, CidrBlock: `10.${n}.1.0/24` }))).Subnet!.SubnetId!;
    const r = (await t.ec2.send(new CreateSubnetCidrReservationCommand({ SubnetId: subnetId, Cidr: `10.${n}.1.0/28`, ReservationType: 'prefix' })))
      .SubnetCidrReservation!;
    await t.ec2.send(new DeleteSubnetCommand({ SubnetId: subnetId }));
    await expectEc2Error(t.ec2.send(new DeleteSubnetCidrReservationCommand({ SubnetCidrReservationId: r.SubnetCidrReservationId! })), {
      code: 'InvalidSubnetCidrReservationID.NotFound',
    });
  });
});
