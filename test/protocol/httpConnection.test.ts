/**
 * The HTTP layer under the API, over raw sockets: the fast path (src/server/apiConnection.ts) answers plain
 * requests exactly as node:http does, in order when pipelined or split into single bytes, and hands any connection
 * whose request it does not serve (admin API, chunked bodies, 100-continue) to node:http without losing a byte.
 */
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { ApiAnswer, ApiRequest } from '../../src/server/api';
import { parseHead, serveApiConnections } from '../../src/server/apiConnection';
import { startTestServer, TestServer } from '../helpers/server';

const BODY = 'Action=DescribeRegions&Version=2016-11-15&RegionName.1=eu-west-1';

function request(extraHeaders = '', body = BODY, path = '/'): string {
  return (
    `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\n${extraHeaders}\r\n${body}`
  );
}

const CHUNKED =
  'POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n' +
  `${Buffer.byteLength(BODY).toString(16)}\r\n${BODY}\r\n0\r\n\r\n`;

interface Reply {
  status: number;
  headers: Array<[string, string]>;
  body: string;
}

/** Splits what a connection received into HTTP responses (Content-Length framed, as every answer here is). */
function replies(raw: Buffer): Reply[] {
  const out: Reply[] = [];
  let at = 0;
  while (at < raw.length) {
    const end = raw.indexOf('\r\n\r\n', at);
    if (end < 0) throw new Error(`incomplete head: ${raw.toString('latin1', at)}`);
    const lines = raw.toString('latin1', at, end).split('\r\n');
    const status = Number(lines[0].split(' ')[1]);
    const headers = lines.slice(1).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()] as [string, string]);
    const length = Number(headers.find(([k]) => k.toLowerCase() === 'content-length')?.[1] ?? 0);
    out.push({ status, headers, body: raw.toString('utf8', end + 4, end + 4 + length) });
    at = end + 4 + length;
  }
  return out;
}

/**
 * Writes the pieces (a pause between them), then collects everything until the server closes or goes quiet.
 * `readLate`: read nothing until everything is sent, so the server's writes back up.
 */
function exchange(port: number, pieces: string[], quietMs = 300, readLate = false): Promise<{ raw: Buffer; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const got: Buffer[] = [];
    let timer: NodeJS.Timeout | undefined;
    const done = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ raw: Buffer.concat(got), closed });
    };
    const quiet = () => {
      clearTimeout(timer);
      timer = setTimeout(() => done(false), quietMs);
    };
    socket.on('data', (d) => {
      got.push(d);
      quiet();
    });
    socket.on('end', () => done(true));
    socket.on('error', reject);
    if (readLate) socket.pause();
    socket.on('connect', async () => {
      for (const piece of pieces) {
        socket.write(piece);
        await new Promise((r) => setTimeout(r, 5));
      }
      if (readLate) await new Promise((r) => setTimeout(r, 200));
      socket.resume();
      quiet();
    });
  });
}

const requestIdOf = (r: Reply) => /<requestId>([^<]+)<\/requestId>/.exec(r.body)?.[1];
const header = (r: Reply, name: string) => r.headers.find(([k]) => k.toLowerCase() === name)?.[1];

