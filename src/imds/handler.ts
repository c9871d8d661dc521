/**
 * The instance metadata service, independent of HTTP framework: a request (method, path below the IMDS root,
 * headers) for one instance in, status + headers + body out. Used by the per-instance prefix on the main port
 * (/_ec2lite/imds/<instance-id>/…), the root token endpoint of the main port and the --imds-port listener.
 *
 * Rules (docs/behavior.md "Instance metadata (IMDS)"):
 *  - unknown or terminated instance: 404 for everything;
 *  - HttpEndpoint=disabled: 403 for everything, the token PUT included (what SDKs read as "IMDS disabled");
 *  - PUT /latest/api/token: X-Forwarded-For -> 403; TTL header missing, not an integer or outside 1..21600 -> 400;
 *    else 200 with the token and the TTL echoed in X-aws-ec2-metadata-token-ttl-seconds. Other methods -> 405;
 *  - GET with X-aws-ec2-metadata-token: unknown, expired or another instance's token -> 401 (also when tokens
 *    are optional); without a token -> 401 when HttpTokens=required, else served (IMDSv1);
 *  - a directory answers its listing, a leaf its value (text/plain), anything else 404. Only GET and HEAD.
 * Any version segment (`latest`, `2021-07-15`, `1.0`) is served as `latest`.
 */
import type { Runtime } from '../core/runtime';
import { isDirectory, listing, loadInstanceContext, lookup, metadataTree } from './metadata';
import { TokenStore } from './tokens';

interface ImdsRequest {
  method: string;
  /** Path below the IMDS root, e.g. `/latest/meta-data/mac` (repeated slashes are fine). */
  path: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface ImdsResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

interface ImdsTarget {
  /** The instance being asked about; undefined when none could be chosen (only a root token PUT works). */
  instanceId?: string;
  /** Tokens issued here only serve this instance (per-instance paths); false at a root. */
  bindTokens: boolean;
}

const TOKEN_HEADER = 'x-aws-ec2-metadata-token';
const TTL_HEADER = 'x-aws-ec2-metadata-token-ttl-seconds';
const VERSION = /^(latest|\d{4}-\d{2}-\d{2}|1\.0)$/;

const text = (status: number, body: string, headers: Record<string, string> = {}): ImdsResponse => ({
  status,
  headers: { 'Content-Type': 'text/plain', ...headers },
  body,
});
const notFound = () => text(404, '404 - Not Found');
const header = (req: ImdsRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

export class ImdsService {
  readonly tokens: TokenStore;

  constructor(private readonly runtime: Runtime) {
    this.tokens = new TokenStore(runtime.services.clock);
  }

  handle(req: ImdsRequest, target: ImdsTarget): ImdsResponse {
    const segments = req.path.split('?')[0].split('/').filter((s) => s !== '');
    const method = req.method.toUpperCase();
    if (segments.length >= 1 && !VERSION.test(segments[0])) return notFound();
    const isTokenPath = segments.length === 3 && segments[1] === 'api' && segments[2] === 'token';
    if (isTokenPath) return this.token(req, method, target);
    if (method !== 'GET' && method !== 'HEAD') return text(405, '405 - Method Not Allowed', { Allow: 'GET, HEAD' });

    this.runtime.backend.applyDue();
    const instance = this.instance(target.instanceId);
    if (instance === 'missing') return notFound();
    if (instance.http_endpoint === 'disabled') return text(403, '403 - Forbidden');
    const token = header(req, TOKEN_HEADER);
    if (token !== undefined) {
      if (!this.tokens.accepts(token, instance.id)) return text(401, '401 - Unauthorized');
    } else if (instance.http_tokens === 'required') {
      return text(401, '401 - Unauthorized');
    }

    if (segments.length === 0) return text(200, 'latest');
    const ctx = loadInstanceContext(this.runtime.services.store, instance.id, this.runtime.services.clock.now());
    if (!ctx) return notFound();
    const node = lookup(metadataTree(ctx), segments.slice(1));
    if (node === undefined) return notFound();
    if (isDirectory(node)) return text(200, listing(node));
    if (Buffer.isBuffer(node)) return { status: 200, headers: { 'Content-Type': 'application/octet-stream' }, body: node };
    const isJson = segments[1] === 'dynamic' && segments[segments.length - 1] === 'document';
    return isJson ? { status: 200, headers: { 'Content-Type': 'application/json' }, body: node } : text(200, node);
  }

  private token(req: ImdsRequest, method: string, target: ImdsTarget): ImdsResponse {
    if (method !== 'PUT') return text(405, '405 - Method Not Allowed', { Allow: 'PUT' });
    if (header(req, 'x-forwarded-for') !== undefined) return text(403, '403 - Forbidden');
    if (target.instanceId !== undefined || target.bindTokens) {
      this.runtime.backend.applyDue();
      const instance = this.instance(target.instanceId);
      if (instance === 'missing') {
        if (target.bindTokens) return notFound();
      } else if (instance.http_endpoint === 'disabled') {
        return text(403, '403 - Forbidden');
      }
    }
    const ttl = TokenStore.parseTtl(header(req, TTL_HEADER));
    if (ttl === undefined) return text(400, '400 - Bad Request');
    const token = this.tokens.issue(ttl, target.bindTokens ? target.instanceId : undefined);
    return text(200, token, { 'X-Aws-Ec2-Metadata-Token-Ttl-Seconds': String(ttl) });
  }

  private instance(id: string | undefined) {
    if (!id) return 'missing' as const;
    const row = this.runtime.services.store.instances.anyScope(id);
    if (!row || row.state === 'terminated') return 'missing' as const;
    return row;
  }
}

/**
 * The --imds-port instance: `pinned` (--imds-instance), else the X-Ec2lite-Instance-Id header, else the only
 * running instance; undefined when none of these gives one (the request then answers 404).
 */
export function selectImdsInstance(runtime: Runtime, headers: ImdsRequest['headers'], pinned?: string): string | undefined {
  if (pinned) return pinned;
  const h = headers['x-ec2lite-instance-id'];
  const fromHeader = Array.isArray(h) ? h[0] : h;
  if (fromHeader) return fromHeader.trim();
  runtime.backend.applyDue();
  const running = runtime.services.store.instances.runningIds();
  return running.length === 1 ? running[0] : undefined;
}
