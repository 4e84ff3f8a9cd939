import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import {
  PEER_ADDRESS_HEADER,
  boundedUserAgent,
  clientIp,
  clientIpFromHeaders,
  forwardedHttps,
  hasMalformedPath,
  installPeerAddressStamp,
  isJsonMediaType,
  parseIp,
  peerStamp,
  requestContext,
  requestHost,
} from './request-context';

const headers = (values: Record<string, string>, peer: string | null = '192.0.2.10') =>
  new Headers({ ...values, ...(peer ? { [PEER_ADDRESS_HEADER]: peerStamp(peer) } : {}) });

describe('parseIp', () => {
  it('keeps IPv4 and IPv6 addresses, IPv4-mapped IPv6 as IPv4', () => {
    expect(parseIp(' 203.0.113.7 ')).toBe('203.0.113.7');
    expect(parseIp('2001:DB8::1')).toBe('2001:db8::1');
    expect(parseIp('::ffff:198.51.100.4')).toBe('198.51.100.4');
  });

  it('refuses anything else: text, ports, lists, brackets, 8,000 characters', () => {
    for (const value of [
      '',
      'attacker text',
      '<script>',
      '1.2.3.4:80',
      '[::1]',
      '1.2.3.4, 5.6.7.8',
      '999.1.1.1',
      'x'.repeat(8000),
      `1.2.3.4${' '.repeat(100)}x`,
    ]) {
      expect(parseIp(value)).toBeNull();
    }
  });
});

describe('the client address', () => {
  it('with no trusted proxy (the default) is the TCP peer, whatever X-Forwarded-For says', () => {
    const list = headers({ 'x-forwarded-for': '203.0.113.66, 198.51.100.1', 'x-real-ip': '203.0.113.67' });
    expect(clientIpFromHeaders(list, 0)).toBe('192.0.2.10');
    expect(clientIp(new Request('http://app.test/', { headers: list }))).toBe('192.0.2.10');
  });

  it('with N trusted proxies is the N-th hop from the right, the peer being hop 0', () => {
    const list = headers({ 'x-forwarded-for': '203.0.113.66, 198.51.100.1, 10.0.0.2' });
    expect(clientIpFromHeaders(list, 1)).toBe('10.0.0.2');
    expect(clientIpFromHeaders(list, 2)).toBe('198.51.100.1');
    expect(clientIpFromHeaders(list, 3)).toBe('203.0.113.66');
    // Fewer hops than proxies (the request did not pass them all): the leftmost there is.
    expect(clientIpFromHeaders(list, 5)).toBe('203.0.113.66');
    expect(clientIpFromHeaders(headers({}), 1)).toBe('192.0.2.10');
  });

  it('is never text that is not an IP, however long', () => {
    // Garbage where the proxy's entry belongs: the proxy itself, never the text.
    expect(clientIpFromHeaders(headers({ 'x-forwarded-for': 'x'.repeat(8000) }), 1)).toBe('192.0.2.10');
    expect(clientIpFromHeaders(headers({ 'x-forwarded-for': 'x'.repeat(80) }), 1)).toBeNull();
    expect(clientIpFromHeaders(headers({ 'x-forwarded-for': `${'1.2.3.4,'.repeat(2000)}5.6.7.8` }), 1)).toBe('5.6.7.8');
    expect(clientIpFromHeaders(headers({ 'x-forwarded-for': `${'z'.repeat(9000)},5.6.7.8` }), 2)).toBe('5.6.7.8');
    expect(clientIpFromHeaders(headers({ 'x-forwarded-for': "'; drop table x; --" }), 1)).toBeNull();
    const context = requestContext(
      new Request('http://app.test/', { headers: headers({ 'x-forwarded-for': 'y'.repeat(8000) }) }),
    );
    expect(context.ip).toBe('192.0.2.10');
  });

  it('ignores a peer header the client wrote itself (it lacks the process token)', () => {
    const forged = new Headers({ [PEER_ADDRESS_HEADER]: '203.0.113.99', 'x-forwarded-for': '203.0.113.98' });
    expect(clientIpFromHeaders(forged, 0)).toBeNull();
    expect(clientIpFromHeaders(new Headers({ [PEER_ADDRESS_HEADER]: 'guess 203.0.113.99' }), 0)).toBeNull();
  });
});

