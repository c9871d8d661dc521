/** Structured logging: one JSON object per line on stdout (stderr for warnings and errors). */
import type { LogLevel } from './config';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  readonly level: LogLevel;
}

/** Whether `log` writes lines of `level` (callers skip building the fields of lines nobody reads). */
export function logs(log: Logger, level: LogLevel): boolean {
  return ORDER[level] >= ORDER[log.level];
}

export function createLogger(level: LogLevel, sink?: (line: string, isError: boolean) => void): Logger {
  const write =
    sink ??
    ((line: string, isError: boolean) => {
      (isError ? process.stderr : process.stdout).write(line + '\n');
    });
  const at = (lvl: LogLevel) => (msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[lvl] < ORDER[level]) return;
    write(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...fields }), ORDER[lvl] >= ORDER.warn);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), level };
}
