/**
 * Starts the HTTP server for a Runtime and shuts it down cleanly (connections closed, back end stopped,
 * database checkpointed and closed).
 */
import type { AddressInfo } from 'node:net';
import * as http from 'node:http';
import { Runtime } from '../core/runtime';
import { isExpressPath, requestListener } from './app';
import { apiAnswerer } from './api';
import { serveApiConnections } from './apiConnection';

export interface RunningServer {
  runtime: Runtime;
  server: http.Server;
  /** http://host:port */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Idle keep-alive connections are closed after this long (node:http's header says so too). */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export async function listen(runtime: Runtime, port: number, host: string): Promise<RunningServer> {
  const server = http.createServer(requestListener(runtime));
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // Plain API requests skip node:http's objects; it still serves what the fast path hands over (apiConnection.ts).
  const fastSockets = serveApiConnections(server, {
    answer: apiAnswerer(runtime),
    isOtherPath: isExpressPath,
    maxBodyBytes: runtime.config.maxBodyBytes,
    keepAliveTimeoutMs: KEEP_ALIVE_TIMEOUT_MS,
    onError: (e) => runtime.services.log.error('internal error', { error: e.stack }),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  runtime.backend.start();
  // Once the port answers: read the catalogs in the next turn of the event loop, so the first answer is not
  // delayed and the first RunInstances does not pay ~60 ms for them.
  setImmediate(() => {
    runtime.services.instanceTypes.preload();
    runtime.services.images.preload();
  });
  let closing: Promise<void> | undefined;
  return {
    runtime,
    server,
    port: address.port,
    url: `http://${shownHost === '0.0.0.0' ? '127.0.0.1' : shownHost}:${address.port}`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        runtime.backend.stop();
        server.close(() => {
          runtime.close();
          resolve();
        });
        server.closeAllConnections();
        for (const socket of fastSockets ?? []) socket.destroy();
      });
      return closing;
    },
  };
}