describe('host and scheme for the origin check and cookies', () => {
  it('takes X-Forwarded-Host and -Proto only from trusted proxies', () => {
    const list = headers({ host: 'app.internal:3000', 'x-forwarded-host': 'evil.test', 'x-forwarded-proto': 'https' });
    expect(requestHost(list, 0)).toBe('app.internal:3000');
    expect(forwardedHttps(list, 0)).toBe(false);
    expect(requestHost(list, 1)).toBe('evil.test');
    expect(forwardedHttps(list, 1)).toBe(true);
    const appended = headers({ host: 'a:1', 'x-forwarded-host': 'spoofed.test, console.example.com' });
    expect(requestHost(appended, 1)).toBe('console.example.com');
  });

  it('refuses a host that is not a host', () => {
    expect(requestHost(headers({ host: 'a b' }), 0)).toBeNull();
    expect(requestHost(headers({ host: 'x'.repeat(300) }), 0)).toBeNull();
  });
});

describe('boundedUserAgent', () => {
  it('cuts at 512 characters and drops control characters', () => {
    expect(boundedUserAgent('a'.repeat(20_000))).toHaveLength(512);
    expect(boundedUserAgent('Mozilla\u0000/5.0\n')).toBe('Mozilla/5.0');
    expect(boundedUserAgent('')).toBeNull();
  });
});

describe('installPeerAddressStamp', () => {
  const servers: ReturnType<typeof createServer>[] = [];
  afterAll(() => servers.forEach((server) => server.close()));

  it("writes the socket's address over any peer header the client sent", async () => {
    await installPeerAddressStamp();
    const server = createServer((request, response) => {
      const list = new Headers();
      for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') list.set(name, value);
      response.end(JSON.stringify({ ip: clientIpFromHeaders(list, 0) }));
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const body = await new Promise<string>((resolve, reject) => {
      const sent = httpRequest(
        {
          port,
          host: '127.0.0.1',
          headers: { [PEER_ADDRESS_HEADER]: peerStamp('203.0.113.5'), 'x-forwarded-for': '1.1.1.1' },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => resolve(text));
        },
      );
      sent.on('error', reject);
      sent.end();
    });
    expect(JSON.parse(body)).toEqual({ ip: '127.0.0.1' });
  });

  it('answers a path with malformed percent-encoding itself, before the app: 400, Korean, no 500', async () => {
    await installPeerAddressStamp();
    let reached = 0;
    const server = createServer((_request, response) => {
      reached += 1;
      response.end('app');
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const get = (path: string) =>
      new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
        const sent = httpRequest({ port, host: '127.0.0.1', path }, (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), body: text }),
          );
        });
        sent.on('error', reject);
        sent.end();
      });
    const api = await get('/api/billing-keys/%E0%A4%A');
    expect(api.status).toBe(400);
    expect(api.type).toContain('application/json');
    expect(JSON.parse(api.body).error).toMatchObject({
      code: 'invalid_path',
      message: expect.stringContaining('주소'),
    });
    const page = await get('/keys/%ZZ');
    expect(page.status).toBe(400);
    expect(page.body).toContain('잘못된 주소입니다');
    expect(reached).toBe(0);
    // A well-formed path, odd characters encoded, reaches the app.
    expect((await get('/keys/a%25b%3C%3D%2F%3F%22%E2%80%8B')).body).toBe('app');
    expect(reached).toBe(1);
  });
});

describe('hasMalformedPath', () => {
  it('tells a path that cannot be decoded from one that can; the query does not count', () => {
    for (const path of ['/keys/%ZZ', '/%', '/api/x/%E0%A4%A', '/a%2', '/%C0%AF'])
      expect(hasMalformedPath(path)).toBe(true);
    for (const path of ['/', '/keys/a%20b', '/keys/%EA%B9%80', '/api/x?q=%ZZ', undefined])
      expect(hasMalformedPath(path)).toBe(false);
  });
});

describe('isJsonMediaType', () => {
  it('takes application/json, with a UTF-8 charset at most', () => {
    for (const type of [
      'application/json',
      'Application/JSON',
      'application/json; charset=utf-8',
      'application/json;charset="UTF-8"',
    ])
      expect(isJsonMediaType(type)).toBe(true);
  });

  it('refuses every other media type, however it mentions JSON', () => {
    for (const type of [
      null,
      '',
      'text/plain; charset=application/json',
      'text/plain; application/json',
      'application/jsonp',
      'application/json-patch+json',
      'application/x-www-form-urlencoded; a=application/json',
      'multipart/form-data; boundary=application/json',
      'application/json; charset=latin1',
      'application/json, text/plain',
    ])
      expect(isJsonMediaType(type)).toBe(false);
  });
});
