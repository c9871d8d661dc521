/** Small repositories: scopes, internet gateways, idempotency tokens. */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Database } from './db';
import type { Scope } from './query';
import type { InternetGatewayRow, ScopeRow } from './rows';
import { Table } from './table';

export class ScopeRepo {
  constructor(private readonly db: Database) {}

  get(scope: Scope): ScopeRow | undefined {
    return this.db.prepare('SELECT * FROM scopes WHERE account = ? AND region = ?').get(scope.account, scope.region) as
      | ScopeRow
      | undefined;
  }

  insert(scope: Scope, defaultVpcId: string | null, now: number): void {
    this.db
      .prepare('INSERT INTO scopes (account, region, default_vpc_id, created_at) VALUES (?, ?, ?, ?)')
      .run(scope.account, scope.region, defaultVpcId, now);
  }

  all(): ScopeRow[] {
    return this.db.prepare('SELECT * FROM scopes ORDER BY account, region').all() as ScopeRow[];
  }
}

export class InternetGatewayRepo extends Table<InternetGatewayRow> {
  constructor(db: Database) {
    super(db, 'internet_gateways', { from: 'internet_gateways g', alias: 'g', select: 'g.*' });
  }

  attachedTo(vpcId: string): InternetGatewayRow | undefined {
    return this.db.prepare('SELECT * FROM internet_gateways WHERE vpc_id = ?').get(vpcId) as InternetGatewayRow | undefined;
  }

  /** Public addresses (Elastic or launch-time) mapped to interfaces of the VPC. */
  mappedAddressCount(vpcId: string): number {
    return (
      this.db
        .prepare('SELECT count(*) AS n FROM addresses a JOIN network_interfaces n ON n.id = a.network_interface_id WHERE n.vpc_id = ?')
        .get(vpcId) as { n: number }
    ).n;
  }
}

interface StoredToken {
  paramsHash: string;
  response: string;
}

const KEPT_TOKENS = 10_000;
const TOKEN_PURGE_EVERY = 1_000;

/**
 * Answers of calls made with a ClientToken (the output object's JSON), for retries with the same token. Answers of
 * DEFLATE_FROM_CHARS or more are stored deflated at level 1 (a 3-NIC RunInstances answer: 4.2 -> 1.4 KB), which
 * costs a quarter of the default level's CPU. A 4 KB window and small hash table: answers are a few KB, so the
 * output is the same size, and setting up zlib's default 256 KB state was most of the cost (22 -> 14 us). Inflating
 * with the default window reads these and older rows alike.
 */
const DEFLATE = { level: 1, windowBits: 12, memLevel: 4 };
/**
 * Smaller answers are kept as text: a CreateNetworkInterface answer (~0.8 KB) deflated only to ~0.45 KB (~3.5 MB
 * over the 10,000 kept), while deflating it was ~3 % of the server's instructions over a cold eni-lifecycle run
 * (callgrind). Text and deflated rows are told apart by their SQLite type (TEXT or BLOB).
 */
const DEFLATE_FROM_CHARS = 1024;
export class ClientTokenRepo {
  constructor(private readonly db: Database) {}

  get(scope: Scope, action: string, token: string): StoredToken | undefined {
    const row = this.db
      .prepare('SELECT params_hash, response FROM client_tokens WHERE account = ? AND region = ? AND action = ? AND token = ?')
      .get(scope.account, scope.region, action, token) as { params_hash: string; response: Buffer | string } | undefined;
    if (!row) return undefined;
    const { response } = row;
    return { paramsHash: row.params_hash, response: typeof response === 'string' ? response : inflateRawSync(response).toString('utf8') };
  }

  put(scope: Scope, action: string, token: string, paramsHash: string, response: string, now: number): void {
    const { lastInsertRowid } = this.db
      .prepare(
        'INSERT INTO client_tokens (account, region, action, token, params_hash, response, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(scope.account, scope.region, action, token, paramsHash, response.length < DEFLATE_FROM_CHARS ? response : deflateRawSync(response, DEFLATE), now);
    // SDKs send a fresh token with every create call, so the table would grow with every launch. Retries come
    // within seconds: the newest KEPT_TOKENS tokens are remembered, older ones are dropped in batches.
    const seq = Number(lastInsertRowid);
    if (seq % TOKEN_PURGE_EVERY === 0) this.db.prepare('DELETE FROM client_tokens WHERE seq <= ?').run(seq - KEPT_TOKENS);
  }
}
