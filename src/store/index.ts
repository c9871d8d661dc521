/** All repositories over one Database. Actions reach SQL only through these. */
import { Database } from './db';
import { AddressRepo } from './addressRepo';
import { FlowLogRepo } from './flowLogRepo';
import { IamInstanceProfileRepo } from './iamInstanceProfileRepo';
import { InstanceRepo } from './instanceRepo';
import { InstanceTypeOverrideRepo } from './instanceTypeOverrideRepo';
import { KeyPairRepo } from './keyPairRepo';
import { LaunchTemplateRepo } from './launchTemplateRepo';
import { NatGatewayRepo } from './natGatewayRepo';
import { NovaRepo } from './novaRepo';
import { AttachmentRepo, NetworkInterfacePermissionRepo, NetworkInterfaceRepo } from './networkInterfaceRepo';
import { PrivateIpRepo } from './privateIpRepo';
import { RouteTableRepo } from './routeTableRepo';
import { SecurityGroupRepo } from './securityGroupRepo';
import { ClientTokenRepo, InternetGatewayRepo, ScopeRepo } from './smallRepos';
import { DhcpOptionsRepo } from './dhcpOptionsRepo';
import { NetworkAclRepo } from './networkAclRepo';
import { SubnetRepo } from './subnetRepo';
import { TagRepo } from './tagRepo';
import { TransitionRepo } from './transitionRepo';
import { VpcRepo } from './vpcRepo';
import { EgressOnlyGatewayRepo, Ipv6AddressRepo, VpcCidrBlockRepo } from './ipv6Repo';
import { Ipv4PrefixRepo, Ipv6PrefixRepo, SubnetCidrReservationRepo } from './prefixRepo';
import { EbsDefaultsRepo, SnapshotRepo, VolumeAttachmentRepo, VolumeModificationRepo, VolumeRepo } from './volumeRepo';

export class Store {
  readonly scopes: ScopeRepo;
  readonly vpcs: VpcRepo;
  readonly subnets: SubnetRepo;
  readonly securityGroups: SecurityGroupRepo;
  readonly routeTables: RouteTableRepo;
  readonly internetGateways: InternetGatewayRepo;
  readonly dhcpOptions: DhcpOptionsRepo;
  readonly networkAcls: NetworkAclRepo;
  readonly tags: TagRepo;
  readonly clientTokens: ClientTokenRepo;
  readonly instanceTypeOverrides: InstanceTypeOverrideRepo;
  readonly transitions: TransitionRepo;
  readonly instances: InstanceRepo;
  readonly networkInterfaces: NetworkInterfaceRepo;
  readonly attachments: AttachmentRepo;
  readonly privateIps: PrivateIpRepo;
  readonly addresses: AddressRepo;
  readonly keyPairs: KeyPairRepo;
  readonly launchTemplates: LaunchTemplateRepo;
  readonly interfacePermissions: NetworkInterfacePermissionRepo;
  readonly nova: NovaRepo;
  readonly vpcCidrBlocks: VpcCidrBlockRepo;
  readonly egressOnlyGateways: EgressOnlyGatewayRepo;
  readonly ipv6Addresses: Ipv6AddressRepo;
  readonly ipv4Prefixes: Ipv4PrefixRepo;
  readonly ipv6Prefixes: Ipv6PrefixRepo;
  readonly subnetCidrReservations: SubnetCidrReservationRepo;
  readonly flowLogs: FlowLogRepo;
  readonly iamProfiles: IamInstanceProfileRepo;
  readonly volumes: VolumeRepo;
  readonly volumeAttachments: VolumeAttachmentRepo;
  readonly snapshots: SnapshotRepo;
  readonly volumeModifications: VolumeModificationRepo;
  readonly ebsDefaults: EbsDefaultsRepo;
  readonly natGateways: NatGatewayRepo;

  constructor(readonly db: Database) {
    this.scopes = new ScopeRepo(db);
    this.vpcs = new VpcRepo(db);
    this.subnets = new SubnetRepo(db);
    this.securityGroups = new SecurityGroupRepo(db);
    this.routeTables = new RouteTableRepo(db);
    this.internetGateways = new InternetGatewayRepo(db);
    this.dhcpOptions = new DhcpOptionsRepo(db);
    this.networkAcls = new NetworkAclRepo(db);
    this.tags = new TagRepo(db);
    this.clientTokens = new ClientTokenRepo(db);
    this.instanceTypeOverrides = new InstanceTypeOverrideRepo(db);
    this.transitions = new TransitionRepo(db);
    this.instances = new InstanceRepo(db);
    this.networkInterfaces = new NetworkInterfaceRepo(db);
    this.attachments = new AttachmentRepo(db);
    this.privateIps = new PrivateIpRepo(db);
    this.addresses = new AddressRepo(db);
    this.keyPairs = new KeyPairRepo(db);
    this.launchTemplates = new LaunchTemplateRepo(db);
    this.interfacePermissions = new NetworkInterfacePermissionRepo(db);
    this.nova = new NovaRepo(db);
    this.vpcCidrBlocks = new VpcCidrBlockRepo(db);
    this.egressOnlyGateways = new EgressOnlyGatewayRepo(db);
    this.ipv6Addresses = new Ipv6AddressRepo(db);
    this.ipv4Prefixes = new Ipv4PrefixRepo(db);
    this.ipv6Prefixes = new Ipv6PrefixRepo(db);
    this.subnetCidrReservations = new SubnetCidrReservationRepo(db);
    this.flowLogs = new FlowLogRepo(db);
    this.iamProfiles = new IamInstanceProfileRepo(db);
    this.volumes = new VolumeRepo(db);
    this.volumeAttachments = new VolumeAttachmentRepo(db);
    this.snapshots = new SnapshotRepo(db);
    this.volumeModifications = new VolumeModificationRepo(db);
    this.ebsDefaults = new EbsDefaultsRepo(db);
    this.natGateways = new NatGatewayRepo(db);
  }

  tx<T>(fn: () => T): T {
    return this.db.tx(fn);
  }
}

export { Database };
export type { Scope } from './query';
