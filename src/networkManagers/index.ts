/**
 * nova-network managers: `registerNovaManagers` adds `flat`, `flatdhcp` and `vlan` to the region
 * registry (`--network-manager "us-east-1=flatdhcp,eu-west-1=vlan"`). The runtime owns the one NovaNetworking
 * (hosts, claims) that the admin API and the renders use (`runtime.nova`).
 * See docs/behavior.md "nova network managers".
 */
import type { Services } from '../core/context';
import { NovaNetworking } from './nova';

/** Makes the runtime's nova networking and registers its flat, flatdhcp and vlan managers (once, by the Runtime). */
export function registerNovaManagers(services: Services): NovaNetworking {
  const nova = new NovaNetworking(services);
  for (const name of ['flat', 'flatdhcp', 'vlan'] as const) services.networkManagers.register(nova.manager(name));
  return nova;
}

export { NovaNetworking } from './nova';
export { createNetworks, NovaNetworkError } from './create';
export type { CreateNetworksRequest, NovaManagerName } from './create';
export { renderHost } from './render';
export type { RenderOptions } from './render';
