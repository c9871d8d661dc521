/** All repositories over one Database. Actions reach SQL only through these. */
import { Database } from './db';
import { AddressRepo } from './addressRepo';
import { InstanceRepo } from './instanceRepo';
import { InstanceTypeOverrideRepo } from './instanceTypeOverrideRepo';
import { KeyPairRepo } from './keyPairRepo';
import { NatGatewayRepo } from './natGatewayRepo';
import { NovaRepo } from './novaRepo';
import { AttachmentRepo, NetworkInterfacePermissionRepo, NetworkInterfaceRepo } from './networkInterfaceRepo';
import { PrivateIpRepo } from './privateIpRepo';
import { RouteTableRepo } from './routeTableRepo';
import { SecurityGroupRepo } from './securityGroupRepo';
import { ClientTokenRepo, DhcpOptionsRepo, InternetGatewayRepo, ScopeRepo } from './smallRepos';
import { SubnetRepo } from './subnetRepo';
import { TagRepo } from './tagRepo';
import { TransitionRepo } from './transitionRepo';
import { VpcRepo } from './vpcRepo';

export class Store {
  readonly scopes: ScopeRepo;
  readonly vpcs: VpcRepo;
  readonly subnets: SubnetRepo;
  readonly securityGroups: SecurityGroupRepo;
  readonly routeTables: RouteTableRepo;
  readonly internetGateways: InternetGatewayRepo;
  readonly dhcpOptions: DhcpOptionsRepo;
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
  readonly interfacePermissions: NetworkInterfacePermissionRepo;
  readonly nova: NovaRepo;
  readonly natGateways: NatGatewayRepo;

  constructor(readonly db: Database) {
    this.scopes = new ScopeRepo(db);
    this.vpcs = new VpcRepo(db);
    this.subnets = new SubnetRepo(db);
    this.securityGroups = new SecurityGroupRepo(db);
    this.routeTables = new RouteTableRepo(db);
    this.internetGateways = new InternetGatewayRepo(db);
    this.dhcpOptions = new DhcpOptionsRepo(db);
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
    this.interfacePermissions = new NetworkInterfacePermissionRepo(db);
    this.nova = new NovaRepo(db);
    this.natGateways = new NatGatewayRepo(db);
  }

  tx<T>(fn: () => T): T {
    return this.db.tx(fn);
  }
}

export { Database };
export type { Scope } from './query';
