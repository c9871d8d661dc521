/**
 * What an action sees: the caller's scope (account, region), the request's fixed "now", and the shared services.
 */
import type { Backend } from './backend/backend';
import type { Config } from './config';
import type { Clock } from './domain/clock';
import type { IdGenerator } from './domain/ids';
import type { Logger } from './logger';
import type { Store } from './store';
import type { Scope } from './store/query';
import type { EventBus } from './events';
import type { InstanceTypeCatalog } from './domain/instanceTypes';
import type { ImageCatalog } from './domain/images';
import type { NetworkManagers } from './network/manager';
import type { Faults } from './faults';

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
  return { ...services, scope, action, requestId, now: services.clock.now() };
}
