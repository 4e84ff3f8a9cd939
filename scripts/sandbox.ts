/**
 * `npm run sandbox`: serves the Iamport sandbox over HTTP on SANDBOX_HOST:SANDBOX_PORT, state in memory.
 * Run with `node --conditions=react-server --import tsx` so `server-only` resolves to its server build.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { getEnv } from '../lib/env';
import { createSandbox } from '../lib/iamport/sandbox';

const env = getEnv();
const sandbox = createSandbox({ notFoundStatus: env.SANDBOX_NOT_FOUND_STATUS, slowMs: env.SANDBOX_SLOW_MS });

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** IncomingMessage → Request; the signal aborts when the client goes away before the answer. */
async function toRequest(req: IncomingMessage, res: ServerResponse): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
  return new Request(`http://${req.headers.host ?? `${env.SANDBOX_HOST}:${env.SANDBOX_PORT}`}${req.url ?? '/'}`, {
    method,
    headers,
    body: body && body.length > 0 ? new Uint8Array(body) : undefined,
    signal: controller.signal,
  });
}

/** Streams the Response back; a body stream that errors destroys the socket, as a dropped connection would. */
async function send(response: Response, res: ServerResponse): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // Wait for each chunk to reach the socket, so a later failure cuts the body after it.
      await new Promise<void>((resolve, reject) => res.write(value, (error) => (error ? reject(error) : resolve())));
    }
    res.end();
  } catch {
    res.socket?.destroy();
    res.destroy();
  }
}

const server = createServer((req, res) => {
  toRequest(req, res)
    .then((request) => sandbox.fetch(request))
    .then((response) => send(response, res))
    .catch(() => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ code: -1, message: 'Internal Server Error', response: null }));
      } else {
        res.destroy();
      }
    });
});

server.listen(env.SANDBOX_PORT, env.SANDBOX_HOST, () => {
  console.log(`Iamport sandbox listening on http://${env.SANDBOX_HOST}:${env.SANDBOX_PORT}`);
});

function shutdown(): void {
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
