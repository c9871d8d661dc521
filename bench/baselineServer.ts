/**
 * The baseline: a server that reads the request body and answers every POST with the same DescribeRegions XML,
 * either on bare node:http or on Express 5 with the same body parser and response helpers ec2lite's app uses.
 * `node dist-dev/bench/baselineServer.js node-http|express [port]` prints `listening on http://127.0.0.1:<port>`
 * (port 0, any free one, by default).
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type ExpressNs from 'express';

const XML = 'text/xml;charset=UTF-8';
const REGIONS = ['ap-northeast-1', 'ap-southeast-1', 'eu-central-1', 'eu-west-1', 'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'];

/** About the size of ec2lite's own DescribeRegions answer for the regions above. */
const CONSTANT_BODY =
  '<?xml version="1.0" encoding="UTF-8"?>\n<DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">' +
  '<requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId><regionInfo>' +
  REGIONS.map((r) => `<item><regionName>${r}</regionName><regionEndpoint>ec2.${r}.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>`).join('') +
  '</regionInfo></DescribeRegionsResponse>';

function nodeHttpServer(): http.Server {
  return http.createServer((req, res) => {
    req.on('data', () => undefined);
    req.on('end', () => {
      res.writeHead(200, { 'content-type': XML, 'content-length': Buffer.byteLength(CONSTANT_BODY), 'x-amzn-requestid': '7a62c49f-347e-4fc4-9331-6e8eEXAMPLE' });
      res.end(CONSTANT_BODY);
    });
  });
}

function expressServer(): http.Server {
  // required here, so that the bare node:http server's start-up does not pay for loading Express
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const express = require('express') as typeof ExpressNs;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(express.raw({ type: () => true, limit: 1_048_576 }));
  app.all('/{*path}', (_req, res) => {
    res.status(200).type(XML).set('x-amzn-RequestId', '7a62c49f-347e-4fc4-9331-6e8eEXAMPLE').send(CONSTANT_BODY);
  });
  return http.createServer(app);
}

if (require.main === module) {
  const kind = process.argv[2] ?? 'node-http';
  const server = kind === 'express' ? expressServer() : nodeHttpServer();
  server.keepAliveTimeout = 65_000;
  server.listen(Number(process.argv[3] ?? 0), '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    process.stdout.write(`baseline ${kind} listening on http://127.0.0.1:${port}\n`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
