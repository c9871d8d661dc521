/**
 * One emulator instance: database, repositories, services, back end and gateway, wired together.
 * The HTTP server, the library API and the in-process mode all sit on top of this.
 */
import { ACTION_LOADERS } from '../actions';
import { Backend } from './backend';
import { BackendSchedule } from './schedule';
import { registerBackendWorkflows } from './workflows';
import { Config, ConfigError, defaultConfig, networkManagersByRegion } from '../config';
import type { Services } from './context';
import { Clock, ManualClock, SystemClock } from './clock';
import { createIdGenerator } from './ids';
import { InstanceTypeCatalog } from '../domain/instanceTypes';
import { ImageCatalog } from '../domain/images';
import { EventBus } from './pendingWork';
import { Faults } from '../faults';
import { startupPlan } from '../faults/startup';
import { createLogger, Logger } from '../logger';
import { Gateway } from './pipeline';
import { MANAGER_NAMES, NetworkManagers } from '../networkManagers/manager';
import { registerNovaManagers } from '../networkManagers';
import { Database, Store } from '../store';
import { BroadcastService } from '../broadcast/service';
import { ImdsService } from '../imds/handler';
import type { NovaNetworking } from '../networkManagers/nova';

interface RuntimeOptions {
  clock?: Clock | 'manual' | 'system';
  logger?: Logger;
}

export class Runtime {
  readonly config: Config;
  readonly db: Database;
  readonly store: Store;
  readonly services: Services;
  readonly gateway: Gateway;
  readonly backend: Backend;
  /** The side services, one each per runtime. */
  readonly broadcast: BroadcastService;
  readonly imds: ImdsService;
  readonly nova: NovaNetworking;

  constructor(config: Partial<Config> = {}, options: RuntimeOptions = {}) {
    this.config = defaultConfig(config);
    this.db = new Database(this.config.db);
    this.store = new Store(this.db);
    const clock =
      options.clock === 'manual' ? new ManualClock() : options.clock === 'system' || !options.clock ? new SystemClock() : options.clock;
    const faults = new Faults(clock, this.config.faultSeed ?? this.config.seed, startupPlan(this.config));
    this.services = {
      store: this.store,
      clock,
      ids: faults.watch(createIdGenerator(this.config.seed)),
      config: this.config,
      log: options.logger ?? createLogger(this.config.logLevel),
      backend: new BackendSchedule(this.store.transitions, faults),
      events: new EventBus(),
      instanceTypes: new InstanceTypeCatalog(this.store.instanceTypeOverrides),
      images: new ImageCatalog(),
      networkManagers: this.networkManagers(),
      faults,
    };
    this.nova = registerNovaManagers(this.services);
    this.backend = new Backend(this.services);
    registerBackendWorkflows(this.backend, this.services);
    this.gateway = new Gateway(this.services, this.backend, ACTION_LOADERS);
    this.broadcast = new BroadcastService(this);
    this.imds = new ImdsService(this);
  }

  private networkManagers(): NetworkManagers {
    const regions = networkManagersByRegion(this.config.networkManager);
    for (const [region, name] of regions) {
      if (!(MANAGER_NAMES as readonly string[]).includes(name)) {
        throw new ConfigError(`--network-manager: unknown manager '${name}' for ${region} (${MANAGER_NAMES.join(', ')})`);
      }
    }
    return new NetworkManagers(regions);
  }

  /** The fault plans (src/faults). */
  get faults(): Faults {
    return this.services.faults;
  }

  /** Wipes every account and region (POST /moto-api/reset). */
  reset(): void {
    this.db.wipe();
    this.backend.forget();
    this.gateway.forgetScopes();
    this.services.faults.reset();
    this.services.events.markChanged();
  }

  close(): void {
    this.backend.stop();
    this.db.close();
  }
}
