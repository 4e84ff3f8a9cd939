import 'server-only';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Sandbox } from './types';

export interface ServeOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
}

export interface ServedSandbox {
  server: Server;
  /** e.g. `http://127.0.0.1:4010`: the base URL to give an Iamport client. */
  url: string;
  port: number;
  /** Stops listening and cuts open connections. */
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** IncomingMessage → Request; the signal aborts when the client goes away before the answer. */
async function toRequest(req: IncomingMessage, res: ServerResponse, fallbackHost: string): Promise<Request> {
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
  return new Request(`http://${req.headers.host ?? fallbackHost}${req.url ?? '/'}`, {
    method,
    headers,
    body: body && body.length > 0 ? new Uint8Array(body) : undefined,
    signal: controller.signal,
  });
}

/**
 * Streams the Response back. A body stream that errors (the `connection_drop` card and fault) destroys
 * the socket after the part already sent, so a real HTTP client sees the connection break mid-response.
 */
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

/** Serves a sandbox over real HTTP (`npm run sandbox`, and tests that drive it with HTTP clients). */
export function serveSandbox(sandbox: Pick<Sandbox, 'fetch'>, options: ServeOptions = {}): Promise<ServedSandbox> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    toRequest(req, res, `${host}:${(server.address() as AddressInfo | null)?.port ?? 0}`)
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
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      const urlHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        server,
        url: `http://${urlHost}:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
