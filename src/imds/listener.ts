/**
 * `--imds-port`: a listener that serves one instance's metadata at its root, as 169.254.169.254 does, so
 * `AWS_EC2_METADATA_SERVICE_ENDPOINT=http://127.0.0.1:<port>` works with any SDK unchanged. The instance is
 * --imds-instance, else the X-Ec2lite-Instance-Id header, else the only running instance, else every metadata
 * request answers 404. Tokens PUT here are accepted by every instance.
 * See docs/decisions.md "IMDS tokens and instance selection".
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Runtime } from '../core/runtime';
import { selectImdsInstance } from './handler';

export interface ImdsListener {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startImdsListener(runtime: Runtime, port: number, host: string, pinnedInstance?: string): Promise<ImdsListener> {
  const imds = runtime.imds;
  const server = http.createServer((req, res) => {
    req.resume(); // a body (there should be none) is ignored
    try {
      const instanceId = selectImdsInstance(runtime, req.headers, pinnedInstance);
      const out = imds.handle({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers }, { instanceId, bindTokens: false });
      const body = typeof out.body === 'string' ? Buffer.from(out.body, 'utf8') : out.body;
      res.writeHead(out.status, { ...out.headers, 'Content-Length': String(body.length) });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      runtime.services.log.error('imds internal error', { path: req.url, error: (e as Error).stack });
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('500 - Internal Server Error');
    }
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
