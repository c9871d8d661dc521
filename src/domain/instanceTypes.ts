/**
 * The instance-type catalog: AWS's public DescribeInstanceTypes data (fixtures/instance-types.json) with the
 * operator's changes on top (Eucalyptus VmTypesManager: ModifyInstanceTypeAttribute, the admin API, the CLI).
 * New launches and attaches read the limit through here, so a change applies at once.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { InstanceTypeInfo } from '../protocol/model/types.generated';
import type { InstanceTypeOverrideRepo, InstanceTypeOverrideRow } from '../store/instanceTypeOverrideRepo';

export const FIXTURES_DIR = path.resolve(__dirname, '..', '..', 'fixtures');

/** Operator bound for a type's ENI limit, wider than Eucalyptus's 8 (docs/decisions.md "ENI limits"). */
export const MIN_ENI_LIMIT = 1;
export const MAX_ENI_LIMIT = 64;

export interface InstanceTypeLimits {
  maxNetworkInterfaces: number;
  ipv4AddressesPerInterface: number;
  /** 0 when the type has no IPv6 (NetworkInfo.Ipv6Supported false). */
  ipv6AddressesPerInterface: number;
  maxNetworkCards: number;
  /** Interfaces each network card takes (NetworkInfo.NetworkCards), by card index. */
  cardLimits: number[];
}

let fixture: Map<string, InstanceTypeInfo> | undefined;

function loadFixture(): Map<string, InstanceTypeInfo> {
  if (!fixture) {
    const file = JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'instance-types.json'), 'utf8')) as {
      items: InstanceTypeInfo[];
    };
    fixture = new Map(file.items.map((t) => [t.InstanceType as string, t]));
  }
  return fixture;
}

/** How many network cards a type has (public data; operators change interface limits, never the card count). */
export function networkCardCount(name: string): number {
  return loadFixture().get(name)?.NetworkInfo?.MaximumNetworkCards ?? 1;
}

export class InstanceTypeCatalog {
  constructor(private readonly overrides: InstanceTypeOverrideRepo) {}

  /** Reads the fixture (2.8 MB of JSON, ~60 ms) now rather than inside the first RunInstances. */
  preload(): void {
    loadFixture();
  }

  names(): string[] {
    return [...loadFixture().keys()];
  }

  exists(name: string): boolean {
    return loadFixture().has(name);
  }

  /** The fixture entry, untouched by operator changes. */
  defaults(name: string): InstanceTypeInfo | undefined {
    return loadFixture().get(name);
  }

  override(name: string): InstanceTypeOverrideRow | undefined {
    return this.overrides.get(name);
  }

  /** The type as DescribeInstanceTypes shows it now (operator limits applied). */
  get(name: string): InstanceTypeInfo | undefined {
    const base = loadFixture().get(name);
    if (!base) return undefined;
    const o = this.override(name);
    if (!o) return base;
    const net = { ...base.NetworkInfo };
    if (o.max_network_interfaces !== null) {
      // The operator's limit is the instance-wide total and card 0's (where interfaces go unless a launch or attach
      // names another card); the other cards keep their public limit, never above the total.
      const n = o.max_network_interfaces;
      net.MaximumNetworkInterfaces = n;
      net.NetworkCards = (net.NetworkCards ?? []).map((c) => ({
        ...c,
        MaximumNetworkInterfaces: c.NetworkCardIndex === 0 ? n : Math.min(c.MaximumNetworkInterfaces ?? n, n),
      }));
    }
    return {
      ...base,
      NetworkInfo: net,
      ...(o.cpu !== null ? { VCpuInfo: { ...base.VCpuInfo, DefaultVCpus: o.cpu } } : {}),
      ...(o.memory !== null ? { MemoryInfo: { SizeInMiB: o.memory } } : {}),
    };
  }

  all(): InstanceTypeInfo[] {
    return this.names().map((n) => this.get(n) as InstanceTypeInfo);
  }

  limits(name: string): InstanceTypeLimits {
    const t = this.get(name);
    const net = t?.NetworkInfo;
    const maxNetworkInterfaces = net?.MaximumNetworkInterfaces ?? 1;
    const maxNetworkCards = net?.MaximumNetworkCards ?? 1;
    const cardLimits = Array.from({ length: maxNetworkCards }, (_, i) =>
      net?.NetworkCards?.find((c) => c.NetworkCardIndex === i)?.MaximumNetworkInterfaces ?? maxNetworkInterfaces,
    );
    return {
      maxNetworkInterfaces,
      ipv4AddressesPerInterface: net?.Ipv4AddressesPerInterface ?? 1,
      ipv6AddressesPerInterface: net?.Ipv6Supported === false ? 0 : (net?.Ipv6AddressesPerInterface ?? 0),
      maxNetworkCards,
      cardLimits,
    };
  }

  /** Records an operator change; unset fields keep their current value. */
  setOverride(name: string, change: { maxNetworkInterfaces?: number; cpu?: number; disk?: number; memory?: number }): void {
    const cur = this.override(name);
    this.overrides.put({
      name,
      max_network_interfaces: change.maxNetworkInterfaces ?? cur?.max_network_interfaces ?? null,
      cpu: change.cpu ?? cur?.cpu ?? null,
      disk: change.disk ?? cur?.disk ?? null,
      memory: change.memory ?? cur?.memory ?? null,
    });
  }

  /** Back to the fixture's values. */
  reset(name: string): void {
    this.overrides.delete(name);
  }
}
