/**
 * The EC2 API's fast path: plain HTTP/1.1 requests read straight off the socket, without node:http's request and
 * response objects and streams. Those cost a quarter of the server's CPU per call while V8 has not yet optimized
 * them, i.e. for the whole of a short test suite's run (eni-lifecycle cold: 0.88 -> 0.70 ms of server CPU per
 * call, docs/architecture.md "HTTP layer").
 *
 * Only the common, well-formed case is served here: GET or POST, HTTP/1.1, a Host, at most a Content-Length body
 * (no chunked body, no Expect, no Upgrade), a head under node:http's 16 KB limit, a path that is not Express's.
 * Any other request, and everything after it on that connection, is handed to node:http with the bytes not yet
 * answered, so chunked bodies, 100-continue, HTTP/1.0, malformed heads (400), oversized heads (431) and the admin
 * API behave exactly as before. The answers are node:http's, byte for byte: same status line, header names and
 * order, Date, Connection and Keep-Alive.
 */
import { STATUS_CODES } from 'node:http';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { XML_CONTENT_TYPE } from '../protocol/xmlSerializer';
import type { ApiAnswer, ApiRequest } from './api';

/** node:http's defaults, which the connections it is handed keep too. */
const MAX_HEAD_BYTES = 16 * 1024;
const HEADERS_TIMEOUT_MS = 60_000;
const REQUEST_TIMEOUT_MS = 300_000;

const CRLF_CRLF = Buffer.from('\r\n\r\n');
const REQUEST_LINE = /^(GET|POST) (\/[\x21-\x7e]*) HTTP\/1\.1$/;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
const DIGITS = /^[0-9]{1,15}$/;

/** What the fast path needs of a request's head. */
interface Head {
  method: string;
  url: string;
  contentLength: number;
  contentType: string | undefined;
  contentEncoding: string | undefined;
  authorization: string | undefined;
  /** `Connection: close`: answer, then close. */
  close: boolean;
}

/** Headers that a request may carry once only on the fast path (a repeat goes to node:http and its rules). */
const SINGLE = new Set(['host', 'content-length', 'content-type', 'content-encoding', 'authorization', 'connection']);
/** Headers whose mere presence sends the request to node:http. */
const HANDED_OVER = new Set(['transfer-encoding', 'expect', 'upgrade', 'http2-settings']);

/**
 * The head (without its final CRLF CRLF) when the fast path can serve it; undefined for anything node:http should
 * see (including everything malformed, for node:http's own 400).
 */
export function parseHead(text: string, isOtherPath: (method: string, url: string) => boolean, maxBody: number): Head | undefined {
  const lines = text.split('\r\n');
  const start = REQUEST_LINE.exec(lines[0]);
  if (!start) return undefined;
  const [, method, url] = start;
  if (isOtherPath(method, url)) return undefined;
  const head: Head = { method, url, contentLength: 0, contentType: undefined, contentEncoding: undefined, authorization: undefined, close: false };
  const seen = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    const name = line.slice(0, colon).toLowerCase();
    const value = trimSpacesAndTabs(line.slice(colon + 1));
    if (!TOKEN.test(name) || !FIELD_VALUE.test(value)) return undefined;
    if (HANDED_OVER.has(name)) return undefined;
    if (SINGLE.has(name)) {
      if (seen.has(name)) return undefined;
      seen.add(name);
    }
    switch (name) {
      case 'content-length':
        if (!DIGITS.test(value)) return undefined;
        head.contentLength = Number(value);
        break;
      case 'content-type':
        head.contentType = value;
        break;
      case 'content-encoding':
        head.contentEncoding = value;
        break;
      case 'authorization':
        head.authorization = value;
        break;
      case 'connection': {
        const options = value.toLowerCase().split(',').map((o) => o.trim());
        if (options.includes('upgrade')) return undefined;
        head.close = options.includes('close');
        break;
      }
    }
  }
  // node:http refuses an HTTP/1.1 request without Host (400), and reads an oversized body only to drain it (413).
  if (!seen.has('host') || head.contentLength > maxBody) return undefined;
  return head;
}

