/**
 * Eventual consistency as AWS documents it ("Eventual consistency in the Amazon EC2 API"): right after a resource
 * is created, Describe calls may not return it and calls that name it answer `Invalid…ID.NotFound`; a tag just
 * applied may not show yet. Here a resource stays invisible to its own account for `delayMs` after the id was
 * issued, and a tag for `delayMs` after CreateTags. Per account: other accounts see nothing of it anyway.
 */
import { Ec2Error, NotFoundErrors, VpnErrors } from '../errors';

/** The NotFound error for each id prefix (the errors the actions themselves answer). */
const NOT_FOUND: Record<string, (id: string) => Ec2Error> = {
  i: (id) => NotFoundErrors.instances([id]),
  eni: (id) => NotFoundErrors.networkInterface(id),
  'eni-attach': (id) => NotFoundErrors.attachment(id),
  subnet: (id) => NotFoundErrors.subnet(id),
  vpc: (id) => NotFoundErrors.vpc(id),
  sg: (id) => NotFoundErrors.securityGroup(id),
  rtb: (id) => NotFoundErrors.routeTable(id),
  rtbassoc: (id) => NotFoundErrors.routeTableAssociation(id),
  igw: (id) => NotFoundErrors.internetGateway(id),
  eipalloc: (id) => NotFoundErrors.allocation(id),
  key: (id) => NotFoundErrors.keyPairId(id),
  nat: (id) => NotFoundErrors.natGateway(id),
  pcx: (id) => NotFoundErrors.vpcPeering(id),
  vgw: (id) => VpnErrors.vpnGatewayNotFound(id),
  cgw: (id) => VpnErrors.customerGatewayNotFound(id),
  vpn: (id) => VpnErrors.vpnConnectionNotFound(id),
};
export const HIDEABLE_PREFIXES = Object.keys(NOT_FOUND);

const ID = /^([a-z]+(?:-[a-z]+)?)-[0-9a-f]{8,17}$/;
export const prefixOf = (id: string) => ID.exec(id)?.[1];

/** Members whose strings are not references to resources (free text, filters, tags' keys and values). */
const NOT_REFERENCES = new Set(['Filters', 'Filter', 'Tags', 'TagSpecifications', 'Description', 'ClientToken', 'UserData', 'NextToken']);

/**
 * Which member of a described item is its own id, most specific first (an instance also has a SubnetId, an address
 * an InstanceId).
 */
const OWN_ID_KEYS = [
  // a VPN connection names its two gateways too
  'VpnConnectionId',
  'VpnGatewayId',
  'CustomerGatewayId',
  'AllocationId',
  'InstanceId',
  'NetworkInterfaceId',
  'SubnetId',
  'RouteTableId',
  'InternetGatewayId',
  'KeyPairId',
  'GroupId',
  'VpcId',
  'ResourceId',
];

export class Visibility {
  /** id -> when it becomes visible. */
  private readonly hidden = new Map<string, number>();
  /** resource id -> tag key -> when the tag becomes visible. */
  private readonly tags = new Map<string, Map<string, number>>();

  constructor(
    private readonly delayMs: number,
    private readonly prefixes: ReadonlySet<string>,
  ) {}

  /** A resource this account just created. */
  created(id: string, now: number): void {
    const prefix = prefixOf(id);
    if (prefix && this.prefixes.has(prefix)) this.hidden.set(id, now + this.delayMs);
  }

  tagged(ids: readonly string[], keys: readonly string[], now: number): void {
    for (const id of ids) {
      let m = this.tags.get(id);
      if (!m) this.tags.set(id, (m = new Map()));
      for (const k of keys) m.set(k, now + this.delayMs);
    }
  }

  isHidden(id: string, now: number): boolean {
    const until = this.hidden.get(id);
    if (until === undefined) return false;
    if (until > now) return true;
    this.hidden.delete(id);
    return false;
  }

  /** The NotFound error for the not-yet-visible ids the input names (those of the first one's kind), if any. */
  notFound(input: unknown, now: number): Ec2Error | undefined {
    const found: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') {
        if (this.isHidden(v, now)) found.push(v);
      } else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) if (!NOT_REFERENCES.has(k)) walk(x);
      }
    };
    walk(input);
    if (found.length === 0) return undefined;
    const prefix = prefixOf(found[0])!;
    const same = found.filter((id) => prefixOf(id) === prefix);
    // Describe calls list every missing id, as AWS does ("The instance IDs 'i-1, i-2' do not exist").
    if (prefix === 'i') return NotFoundErrors.instances(same);
    if (prefix === 'eni') return NotFoundErrors.networkInterfaces(same);
    return NOT_FOUND[prefix](found[0]);
  }

  /**
   * A Describe output without the items that are not visible yet, and without tags that have not arrived; an item
   * whose lagging tag the filters may have matched on is left out too. Returns how many items it hid.
   */
  filter(output: Record<string, unknown>, input: Record<string, unknown>, now: number): number {
    this.prune(now);
    if (this.hidden.size === 0 && this.tags.size === 0) return 0;
    const byTag = Array.isArray(input.Filters) && input.Filters.some((f) => /^tag/.test(String((f as { Name?: unknown }).Name)));
    let hid = 0;
    const keep = (item: unknown): boolean => {
      if (!item || typeof item !== 'object') return true;
      const o = item as Record<string, unknown>;
      const key = OWN_ID_KEYS.find((k) => typeof o[k] === 'string');
      const id = key ? (o[key] as string) : undefined;
      if (id && this.isHidden(id, now)) return false;
      const lagging = id ? this.laggingTags(id, now) : undefined;
      if (lagging && lagging.size > 0) {
        if (byTag) return false;
        if (Array.isArray(o.Tags)) o.Tags = o.Tags.filter((t) => !lagging.has((t as { Key?: string }).Key ?? ''));
        if (key === 'ResourceId' && lagging.has(String(o.Key))) return false; // DescribeTags
      }
      // Reservations: the instances inside are the items.
      if (Array.isArray(o.Instances)) {
        const before = o.Instances.length;
        const kept = o.Instances.filter(keep);
        o.Instances = kept;
        hid += before - kept.length;
        if (kept.length > 0 || before === 0) return true;
        hid--; // the reservation itself is counted by the caller, its instances already were
        return false;
      }
      return true;
    };
    for (const [k, v] of Object.entries(output)) {
      if (!Array.isArray(v)) continue;
      const kept = v.filter(keep);
      hid += v.length - kept.length;
      output[k] = kept;
    }
    return hid;
  }

  private laggingTags(id: string, now: number): Set<string> | undefined {
    const m = this.tags.get(id);
    if (!m) return undefined;
    const out = new Set<string>();
    for (const [k, until] of m) if (until > now) out.add(k);
    return out;
  }

  /** Forgets what is visible by now, so the maps stay small. */
  private prune(now: number): void {
    for (const [id, until] of this.hidden) if (until <= now) this.hidden.delete(id);
    for (const [id, m] of this.tags) {
      for (const [k, until] of m) if (until <= now) m.delete(k);
      if (m.size === 0) this.tags.delete(id);
    }
  }
}
