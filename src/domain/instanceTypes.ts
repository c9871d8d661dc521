/**
 * The instance-type catalog: AWS's public DescribeInstanceTypes data (fixtures/instance-types.json) with the
 * operator's changes on top (Eucalyptus VmTypesManager: ModifyInstanceTypeAttribute, the admin API, the CLI).
 * New launches and attaches read the limit through here, so a change applies at once.
 */
import { isAscii } from 'node:buffer';
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

/**
 * The catalog by type name: an entry's JSON text until it is first asked for, then the parsed entry. The file has
 * one entry per line (tools/generateFixtures.ts writes it so), and parsing all 2.8 MB of it took ~45 ms of a
 * 2 GHz EPYC's start-up where a launch needs a handful of types; the lines are indexed in a few milliseconds.
 */
let fixture: Map<string, InstanceTypeInfo | string> | undefined;

/** An entry's line: two spaces, the entry's JSON, a comma unless it is the last. */
const ENTRY_LINE = /^ {2}(\{.*\}),?$/;
/** Its type name: InstanceTypeInfo has the member once, at the top, and no nested shape has one of that name. */
const ENTRY_NAME = /"InstanceType":"([^"]+)"/;

function loadFixture(): Map<string, InstanceTypeInfo | string> {
  if (!fixture) {
    const bytes = fs.readFileSync(path.join(FIXTURES_DIR, 'instance-types.json'));
    // The data is ASCII (public names and numbers); latin1 turns it into a string several times faster than utf8.
    const text = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
    fixture = new Map();
    for (const line of text.split('\n')) {
      const json = ENTRY_LINE.exec(line)?.[1];
      const name = json && ENTRY_NAME.exec(json)?.[1];
      if (name) fixture.set(name, json);
    }
    if (fixture.size === 0) {
      // Not one entry per line (a fixture written some other way): the whole file, the slow way.
      for (const t of (JSON.parse(text) as { items: InstanceTypeInfo[] }).items) fixture.set(t.InstanceType as string, t);
    }
  }
  return fixture;
}

/** The public entry of a type, parsed the first time it is asked for. */
function entry(name: string): InstanceTypeInfo | undefined {
  const types = loadFixture();
  const found = types.get(name);
  if (typeof found !== 'string') return found;
  const parsed = JSON.parse(found) as InstanceTypeInfo;
  types.set(name, parsed);
  return parsed;
}

/** How many network cards a type has (public data; operators change interface limits, never the card count). */
export function networkCardCount(name: string): number {
  return entry(name)?.NetworkInfo?.MaximumNetworkCards ?? 1;
}

export class InstanceTypeCatalog {
  constructor(private readonly overrides: InstanceTypeOverrideRepo) {}

  /** Reads the fixture (2.8 MB; its index takes a few ms) now rather than inside the first RunInstances. */
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
    return entry(name);
  }

  override(name: string): InstanceTypeOverrideRow | undefined {
    return this.overrides.get(name);
  }

  /** The type as DescribeInstanceTypes shows it now (operator limits applied). */
  get(name: string): InstanceTypeInfo | undefined {
    const base = entry(name);
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