describe('the API fast path on a real server', () => {
  let t: TestServer;
  let port: number;
  beforeAll(async () => {
    t = await startTestServer();
    port = t.server.port;
  });
  afterAll(() => t.close());

  it('answers pipelined requests in order, each with its own request id, and closes after Connection: close', async () => {
    const { raw, closed } = await exchange(port, [request() + request() + request('Connection: close\r\n')]);
    const rs = replies(raw);
    expect(rs.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(rs.map((r) => /<regionName>([^<]+)</.exec(r.body)?.[1])).toEqual(['eu-west-1', 'eu-west-1', 'eu-west-1']);
    for (const r of rs) expect(header(r, 'x-amzn-requestid')).toBe(requestIdOf(r));
    expect(new Set(rs.map(requestIdOf)).size).toBe(3);
    expect(rs.map((r) => header(r, 'connection'))).toEqual(['keep-alive', 'keep-alive', 'close']);
    expect(closed).toBe(true);
  });

  it('answers a request that arrives one byte at a time', async () => {
    const { raw, closed } = await exchange(port, [...request()].map((c) => c));
    const [r, ...more] = replies(raw);
    expect(more).toEqual([]);
    expect(r.status).toBe(200);
    expect(r.body).toContain('<regionName>eu-west-1</regionName>');
    expect(closed).toBe(false);
  });

  it('reads a head that arrives in many pieces, line breaks apart from the rest', async () => {
    const pieces = ['POST / HTTP/1.1', '\r\n', 'Host: x', '\r\n'];
    for (let i = 0; i < 100; i++) pieces.push(`X-H${i}: ${'v'.repeat(20)}`, '\r\n');
    pieces.push(`Content-Length: ${BODY.length}`, '\r', '\n', '\r', `\n${BODY}`);
    const rs = replies((await exchange(port, pieces)).raw);
    expect(rs.map((r) => [r.status, /<regionName>([^<]+)</.exec(r.body)?.[1]])).toEqual([[200, 'eu-west-1']]);
  });

  it('writes the same head as node:http: names, order, Date, Connection and Keep-Alive', async () => {
    // the chunked request is handed to node:http; the plain one after it is then answered by node:http too,
    // so compare a fresh connection's fast answer with a node:http answer of the same request
    const fast = replies((await exchange(port, [request()])).raw)[0];
    const viaNode = replies((await exchange(port, [CHUNKED])).raw)[0];
    const shape = (r: Reply) => r.headers.map(([k, v]) => [k, k === 'x-amzn-requestid' || k === 'Date' ? typeof v : v]);
    expect(shape(fast)).toEqual(shape(viaNode));
    expect(fast.headers.map(([k]) => k)).toEqual(['content-type', 'content-length', 'x-amzn-requestid', 'Date', 'Connection', 'Keep-Alive']);
    expect(header(fast, 'keep-alive')).toBe('timeout=65');
    expect(header(fast, 'date')).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect(fast.body.replace(requestIdOf(fast)!, 'ID')).toBe(viaNode.body.replace(requestIdOf(viaNode)!, 'ID'));
  });

  it('hands the connection to node:http for the admin API and keeps answering EC2 calls after it', async () => {
    const admin = 'GET /_ec2lite/backend HTTP/1.1\r\nHost: localhost\r\n\r\n';
    const { raw } = await exchange(port, [request() + admin + request()]);
    const rs = replies(raw);
    expect(rs.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(header(rs[1], 'content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(rs[1].body)).toHaveProperty('paused');
    expect(rs[2].body).toContain('<regionName>eu-west-1</regionName>');
  });

  it('hands over chunked bodies and 100-continue, with the requests before them answered first', async () => {
    const { raw } = await exchange(port, [request() + CHUNKED, request('Expect: 100-continue\r\n')]);
    const text = raw.toString('latin1');
    expect(text.match(/HTTP\/1\.1 \d+ [^\r]*/g)).toEqual(['HTTP/1.1 200 OK', 'HTTP/1.1 200 OK', 'HTTP/1.1 100 Continue', 'HTTP/1.1 200 OK']);
    expect(text.match(/<regionName>eu-west-1<\/regionName>/g)).toHaveLength(3);
  });

  it("leaves what it cannot serve to node:http's own answers (431, 400, 413)", async () => {
    const big = replies((await exchange(port, [request(`X-Big: ${'a'.repeat(20_000)}\r\n`)])).raw);
    expect(big.map((r) => r.status)).toEqual([431]);
    const noHost = await exchange(port, ['POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n']);
    expect(noHost.raw.toString()).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(noHost.closed).toBe(true);
    const garbageAfter = await exchange(port, [`${request()}@@@\r\n\r\n`]);
    expect(replies(garbageAfter.raw).map((r) => r.status)).toEqual([200, 400]);
    const tooLarge = replies((await exchange(port, [request('', `Action=DescribeRegions&X=${'a'.repeat(1_100_000)}`)])).raw);
    expect(tooLarge.map((r) => [r.status, /<Code>([^<]+)/.exec(r.body)?.[1]])).toEqual([[413, 'RequestEntityTooLarge']]);
  });
});

describe('the fast path alone (an answer function of our own)', () => {
  let server: http.Server;
  let port: number;
  const errors: Error[] = [];
  let answer: (r: ApiRequest) => ApiAnswer;
  const seen: ApiRequest[] = [];
  let fastSockets: Set<net.Socket> | undefined;

  beforeAll(async () => {
    server = http.createServer((_req, res) => res.end('node:http'));
    fastSockets = serveApiConnections(server, {
      answer: (r) => answer(r),
      isOtherPath: (_m, url) => url.startsWith('/other'),
      maxBodyBytes: 1000,
      keepAliveTimeoutMs: 300,
      headersTimeoutMs: 150,
      requestTimeoutMs: 1_500,
      onError: (e) => errors.push(e),
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  beforeEach(() => {
    seen.length = 0;
    answer = (r) => {
      seen.push(r);
      return { status: 200, requestId: 'rid', body: 'ok' };
    };
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('passes the request as read: method, target, the three headers the API reads, the body', async () => {
    await exchange(port, [request('Content-Encoding: identity\r\nAuthorization: AWS4-HMAC-SHA256 Credential=x\r\n', 'A=1', '/p?q=1')]);
    expect(seen.map(({ started, ...r }) => ({ ...r, body: r.body?.toString(), started: typeof started }))).toEqual([
      {
        method: 'POST',
        url: '/p?q=1',
        contentLength: 3,
        contentType: 'application/x-www-form-urlencoded',
        contentEncoding: 'identity',
        authorization: 'AWS4-HMAC-SHA256 Credential=x',
        close: false,
        body: 'A=1',
        started: 'bigint',
      },
    ]);
  });

  it('answers 408 and closes when a head does not arrive in time; a body, when the request does not', async () => {
    const head = await exchange(port, ['POST / HTTP/1.1\r\nHost: x\r\n'], 1000);
    expect(head.raw.toString()).toBe('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
    expect(head.closed).toBe(true);
    const body = await exchange(port, [request().slice(0, -3)], 2500);
    expect(body.raw.toString()).toBe('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
    expect(seen).toEqual([]);
  });

  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    const r = await exchange(port, [request()], 1000);
    expect(replies(r.raw).map((x) => x.status)).toEqual([200]);
    expect(r.closed).toBe(true);
  });

  it('a failing answer function ends that connection only, and says so', async () => {
    answer = () => {
      throw new Error('boom');
    };
    const broken = await exchange(port, [request()]);
    expect(broken.raw.length).toBe(0);
    expect(errors.map((e) => e.message)).toEqual(['boom']);
    answer = () => ({ status: 200, requestId: 'rid', body: 'fine' });
    expect(replies((await exchange(port, [request()])).raw).map((r) => r.body)).toEqual(['fine']);
  });

  it('keeps answering in order when the client reads nothing until it has sent everything', async () => {
    answer = (r) => ({ status: 200, requestId: 'rid', body: `${r.body?.toString()}:${'x'.repeat(200_000)}` });
    const many = Array.from({ length: 40 }, (_, i) => request('', `n=${i}`)).join('');
    const rs = replies((await exchange(port, [many], 500, true)).raw);
    expect(rs.map((r) => r.body.split(':')[0])).toEqual(Array.from({ length: 40 }, (_, i) => `n=${i}`));
  });

  it("a request cut short by the client's end of the connection gets node:http's 400; a whole one its answer", async () => {
    const cut = (text: string) =>
      new Promise<string>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.end(text));
        const got: Buffer[] = [];
        socket.on('data', (d) => got.push(d));
        socket.on('close', () => resolve(Buffer.concat(got).toString()));
      });
    expect(await cut(request().slice(0, -2))).toBe('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    expect(await cut('POST / HT')).toBe('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    expect(replies(Buffer.from(await cut(request()))).map((r) => r.body)).toEqual(['ok']);
  });

  it('answers every whole request a client sent before its end, even while its writes wait for the client to read', async () => {
    answer = (r) => ({ status: 200, requestId: 'rid', body: `${r.url}:${'x'.repeat(300_000)}` });
    const raw = await new Promise<Buffer>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.pause();
      const got: Buffer[] = [];
      socket.on('data', (d) => got.push(d));
      socket.on('close', () => resolve(Buffer.concat(got)));
      socket.on('connect', () => {
        socket.end(Array.from({ length: 20 }, (_, i) => `GET /${i} HTTP/1.1\r\nHost: x\r\n\r\n`).join(''));
        setTimeout(() => socket.resume(), 200);
      });
    });
    expect(replies(raw).map((r) => `${r.status} ${r.body.split(':')[0]}`)).toEqual(Array.from({ length: 20 }, (_, i) => `200 /${i}`));
  });

  it('hands a bare CR that arrives in a later piece to node:http (400)', async () => {
    const { raw, closed } = await exchange(port, ['POST / HTTP/1.1\r', 'X', 'Host: x\r\n\r\n']);
    expect(raw.toString()).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(closed).toBe(true);
    expect(seen).toEqual([]);
  });

  it('closes its side for good after a last answer, even for a client that keeps its own side open', async () => {
    const closedByServer = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true });
      socket.on('data', () => undefined);
      socket.on('connect', () => socket.write(request('Connection: close\r\n')));
      socket.on('end', () => setTimeout(() => resolve(fastSockets!.size === 0), 100));
    });
    expect(closedByServer).toBe(true);
  });

  it('lets a slow body take longer than the keep-alive timeout, within the request timeout', async () => {
    const text = request('', 'A=1&B=2&C=3');
    const slow = [text.slice(0, -8), text.slice(-8, -4), text.slice(-4)];
    const r = await new Promise<Buffer>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      const got: Buffer[] = [];
      socket.on('data', (d) => {
        got.push(d);
        socket.end();
      });
      socket.on('close', () => resolve(Buffer.concat(got)));
      socket.on('connect', async () => {
        for (const piece of slow) {
          socket.write(piece);
          await new Promise((w) => setTimeout(w, 220)); // 440 ms in all: past 300, well short of 1,500
        }
      });
    });
    expect(replies(r).map((x) => x.status)).toEqual([200]);
    expect(seen.map((x) => x.body?.toString())).toEqual(['A=1&B=2&C=3']);
  });

  it('a path for node:http goes there', async () => {
    const rs = replies((await exchange(port, [request('', 'A=1', '/other')])).raw);
    expect(rs.map((r) => r.body)).toEqual(['node:http']);
    expect(seen).toEqual([]);
  });
});

