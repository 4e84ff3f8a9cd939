import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { lingerAfterAnswer } from '@/lib/lingering-close';

const MB = 1024 * 1024;
let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server that answers 413 at once, its body unread, holding a reader on it as Next.js does. */
async function refusingServer(limits?: { ms: number; bytes: number }): Promise<number> {
  server = createServer((request, response) => {
    lingerAfterAnswer(request, response, limits);
    void request[Symbol.asyncIterator]()
      .next()
      .catch(() => undefined);
    response.writeHead(413, { 'content-type': 'application/json' }).end('{"error":{"code":"payload_too_large"}}');
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

interface Seen {
  text: string;
  error: string | null;
  written: number;
  closedAfterMs: number;
}

/** Declares 50 MB, writes `sendMb` (Infinity: until cut) in 1 MB writes, reads only after `readAfterMs`. */
function client(port: number, sendMb: number, readAfterMs: number): Promise<Seen> {
  return new Promise((resolve) => {
    const started = Date.now();
    const seen: Seen = { text: '', error: null, written: 0, closedAfterMs: 0 };
    const socket = connect({ host: '127.0.0.1', port });
    socket.pause();
    socket.on('data', (chunk: Buffer) => (seen.text += chunk.toString('utf8')));
    socket.on('error', (error: NodeJS.ErrnoException) => (seen.error ??= error.code ?? error.message));
    socket.on('close', () => {
      seen.closedAfterMs = Date.now() - started;
      resolve(seen);
    });
    socket.write(`POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${50 * MB}\r\n\r\n`);
    const chunk = Buffer.alloc(MB, 0x20);
    const pump = () => {
      while (!socket.destroyed && seen.written < sendMb * MB) {
        seen.written += MB;
        if (!socket.write(chunk)) return void socket.once('drain', pump);
      }
    };
    pump();
    setTimeout(() => {
      socket.resume();
      setTimeout(() => socket.destroy(), 300);
    }, readAfterMs);
  });
}

describe('lingerAfterAnswer', () => {
  it('a client that writes 40 MB before it reads still finds its 413, with no reset', async () => {
    const seen = await client(await refusingServer(), 40, 2_000);
    expect(seen.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(seen.text).toContain('payload_too_large');
    expect(seen.error).toBeNull();
  });

  it('cuts a client that goes on sending past the byte limit', async () => {
    const seen = await client(await refusingServer({ ms: 30_000, bytes: 4 * MB }), Infinity, 60_000);
    expect(seen.error).not.toBeNull();
    expect(seen.closedAfterMs).toBeLessThan(10_000);
  });

  it('cuts a client that goes on sending past the time limit', async () => {
    const port = await refusingServer({ ms: 300, bytes: 1024 * MB });
    const seen = await new Promise<{ error: string | null; ms: number }>((resolve) => {
      const started = Date.now();
      let error: string | null = null;
      const socket = connect({ host: '127.0.0.1', port });
      socket.on('error', (failure: NodeJS.ErrnoException) => (error ??= failure.code ?? failure.message));
      socket.on('close', () => {
        clearInterval(trickle);
        resolve({ error, ms: Date.now() - started });
      });
      socket.write(`POST / HTTP/1.1\r\nHost: x\r\nContent-Length: ${MB}\r\n\r\n`);
      const trickle = setInterval(() => !socket.destroyed && socket.write('x'), 20);
    });
    expect(seen.ms).toBeGreaterThanOrEqual(300);
    expect(seen.ms).toBeLessThan(5_000);
  });

  it('leaves a request whose body was read in full alone', async () => {
    server = createServer((request, response) => {
      lingerAfterAnswer(request, response);
      request.resume();
      request.on('end', () => response.end('ok'));
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const answer = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: 'small' });
    expect(await answer.text()).toBe('ok');
    expect((await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: 'again' })).status).toBe(200);
  });
});
