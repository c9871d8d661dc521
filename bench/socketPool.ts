/**
 * The benchmark client's HTTP/1.1 transport: keep-alive connections written and read directly. node:http's client
 * objects (ClientRequest, the agent, the response stream) cost the cold bench client ~0.5 ms of CPU per call on a
 * 2 GHz core, as much as the server it measures; the same bytes written and parsed here cost a fraction of that,
 * so the figures say more about the server. Answers may be framed by Content-Length, chunked, or by the server
 * closing the connection (moto's server does each, depending on the version), and a `Connection: close` answer
 * retires its connection.
 */
import * as net from 'node:net';
import type { HttpResult } from './http';

interface Pending {
  text: string;
  resolve: (r: HttpResult) => void;
  reject: (e: Error) => void;
}

const CRLF_CRLF = Buffer.from('\r\n\r\n');
const ANSWER_TIMEOUT_MS = 60_000;

/** One answer parsed from the front of `buf`, or undefined while incomplete (`ended`: the server closed). */
export function parseAnswer(buf: Buffer, ended: boolean): { result: HttpResult; used: number; close: boolean } | undefined {
  const headEnd = buf.indexOf(CRLF_CRLF);
  if (headEnd < 0) return undefined;
  const lines = buf.toString('latin1', 0, headEnd).split('\r\n');
  const status = Number(lines[0].split(' ')[1]);
  let length: number | undefined;
  let chunked = false;
  let close = false;
  for (let i = 1; i < lines.length; i++) {
    const colon = lines[i].indexOf(':');
    const name = lines[i].slice(0, colon).trim().toLowerCase();
    const value = lines[i].slice(colon + 1).trim();
    if (name === 'content-length') length = Number(value);
    else if (name === 'transfer-encoding') chunked = value.toLowerCase().includes('chunked');
    else if (name === 'connection') close = value.toLowerCase().includes('close');
  }
  const start = headEnd + 4;
  if (status === 100) return { result: { status, body: '' }, used: start, close: false };
  if (chunked) {
    const parts: Buffer[] = [];
    let at = start;
    for (;;) {
      const lineEnd = buf.indexOf('\r\n', at);
      if (lineEnd < 0) return undefined;
      const size = parseInt(buf.toString('latin1', at, lineEnd), 16);
      if (!(size >= 0)) throw new Error(`malformed chunk size: ${buf.toString('latin1', at, Math.min(lineEnd, at + 40))}`);
      if (size === 0) {
        // the last chunk, then trailers (usually none) up to an empty line
        const trailers = lineEnd + 2;
        const end = buf.indexOf('\r\n', trailers) === trailers ? trailers + 2 : buf.indexOf(CRLF_CRLF, lineEnd) + 4;
        if (end < 4 || buf.length < end) return undefined;
        return { result: { status, body: Buffer.concat(parts).toString('utf8') }, used: end, close };
      }
      if (buf.length < lineEnd + 2 + size + 2) return undefined;
      parts.push(buf.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
  }
  if (length !== undefined) {
    if (buf.length < start + length) return undefined;
    return { result: { status, body: buf.toString('utf8', start, start + length) }, used: start + length, close };
  }
  // No length and not chunked: the body runs to the end of the connection.
  if (!ended) return undefined;
  return { result: { status, body: buf.toString('utf8', start) }, used: buf.length, close: true };
}

/** One keep-alive connection, one request at a time. */
class Connection {
  readonly socket: net.Socket;
  private buf: Buffer = Buffer.alloc(0);
  private current: Pending | undefined;
  closed = false;

  constructor(
    host: string,
    port: number,
    private readonly onIdle: (c: Connection) => void,
    private readonly onGone: (c: Connection) => void,
  ) {
    this.socket = net.connect({ host, port, noDelay: true });
    this.socket.on('data', (d: Buffer) => this.receive(d, false));
    this.socket.on('end', () => this.receive(Buffer.alloc(0), true));
    this.socket.on('error', (e) => this.fail(e));
    this.socket.on('close', () => this.fail(new Error('socket hang up')));
    // A server that stops answering must not hang the bench (the timer restarts with every read and write).
    this.socket.setTimeout(ANSWER_TIMEOUT_MS, () => {
      if (this.current) this.fail(new Error(`no answer within ${ANSWER_TIMEOUT_MS} ms`));
    });
  }

  send(p: Pending): void {
    this.current = p;
    this.socket.write(p.text);
  }

  private receive(d: Buffer, ended: boolean): void {
    this.buf = this.buf.length === 0 ? d : Buffer.concat([this.buf, d]);
    for (;;) {
      if (!this.current) return;
      let answer;
      try {
        answer = parseAnswer(this.buf, ended);
      } catch (e) {
        return this.fail(e as Error);
      }
      if (!answer) {
        if (ended) this.fail(new Error('socket hang up'));
        return;
      }
      this.buf = this.buf.subarray(answer.used);
      if (answer.result.status === 100) continue;
      const p = this.current;
      this.current = undefined;
      if (answer.close || ended) this.retire();
      p.resolve(answer.result);
      if (!this.closed) this.onIdle(this);
      return;
    }
  }

  private retire(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
    this.onGone(this);
  }

  private fail(e: Error): void {
    const p = this.current;
    this.current = undefined;
    this.retire();
    p?.reject(e);
  }
}

/** Up to `maxSockets` keep-alive connections to one loopback server; requests wait in order for a free one. */
export class SocketPool {
  private readonly idle: Connection[] = [];
  private readonly queue: Pending[] = [];
  private readonly all = new Set<Connection>();
  private destroyed = false;

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly maxSockets: number,
  ) {}

  /** Sends a whole request (head and body, as text) and resolves with the answer's status and body text. */
  request(text: string): Promise<HttpResult> {
    if (this.destroyed) return Promise.reject(new Error('the client is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ text, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.destroyed) {
      let c = this.idle.pop();
      if (!c) {
        if (this.all.size >= this.maxSockets) return;
        c = new Connection(
          this.host,
          this.port,
          (free) => {
            this.idle.push(free);
            this.dispatch();
          },
          (gone) => {
            this.all.delete(gone);
            const i = this.idle.indexOf(gone);
            if (i >= 0) this.idle.splice(i, 1);
            this.dispatch();
          },
        );
        this.all.add(c);
      }
      c.send(this.queue.shift()!);
    }
  }

  destroy(): void {
    this.destroyed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('the client is closed'));
    for (const c of this.all) c.socket.destroy();
    this.all.clear();
    this.idle.length = 0;
  }
}
