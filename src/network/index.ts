/**
 * nova-network managers: `registerNovaManagers` adds `flat`, `flatdhcp` and `vlan` to the region
 * registry (`--network-manager "us-east-1=flatdhcp,eu-west-1=vlan"`); `novaOf` gives the shared state (hosts) the
 * admin API and the renders use. One NovaNetworking per runtime.
 * See docs/behavior.md "nova network managers".
 */
import type { Services } from '../context';
import { NovaNetworking } from './nova';

const byServices = new WeakMap<object, NovaNetworking>();

/** The runtime's nova networking (hosts from --network-hosts / --compute-host), made on first use. */
export function novaOf(services: Services): NovaNetworking {
  let nova = byServices.get(services.networkManagers);
  if (!nova) {
    nova = new NovaNetworking(services);
    byServices.set(services.networkManagers, nova);
  }
  return nova;
}

/** Registers the flat, flatdhcp and vlan managers (called once by the Runtime). */
export function registerNovaManagers(services: Services): void {
  const nova = novaOf(services);
  for (const name of ['flat', 'flatdhcp', 'vlan'] as const) services.networkManagers.register(nova.manager(name));
}

export { NovaNetworking } from './nova';
export { createNetworks, NovaNetworkError } from './create';
export type { CreateNetworksRequest, NovaManagerName } from './create';
export { renderHost } from './render';
export type { RenderOptions } from './render';