const GET = Buffer.from('GET ');
const POST = Buffer.from('POST ');

/** True while the first bytes of a head still being received can begin a GET or POST (node:http refuses others). */
function beginsServedMethod(b: Buffer): boolean {
  const starts = (m: Buffer) => b.compare(m, 0, Math.min(m.length, b.length), 0, Math.min(m.length, b.length)) === 0;
  return starts(GET) || starts(POST);
}

/** Optional whitespace around a header value is spaces and tabs only (String.trim would also take \xa0 and \f). */
function trimSpacesAndTabs(v: string): string {
  let from = 0;
  let to = v.length;
  while (from < to && (v.charCodeAt(from) === 0x20 || v.charCodeAt(from) === 0x09)) from++;
  while (to > from && (v.charCodeAt(to - 1) === 0x20 || v.charCodeAt(to - 1) === 0x09)) to--;
  return from === 0 && to === v.length ? v : v.slice(from, to);
}

/** node:http's Date header: the same text for a whole second. */
let dateSecond = -1;
let dateText = '';
function httpDate(): string {
  const now = Date.now();
  const second = Math.floor(now / 1000);
  if (second !== dateSecond) {
    dateSecond = second;
    dateText = new Date(second * 1000).toUTCString();
  }
  return dateText;
}

/** The answer as node:http writes it for src/server/api.ts's writeHead + end. */
function responseText(a: ApiAnswer, close: boolean, keepAliveSeconds: number): string {
  const connection = close ? 'Connection: close\r\n' : `Connection: keep-alive\r\nKeep-Alive: timeout=${keepAliveSeconds}\r\n`;
  return (
    `HTTP/1.1 ${a.status} ${STATUS_CODES[a.status] ?? 'unknown'}\r\n` +
    `content-type: ${XML_CONTENT_TYPE}\r\ncontent-length: ${Buffer.byteLength(a.body)}\r\n` +
    `x-amzn-requestid: ${a.requestId}\r\nDate: ${httpDate()}\r\n${connection}\r\n${a.body}`
  );
}

export interface ApiConnectionOptions {
  answer: (request: ApiRequest) => ApiAnswer;
  /** Requests node:http serves (the admin API and Express's other routes). */
  isOtherPath: (method: string, url: string) => boolean;
  maxBodyBytes: number;
  keepAliveTimeoutMs: number;
  /** A request's head must arrive within this long of its first byte (node:http's headersTimeout). */
  headersTimeoutMs?: number;
  /** ... and the whole request within this long (node:http's requestTimeout). */
  requestTimeoutMs?: number;
  /** Called when an unexpected error ends a connection. */
  onError: (e: Error) => void;
}

/**
 * Takes over an http.Server's 'connection' event: each new socket is served by the fast path until a request
 * needs node:http, then handed to node:http's own connection listener. Returns the sockets still on the fast path
 * (node:http tracks the others), so a shutdown can close them.
 */
export function serveApiConnections(server: Server, options: ApiConnectionOptions): Set<Socket> | undefined {
  const listeners = server.listeners('connection');
  // node:http registers exactly one listener in its constructor; anything else and the fast path stays out.
  if (listeners.length !== 1) return undefined;
  const nodeHttp = listeners[0] as (socket: Socket) => void;
  server.removeListener('connection', nodeHttp);
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    new ApiConnection(socket, options, (rest) => {
      sockets.delete(socket);
      nodeHttp.call(server, socket);
      // What arrived but was not answered reaches node:http's parser as if just read off the socket.
      if (rest.length > 0) socket.emit('data', rest);
      if (socket.isPaused()) socket.resume();
    }).start(() => sockets.delete(socket));
  });
  return sockets;
}

/** node:http's answers to a request it will not serve, before it closes the connection. */
const BAD_REQUEST = 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n';
const REQUEST_TIMEOUT = 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n';

/**
 * Where the search for the end of a head that spans several pieces stands. Each piece is scanned once, so a head
 * trickling in (down to a byte at a time, or CR LF pieces between others) costs time in proportion to its size.
 */
