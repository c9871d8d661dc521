/**
 * Network managers: how a region's instances get their network interfaces. `vpc` (the default) is the
 * Eucalyptus VPC model the EC2 API describes; `flat`, `flatdhcp` and `vlan` are nova-network's managers, whose
 * networks are presented to the EC2 API as subnets of one VPC and whose VIFs are ENIs.
 *
 * A manager is consulted when a launch names neither a subnet nor network interfaces, and after an instance's
 * interfaces are allocated or released (so host plumbing can follow). Everything else (addresses, attach rules,
 * the broadcast) is shared.
 * See docs/behavior.md "nova network managers".
 */
import type { RequestContext } from '../core/context';
import type { RunInstancesRequest } from '../protocol/model/types.generated';
import type { SubnetRow } from '../store/rows';

export type ManagerName = 'vpc' | 'flat' | 'flatdhcp' | 'vlan';
export const MANAGER_NAMES: readonly ManagerName[] = ['vpc', 'flat', 'flatdhcp', 'vlan'];

/** One interface of a launch chosen by the manager (device indexes in order). */
export interface ManagedInterface {
  subnet: SubnetRow;
  /** A requested fixed address in that network. */
  privateIp?: string;
  groupIds?: string[];
}

export interface RenderedFile {
  path: string;
  content: string;
}

export interface NetworkManager {
  readonly name: ManagerName;
  /** Interfaces for a launch that names no subnet and no interfaces; undefined = the EC2 rules (default subnet). */
  defaultInterfaces(ctx: RequestContext, input: RunInstancesRequest): ManagedInterface[] | undefined;
  /** After a launch allocated interfaces for an instance (claim network hosts, …). */
  allocated?(ctx: RequestContext, instanceId: string): void;
  /** After an instance's interfaces were released (terminated). */
  deallocated?(ctx: RequestContext, instanceId: string): void;
}

/** The EC2/Eucalyptus VPC model: nothing to add to the shared rules. */
const vpcManager: NetworkManager = {
  name: 'vpc',
  defaultInterfaces: () => undefined,
};

export class NetworkManagers {
  private readonly byName = new Map<ManagerName, NetworkManager>([['vpc', vpcManager]]);

  /** region -> manager name, from --network-manager. */
  constructor(private readonly regions: ReadonlyMap<string, string>) {}

  register(manager: NetworkManager): void {
    this.byName.set(manager.name, manager);
  }

  nameFor(region: string): ManagerName {
    const name = (this.regions.get(region) ?? 'vpc') as ManagerName;
    return MANAGER_NAMES.includes(name) ? name : 'vpc';
  }

  forRegion(region: string): NetworkManager {
    return this.byName.get(this.nameFor(region)) ?? vpcManager;
  }
}
