/**
 * The bench's own HTTP client (bench/socketPool.ts) frames answers the three ways servers do: by Content-Length,
 * chunked, and to the end of the connection (moto's server uses each, depending on its version). A framing slip
 * would mis-assign answers to calls and make the bench's end-state checks meaningless.
 */
import { parseAnswer } from '../../bench/socketPool';

const b = (s: string) => Buffer.from(s, 'latin1');

test('Content-Length: waits for the whole body, then leaves the next answer in place', () => {
  const two = 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloHTTP/1.1 400 Bad Request\r\ncontent-length: 3\r\nConnection: close\r\n\r\nbad';
  expect(parseAnswer(b(two.slice(0, 40)), false)).toBeUndefined();
  const first = parseAnswer(b(two), false)!;
  expect(first).toEqual({ result: { status: 200, body: 'hello' }, used: 43, close: false });
  expect(parseAnswer(b(two).subarray(first.used), false)).toEqual({ result: { status: 400, body: 'bad' }, used: two.length - first.used, close: true });
});

test('chunked, with and without trailers, only once the last chunk and the empty line are in', () => {
  const plain = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n';
  for (let cut = 40; cut < plain.length; cut++) expect(parseAnswer(b(plain.slice(0, cut)), false)).toBeUndefined();
  expect(parseAnswer(b(plain), false)).toEqual({ result: { status: 200, body: 'hello world' }, used: plain.length, close: false });
  const trailers = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\nX-Trailer: 1\r\n\r\nNEXT';
  expect(parseAnswer(b(trailers), false)).toEqual({ result: { status: 200, body: 'ok' }, used: trailers.length - 4, close: false });
});

test('neither: the body runs to the end of the connection, which is then retired', () => {
  const text = 'HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n\r\n<a>é</a>';
  expect(parseAnswer(Buffer.from(text), false)).toBeUndefined();
  expect(parseAnswer(Buffer.from(text), true)).toEqual({ result: { status: 200, body: '<a>é</a>' }, used: Buffer.byteLength(text), close: true });
});