class HeadScan {
  /** Pieces of the head already scanned, and their bytes. */
  pieces = 0;
  bytes = 0;
  /** How much of CR LF CR LF the last bytes matched. */
  private matched = 0;
  private previous = -1;

  /** Scans one more piece: the offset just past the head's CR LF CR LF, -1 for a bare CR or LF, 0 while open. */
  scan(piece: Buffer): number {
    for (let i = 0; i < piece.length; i++) {
      const b = piece[i];
      if ((this.previous === 0x0d && b !== 0x0a) || (b === 0x0a && this.previous !== 0x0d)) return -1;
      this.matched = b === CRLF_CRLF[this.matched] ? this.matched + 1 : b === 0x0d ? 1 : 0;
      this.previous = b;
      if (this.matched === 4) return this.bytes + i + 1;
    }
    this.pieces++;
    this.bytes += piece.length;
    return 0;
  }
}

/** One connection on the fast path. */
class ApiConnection {
  /** Received and not yet answered. */
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** The head of the request being received, once complete. */
  private head: Head | undefined;
  /** Set while a head spans several pieces. */
  private headScan: HeadScan | undefined;
  private bodyStart = 0;
  private requestStarted = 0n;
  private deadline: NodeJS.Timeout | undefined;
  private deadlineForHead = false;
  /** The keep-alive timer runs only while nothing is half received or waiting to be written (node:http's way). */
  private idleTimerOn = false;
  /** The client has finished sending (its FIN arrived). */
  private ended = false;
  private done = false;
  /** The socket events the fast path listens to while the connection is its own (removed on a hand-over). */
  private readonly listeners: Record<string, (chunk: Buffer) => void> = {
    data: (chunk: Buffer) => this.receive(chunk),
    drain: () => {
      this.socket.resume();
      this.receive(undefined);
    },
    // The client finished sending: what it sent whole is still answered; a request cut short gets node:http's 400.
    end: () => {
      this.ended = true;
      this.receive(undefined);
    },
    timeout: () => this.socket.destroy(),
    error: () => this.socket.destroy(),
  };

  constructor(
    private readonly socket: Socket,
    private readonly options: ApiConnectionOptions,
    private readonly handOver: (rest: Buffer) => void,
  ) {}

  start(onClose: () => void): void {
    const { socket } = this;
    for (const event in this.listeners) socket.on(event, this.listeners[event]);
    socket.once('close', () => {
      this.stopDeadline();
      onClose();
    });
    this.idleTimer(true);
  }

  /** Takes a chunk (none: continue after a drain or the client's end) and answers every request it completes. */
  private receive(chunk: Buffer | undefined): void {
    if (this.done) return;
    if (chunk) {
      if (this.buffered === 0) this.requestStarted = process.hrtime.bigint();
      this.chunks.push(chunk);
      this.buffered += chunk.length;
    }
    try {
      while (this.buffered > 0 && !this.socket.isPaused()) {
        if (!this.head && !this.readHead()) break;
        const head = this.head!;
        const end = this.bodyStart + head.contentLength;
        if (this.buffered < end) break;
        const all = this.joined();
        const body = all.subarray(this.bodyStart, end);
        const rest = all.subarray(end);
        this.head = undefined;
        this.chunks = rest.length > 0 ? [rest] : [];
        this.buffered = rest.length;
        this.stopDeadline();
        const started = this.requestStarted;
        this.requestStarted = process.hrtime.bigint();
        const answer = this.options.answer({ ...head, body, started });
        const text = responseText(answer, head.close, Math.floor(this.options.keepAliveTimeoutMs / 1000));
        if (head.close) return this.finish(text);
        // A client that sends without reading: stop reading until what was written drains (node:http does too).
        if (!this.socket.write(text)) this.socket.pause();
      }
    } catch (e) {
      // Not a client error (those are answered above): a bug. Close this connection, keep the server.
      this.options.onError(e as Error);
      this.done = true;
      this.socket.destroy();
      return;
    }
    if (this.done || this.socket.isPaused()) return this.idleTimer(false); // a drain comes back here
    if (this.ended) return this.finish(this.buffered > 0 ? BAD_REQUEST : '');
    if (this.buffered > 0) this.startDeadline();
    this.idleTimer(this.buffered === 0);
  }

