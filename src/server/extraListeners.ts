/**
 * Optional side services started with the server: the dedicated IMDS listener (--imds-port, serving one
 * instance's metadata at the root) and the broadcast document file writer (--broadcast-file, the default region's
 * document rewritten atomically whenever its version changes, at most once per --broadcast-interval-ms).
 */
import { BroadcastFileWriter } from '../broadcast/service';
import type { Config } from '../config';
import { ImdsListener, startImdsListener } from '../imds/listener';
import type { RunningServer } from './server';

export interface ExtraListeners {
  /** http://host:port of the --imds-port listener, when started. */
  imdsUrl?: string;
  broadcastWriter?: BroadcastFileWriter;
  close(): Promise<void>;
}

export async function startExtraListeners(server: RunningServer, config: Config): Promise<ExtraListeners> {
  const { runtime } = server;
  const { log } = runtime.services;
  let imds: ImdsListener | undefined;
  if (config.imdsPort !== undefined) {
    try {
      imds = await startImdsListener(runtime, config.imdsPort, config.host, config.imdsInstance);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      throw new Error(`--imds-port: cannot listen on ${config.host}:${config.imdsPort}: ${err.code ?? err.message}`);
    }
  }
  if (imds) log.info('imds listening', { url: imds.url, instance: config.imdsInstance ?? 'header or only running instance' });
  let writer: BroadcastFileWriter | undefined;
  if (config.broadcastFile) {
    writer = new BroadcastFileWriter(runtime, config.broadcastFile, config.region, Math.min(250, Math.max(10, config.tickMs || 100)));
    writer.start();
    log.info('broadcast file', { file: config.broadcastFile, region: config.region, intervalMs: config.broadcastIntervalMs });
  }
  return {
    imdsUrl: imds?.url,
    broadcastWriter: writer,
    async close() {
      writer?.stop();
      await imds?.close();
    },
  };
}
