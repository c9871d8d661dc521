/**
 * What an action sees: the caller's scope (account, region), the request's fixed "now", and the shared services.
 */
import type { Backend } from './backend';
import type { Config } from '../config';
import type { Clock } from './clock';
import type { IdGenerator } from './ids';
import type { Logger } from '../logger';
import type { Store } from '../store';
import type { Scope } from '../store/query';
import type { EventBus } from './pendingWork';
import type { InstanceTypeCatalog } from '../domain/instanceTypes';
import type { ImageCatalog } from '../domain/images';
import type { NetworkManagers } from '../networkManagers/manager';
import type { Faults } from '../faults';

export interface Services {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly config: Config;
  readonly log: Logger;
  readonly backend: Backend;
  readonly events: EventBus;
  readonly instanceTypes: InstanceTypeCatalog;
  readonly images: ImageCatalog;
  readonly networkManagers: NetworkManagers;
  readonly faults: Faults;
}

export interface RequestContext extends Services {
  readonly scope: Scope;
  readonly requestId: string;
  readonly action: string;
  /** Fixed for the whole request, so every timestamp a request writes agrees. */
  readonly now: number;
}

export function contextFor(services: Services, scope: Scope, action: string, requestId: string): RequestContext {
  // Spelled out rather than spread: one object shape for every request, whatever object holds the services.
  const { store, clock, ids, config, log, backend, events, instanceTypes, images, networkManagers, faults } = services;
  return { store, clock, ids, config, log, backend, events, instanceTypes, images, networkManagers, faults, scope, action, requestId, now: clock.now() };
}

/**
 * The one way to change state: `fn` runs with a context of `scope` inside one SQLite transaction, the workflow work
 * it queued (route state) runs before the commit, and on any error the transaction rolls back and the queued work
 * is dropped, so nothing leaks into the next request. Every writer uses it: the API pipeline, scope bootstrap, the
 * back end, the admin routes.
 */
export function transact<T>(services: Services, scope: Scope, label: string, fn: (ctx: RequestContext) => T, requestId?: string): T {
  const ctx = contextFor(services, scope, label, requestId ?? services.ids.requestId());
  try {
    return services.store.tx(() => {
      const out = fn(ctx);
      services.events.flush(ctx);
      return out;
    });
  } catch (e) {
    services.events.discard();
    throw e;
  }
}
