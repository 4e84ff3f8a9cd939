import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '@/lib/audit';
import { authUsers } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import type { RequestContext } from '@/lib/model/staff';
import { testEngines } from '@/lib/testing/db';
import { uniqueUid, useCaseSuite } from '@/lib/testing/use-cases';
import { sendLink, webhookSignature } from './delivery';
import { createLink } from './links';

const SECRET = 'webhook-secret-0123456789';
const ORIGIN = 'https://pay.example.test';

interface Received {
  signatureValid: boolean;
  body: Record<string, unknown>;
}

/** The merchant's messaging gateway: checks the HMAC like a real receiver; fails the first `failFirst` calls. */
function receiver(failFirst: number) {
  const received: Received[] = [];
  let calls = 0;
  const server: Server = createServer((request: IncomingMessage, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    request.on('end', () => {
      calls += 1;
      const timestamp = String(request.headers['x-timestamp'] ?? '');
      const expected = `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${raw}`).digest('hex')}`;
      const given = String(request.headers['x-signature'] ?? '');
      const signatureValid =
        given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
      received.push({ signatureValid, body: JSON.parse(raw) as Record<string, unknown> });
      response.statusCode = calls <= failFirst ? 503 : signatureValid ? 200 : 401;
      response.end();
    });
  });
  return {
    received,
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`)),
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A real SMTP server on a free port; keeps every message as it arrived. */
function smtpServer() {
  const messages: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        messages.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw });
        callback();
      });
    },
  });
  return {
    messages,
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`),
        ),
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(testEngines())('sending links on $name', (engine) => {
  let agent: RequestContext;

  const { handle, runtime } = useCaseSuite(engine, {
    seed: async () => {
      const id = `sender-${Date.now().toString(36)}`;
      await handle.db.insert(authUsers).values({ id, name: '상담원', email: `${id}@example.com`, role: 'agent' });
      agent = { actor: { id, email: `${id}@example.com`, role: 'agent' }, ip: '127.0.0.1' };
    },
  });

  const create = () =>
    createLink(
      {
        customer_uid: uniqueUid('send'),
        pg: 'nice.nictest04m',
        customer_name: '김고객',
        customer_tel: '010-1234-5678',
        customer_email: 'customer@example.test',
      },
      { ...agent, origin: ORIGIN },
      { db: handle.db, runtime },
    );

  /** Sends as the agent, from the console's origin, through this suite's database and sandbox. */
  const send = (id: string, input: Parameters<typeof sendLink>[1], delivery: Parameters<typeof sendLink>[3]) =>
    sendLink(id, input, { ...agent, origin: ORIGIN }, { db: handle.db, runtime, ...delivery });

  /** Starts `server`, creates a link and sends it on `channel` to the server's address; stops the server after. */
  async function createAndSendTo(
    server: { start(): Promise<string>; stop(): Promise<void> },
    channel: Parameters<typeof sendLink>[1]['channel'],
    delivery: (url: string) => Parameters<typeof sendLink>[3],
  ) {
    const url = await server.start();
    try {
      const created = await create();
      const link = await send(created.link.id, { token: created.token, channel }, delivery(url));
      return { created, link };
    } finally {
      await server.stop();
    }
  }

  it('posts a signed webhook with the link, the phone and the template; retries with backoff', async () => {
    const hook = receiver(1);
    const { created, link } = await createAndSendTo(hook, 'webhook', (url) => ({
      webhook: { url, secret: SECRET, backoffMs: [20, 20] },
    }));
    expect(hook.received).toHaveLength(2);
    expect(hook.received.every((call) => call.signatureValid)).toBe(true);
    expect(hook.received[1]!.body).toMatchObject({
      type: 'card_registration_link',
      template: 'card_registration_link',
      phone: '010-1234-5678',
      link: `${ORIGIN}/r/${created.token}`,
      customerName: '김고객',
    });
    expect(link.deliveries).toEqual([expect.objectContaining({ channel: 'webhook', status: 'sent', tries: 2 })]);
    const events = await listAuditEvents(handle.db, { targetId: created.link.id });
    const sent = events.find((event) => event.action === 'link.send');
    expect(sent?.result).toBe('success');
    expect(JSON.stringify(events)).not.toContain(created.token);
  });

  it('gives up after the retries and tells the agent why', async () => {
    const hook = receiver(10);
    const { link } = await createAndSendTo(hook, 'webhook', (url) => ({
      webhook: { url, secret: SECRET, backoffMs: [10, 10] },
    }));
    expect(hook.received).toHaveLength(3);
    expect(link.deliveries[0]).toMatchObject({
      status: 'failed',
      tries: 3,
      error: expect.stringContaining('HTTP 503'),
    });
  });

  /**
   * The text of a single-part message as the customer reads it: nodemailer picks quoted-printable or
   * base64 by how much of the text is Korean, so the body is decoded by its transfer encoding.
   */
  function messageText(raw: string): string {
    const split = raw.search(/\r?\n\r?\n/);
    const head = raw.slice(0, split);
    const body = raw.slice(split).trim();
    const encoding = /^Content-Transfer-Encoding:\s*(\S+)/im.exec(head)?.[1]?.toLowerCase();
    if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (encoding === 'quoted-printable') {
      const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
      return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
    }
    return body;
  }

  it('emails the link over SMTP to the customer', async () => {
    const smtp = smtpServer();
    const { created, link } = await createAndSendTo(smtp, 'email', (url) => ({
      email: { url, from: '가맹점 <no-reply@example.test>' },
    }));
    expect(link.deliveries[0]).toMatchObject({ channel: 'email', status: 'sent' });
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.to).toEqual(['customer@example.test']);
    const raw = smtp.messages[0]!.raw;
    expect(raw).toMatch(/^Subject: /m);
    expect(messageText(raw)).toContain(`${ORIGIN}/r/${created.token}`);
  });

  it('refuses a token that is not the link’s, and a link that is over', async () => {
    const created = await create();
    const wrong = await send(
      created.link.id,
      { token: 'A'.repeat(43), channel: 'webhook' },
      { webhook: { url: 'http://127.0.0.1:9/none', secret: SECRET } },
    ).catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(AppError);
    expect((wrong as AppError).code).toBe('not_found');
  });

  it('signs timestamp and body together', () => {
    expect(webhookSignature(SECRET, '1700000000', '{"a":1}')).toBe(
      `sha256=${createHmac('sha256', SECRET).update('1700000000.{"a":1}').digest('hex')}`,
    );
  });
});