  /** Parses the head once it is complete; false while more is needed. Hands the connection over when it must. */
  private readHead(): boolean {
    if (!this.headScan) {
      // The usual case: the whole head in the first piece.
      const all = this.joined();
      const end = all.indexOf(CRLF_CRLF);
      if (end >= 0) return this.takeHead(all, end);
      if (all.length > MAX_HEAD_BYTES || !beginsServedMethod(all)) return this.toNodeHttp(all);
      // A head in several pieces: from here on each piece is scanned once (this one too, for a bare CR or LF).
      this.headScan = new HeadScan();
      if (this.headScan.scan(all) < 0) return this.toNodeHttp(all);
      return false;
    }
    const scan = this.headScan;
    for (let i = scan.pieces; i < this.chunks.length; i++) {
      const at = scan.scan(this.chunks[i]);
      if (at < 0) return this.toNodeHttp(this.joined());
      if (at > 0) return this.takeHead(this.joined(), at - 4);
    }
    // The method's first bytes are checked while they arrive (node:http answers garbage at once).
    // (a copy of those few bytes: joining the pieces would renumber the ones scanned)
    if (this.buffered > MAX_HEAD_BYTES || (this.buffered <= POST.length && !beginsServedMethod(Buffer.concat(this.chunks)))) {
      return this.toNodeHttp(this.joined());
    }
    return false;
  }

  /** The head ending at `end` (where its CR LF CR LF starts), parsed; false when node:http must serve it. */
  private takeHead(all: Buffer, end: number): boolean {
    this.headScan = undefined;
    const head = end <= MAX_HEAD_BYTES ? parseHead(all.toString('latin1', 0, end), this.options.isOtherPath, this.options.maxBodyBytes) : undefined;
    if (!head) return this.toNodeHttp(all);
    this.head = head;
    this.bodyStart = end + 4;
    return true;
  }

  /**
   * node:http's 408 for a request not received in time (the head within 60 s, the whole request within 300 s of
   * its first byte), then the connection is closed.
   */
  private startDeadline(): void {
    const forHead = this.head === undefined;
    if (this.deadline && this.deadlineForHead === forHead) return;
    this.stopDeadline();
    const elapsedMs = Number((process.hrtime.bigint() - this.requestStarted) / 1_000_000n);
    this.deadlineForHead = forHead;
    this.deadline = setTimeout(
      () => {
        this.deadline = undefined;
        this.finish(REQUEST_TIMEOUT);
      },
      Math.max(0, (forHead ? (this.options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS) : (this.options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS)) - elapsedMs),
    );
    this.deadline.unref();
  }

  private stopDeadline(): void {
    if (this.deadline) clearTimeout(this.deadline);
    this.deadline = undefined;
  }

  private idleTimer(on: boolean): void {
    if (on === this.idleTimerOn) return;
    this.idleTimerOn = on;
    this.socket.setTimeout(on ? this.options.keepAliveTimeoutMs : 0);
  }

  /** Writes a last answer (or nothing), then closes the connection once it is written, as node:http does. */
  private finish(out: string): void {
    this.done = true;
    this.stopDeadline();
    this.idleTimer(false);
    this.chunks = [];
    this.buffered = 0;
    this.socket.end(out, () => this.socket.destroy());
  }

  private joined(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.buffered)];
    return this.chunks[0];
  }

  /** Hands the connection, with `rest` (received, not answered), to node:http. Always false (no head here). */
  private toNodeHttp(rest: Buffer): false {
    this.done = true;
    this.stopDeadline();
    this.idleTimer(false);
    const { socket } = this;
    for (const event in this.listeners) socket.removeListener(event, this.listeners[event]);
    this.chunks = [];
    this.buffered = 0;
    this.handOver(rest);
    return false;
  }
}
