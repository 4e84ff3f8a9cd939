import http from 'node:http';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { CARDS, uniqueUid } from './cards';
import { E2E } from './ports';

/**
 * Oversized bodies (issue 10, finding 3): 20 concurrent 50 MB bodies, half with a Content-Length
 * and half chunked, against sign-in, issuance (signed in) and sign-up. Each is refused with 413 in
 * the Korean envelope long before 50 MB are sent, /api/health answers throughout, and an issuance
 * right after succeeds. Raw node:http, since a browser context would buffer the body first.
 */
// A phone agent's signed-in session (e2e/auth.setup.ts), for the issuance route and the one after.
test.use({ storageState: E2E.storageState('agent') });

const MB = 1024 * 1024;
const BODY = 50 * MB;
const url = new URL(E2E.sandboxAppUrl);

/** The agent's session cookie for the sandbox-mode app (e2e/auth.setup.ts). */
function agentCookie(): string {
  const state = JSON.parse(readFileSync(E2E.storageState('agent'), 'utf8')) as {
    cookies: { name: string; value: string; domain: string }[];
  };
  return state.cookies
    .filter((cookie) => cookie.domain === url.hostname)
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .join('; ');
}

interface Outcome {
  path: string;
  chunked: boolean;
  status: number | null;
  body: string;
  sent: number;
  error: string | null;
}

/** Sends up to 50 MB in 1 MB writes, stopping as soon as an answer arrives. */
function flood(path: string, chunked: boolean, cookie: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const outcome: Outcome = { path, chunked, status: null, body: '', sent: 0, error: null };
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      request.destroy();
      resolve(outcome);
    };
    const headers: Record<string, string> = { 'content-type': 'application/json', cookie };
    if (!chunked) headers['content-length'] = String(BODY);
    const request = http.request({ host: url.hostname, port: url.port, path, method: 'POST', headers, agent: false });
    const chunk = Buffer.alloc(MB, 0x20);
    request.on('response', (response) => {
      outcome.status = response.statusCode ?? null;
      response.setEncoding('utf8');
      response.on('data', (text: string) => (outcome.body += text));
      response.on('end', finish);
      response.on('error', finish);
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      outcome.error = error.code ?? error.message;
      // A write may fail once the server has dropped the connection; the answer may still be read.
      setTimeout(finish, 500);
    });
    const pump = () => {
      while (!done && outcome.status === null && outcome.sent < BODY) {
        outcome.sent += MB;
        if (!request.write(chunk)) return void request.once('drain', pump);
      }
      if (outcome.sent >= BODY && outcome.status === null) request.end();
    };
    pump();
    const timer = setTimeout(() => {
      outcome.error ??= 'timeout';
      finish();
    }, 30_000);
  });
}

test('[API] 20 concurrent 50 MB bodies get 413 while /api/health answers, and an issuance right after succeeds', async ({
  request,
}) => {
  test.setTimeout(90_000);
  const cookie = agentCookie();
  expect(cookie).toContain('bk.session_token=');

  const health: { status: number | string; ms: number }[] = [];
  let flooding = true;
  const poller = (async () => {
    while (flooding || health.length < 3) {
      const started = Date.now();
      try {
        const answer = await fetch(`${E2E.sandboxAppUrl}/api/health`, { signal: AbortSignal.timeout(10_000) });
        health.push({ status: answer.status, ms: Date.now() - started });
      } catch (error) {
        health.push({ status: String((error as Error).name), ms: Date.now() - started });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();

  const paths = ['/api/auth/sign-in/email', '/api/billing-keys', '/api/auth/sign-up/email'];
  const outcomes = await Promise.all(
    Array.from({ length: 20 }, (_, i) => flood(paths[i % paths.length]!, i % 2 === 0, cookie)),
  );
  flooding = false;
  await poller;

  for (const outcome of outcomes) {
    const summary = `${outcome.path} ${outcome.chunked ? 'chunked' : 'Content-Length'}: ${outcome.status} ${outcome.error ?? ''} ${outcome.body.slice(0, 120)}`;
    expect(outcome.status, summary).toBe(413);
    const body = JSON.parse(outcome.body) as { error: { code: string; message: string } };
    expect(body.error.code, summary).toBe('payload_too_large');
    expect(body.error.message, summary).toMatch(/너무 큽니다/);
    // Refused long before the end: what was sent is what the sockets' buffers took in the meantime.
    expect(outcome.sent, summary).toBeLessThan(BODY / 2);
  }
  expect(health.length).toBeGreaterThanOrEqual(3);
  expect(health.filter((probe) => probe.status !== 200)).toEqual([]);

  const issued = await request.post('/api/billing-keys', {
    data: {
      customer_uid: uniqueUid('after-flood'),
      pg: 'nice.nictest04m',
      card_number: CARDS.kbCheck,
      expiry: '2030-12',
      birth: '880101',
      pwd_2digit: '12',
    },
  });
  expect(issued.status()).toBe(201);
});

/**
 * A client busy elsewhere reads its answer late: it sends 40 MB with a Content-Length, reads
 * nothing for 8 s, then reads. The server answered 413 at once; it must not reset the connection
 * while the client has not read that answer yet (a reset throws away what the client had not
 * read: EPIPE and no answer, the flaky run of the 20-body test under load).
 */
test('[API] a client that reads its 413 eight seconds late still gets it', async () => {
  test.setTimeout(60_000);
  const net = await import('node:net');
  const SENT = 40 * MB;
  const answer = await new Promise<{ text: string; error: string | null }>((resolve) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port) });
    let text = '';
    let error: string | null = null;
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    socket.on('error', (failure: NodeJS.ErrnoException) => (error ??= failure.code ?? failure.message));
    socket.on('close', () => resolve({ text, error }));
    socket.pause();
    socket.write(
      `POST /api/auth/sign-up/email HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${BODY}\r\n\r\n`,
    );
    const chunk = Buffer.alloc(MB, 0x20);
    let written = 0;
    const pump = () => {
      while (written < SENT) {
        written += MB;
        if (!socket.write(chunk)) return void socket.once('drain', pump);
      }
    };
    pump();
    setTimeout(() => {
      socket.resume();
      // Read what arrived, then hang up as a client that has its answer does.
      setTimeout(() => socket.destroy(), 1_000);
    }, 8_000);
  });
  expect(answer.text, `error: ${answer.error}`).toMatch(/^HTTP\/1\.1 413 /);
  expect(answer.text).toContain('payload_too_large');
  // Nor did its writes fail: a reset makes a client that writes before it reads lose the answer.
  expect(answer.error).toBeNull();
});
