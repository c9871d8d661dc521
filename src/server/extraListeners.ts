/**
 * Optional side services started with the server: the dedicated IMDS listener (--imds-port) and the broadcast
 * document file writer (--broadcast-file).
 */
import type { Config } from '../config';
import type { RunningServer } from './server';

export interface ExtraListeners {
  close(): Promise<void>;
}

export async function startExtraListeners(_server: RunningServer, _config: Config): Promise<ExtraListeners> {
  return { close: async () => undefined };
}
