/**
 * The broadcast document of a region, rebuilt the Eucalyptus way: coalesced, at most once per
 * `broadcastIntervalMs` (measured on the injected clock), and on demand. A rebuild is skipped altogether while
 * nothing has committed since the last one (EventBus.changeGeneration), and the version is a fingerprint of the
 * content, so an unchanged state always serves the same version and the same bytes.
 *
 * Scope: one document per region covering every account (Eucalyptus broadcasts one cloud-wide document; the
 * hosts of a region run every account's instances). A request may narrow it to a set of accounts; each distinct
 * (region, account set) is cached and versioned on its own.
 * See docs/behavior.md "Broadcast cadence and version".
 */
import { createHash } from 'node:crypto';
import type { Runtime } from '../core/runtime';
import { serializeDocument } from '../protocol/xmlSerializer';
import { buildNetworkData } from './build';
import { networkDataResolver, NetworkData } from './shapes';
import { writeFileAtomic } from './atomicWrite';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface BroadcastDocument {
  region: string;
  /** Sorted account ids, or undefined for every account. */
  accounts?: readonly string[];
  /** 8 lowercase hex digits: a 32-bit fingerprint of the content. */
  version: string;
  xml: string;
  /** Clock time of the build that produced this content (ms). */
  builtAt: number;
  /** The change generation this document reflects. */
  generation: number;
  /** Changes have committed since (the next rebuild is due once the interval has passed). */
  stale: boolean;
}

interface Entry {
  doc: Omit<BroadcastDocument, 'stale'>;
  /** When the last rebuild ran (whether or not the content changed). */
  lastBuild: number;
}

/** Renders a document: the content is hashed without the version, then printed with it. */
function renderNetworkData(data: NetworkData): { version: string; xml: string } {
  const body = serializeDocument('network-data', 'NetworkData', { ...data, version: undefined }, networkDataResolver, XML_DECLARATION);
  const version = createHash('sha256').update(body).digest('hex').slice(0, 8);
  return { version, xml: serializeDocument('network-data', 'NetworkData', { ...data, version }, networkDataResolver, XML_DECLARATION) };
}

function normalizeAccounts(accounts: readonly string[] | undefined): string[] | undefined {
  if (!accounts || accounts.length === 0) return undefined;
  return [...new Set(accounts)].sort();
}

export class BroadcastService {
  private readonly entries = new Map<string, Entry>();
  /** Rebuilds that actually ran (for tests and the admin API). */
  builds = 0;

  constructor(private readonly runtime: Runtime) {}

  private get intervalMs(): number {
    return this.runtime.config.broadcastIntervalMs;
  }

  /**
   * The latest document. Rebuilds when changes have committed since the last build and the interval has passed
   * (or `force`); otherwise answers the cached one (marked stale if changes are waiting for the next rebuild).
   */
  get(region: string, accounts?: readonly string[], opts: { force?: boolean } = {}): BroadcastDocument {
    const { services } = this.runtime;
    this.runtime.backend.applyDue(); // transitions that are due show, as before any API request
    const acc = normalizeAccounts(accounts);
    const key = this.key(region, acc);
    const generation = services.events.changeGeneration;
    const now = services.clock.now();
    const entry = this.entries.get(key);
    if (entry && entry.doc.generation === generation) return { ...entry.doc, stale: false };
    if (entry && !opts.force && now - entry.lastBuild < this.intervalMs) return { ...entry.doc, stale: true };

    const { version, xml } = renderNetworkData(buildNetworkData(services.store, { region, accounts: acc }));
    this.builds++;
    const doc =
      entry && entry.doc.version === version
        ? { ...entry.doc, generation } // same content: same bytes, same build time
        : { region, accounts: acc, version, xml, builtAt: now, generation };
    this.entries.set(key, { doc, lastBuild: now });
    return { ...doc, stale: false };
  }

  /** The version last built for this selection, without rebuilding (undefined if never built). */
  cachedVersion(region: string, accounts?: readonly string[]): string | undefined {
    return this.entries.get(this.key(region, normalizeAccounts(accounts)))?.doc.version;
  }

  private key(region: string, accounts: readonly string[] | undefined): string {
    return `${region}|${accounts?.join(',') ?? '*'}`;
  }

  /** Forgets every cached document (the next get rebuilds). */
  clear(): void {
    this.entries.clear();
  }
}

/**
 * `--broadcast-file`: checks every `pollMs` (real time) whether a rebuild is due and writes the document through
 * a temp file + rename whenever its version changes.
 */
export class BroadcastFileWriter {
  private timer?: NodeJS.Timeout;
  private written?: string;
  /** Versions written, oldest first (for tests and logs). */
  readonly history: string[] = [];

  constructor(
    private readonly runtime: Runtime,
    private readonly file: string,
    private readonly region: string,
    private readonly pollMs = 100,
  ) {}

  start(): void {
    this.poll();
    this.timer = setInterval(() => this.poll(), this.pollMs);
    this.timer.unref();
  }

  /** One check: rebuild if due, write if the version changed. Returns true when it wrote. */
  poll(): boolean {
    try {
      const doc = this.runtime.broadcast.get(this.region);
      if (doc.version === this.written) return false;
      writeFileAtomic(this.file, doc.xml);
      this.written = doc.version;
      this.history.push(doc.version);
      this.runtime.services.log.debug('broadcast written', { file: this.file, region: this.region, version: doc.version });
      return true;
    } catch (e) {
      this.runtime.services.log.error('broadcast file write failed', { file: this.file, error: (e as Error).stack });
      return false;
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