describe('parseHead', () => {
  const parse = (head: string) => parseHead(head, () => false, 1000);
  it.each([
    ['HTTP/1.0', 'POST / HTTP/1.0\r\nHost: x'],
    ['no Host', 'POST / HTTP/1.1\r\nContent-Length: 1'],
    ['two Content-Length', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 1'],
    ['a Content-Length that is not a number', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1x'],
    ['a body over the limit', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1001'],
    ['Transfer-Encoding', 'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked'],
    ['Expect', 'POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue'],
    ['Upgrade', 'GET / HTTP/1.1\r\nHost: x\r\nConnection: upgrade\r\nUpgrade: websocket'],
    ['a folded header', 'POST / HTTP/1.1\r\nHost: x\r\nX-A: b\r\n c'],
    ['a control character', 'POST / HTTP/1.1\r\nHost: x\r\nX-A: b\x01'],
    ['HEAD', 'HEAD / HTTP/1.1\r\nHost: x'],
    ['an absolute target', 'POST http://x/ HTTP/1.1\r\nHost: x'],
  ])('%s: left to node:http', (_label, head) => {
    expect(parse(head)).toBeUndefined();
  });

  it('reads what the API needs, header names in any case', () => {
    expect(parse('GET /?Action=X HTTP/1.1\r\nhOsT: x\r\nCONTENT-TYPE: text/plain\r\nconnection: keep-alive, Close\r\ncontent-length: 12')).toEqual({
      method: 'GET',
      url: '/?Action=X',
      contentLength: 12,
      contentType: 'text/plain',
      contentEncoding: undefined,
      authorization: undefined,
      close: true,
    });
  });
});
