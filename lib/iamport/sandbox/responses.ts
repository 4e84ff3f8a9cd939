import 'server-only';

/** Messages Iamport answers verbatim (docs/iamport.md §2–§4). */
export const MESSAGES = {
  badCredentials: '인증에 실패하였습니다. API키와 secret을 확인하세요.',
  missingCredentials: 'imp_key, imp_secret 파라메터가 누락되었습니다.',
  unauthorized: 'Unauthorized',
  noKeyInModule: '비인증결제모듈 사용정보를 찾을 수 없습니다.',
  issueFailedPrefix: '카드정보 인증 및 빌키 발급에 실패하였습니다.',
} as const;

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export function notFoundMessage(uid: string): string {
  return `요청하신 customer_uid(${uid})로 등록된 정보를 찾을 수 없습니다.`;
}

/** `["card_number"] 파라메터는 필수입니다.` for the listed names. */
export function missingParamsMessage(names: readonly string[]): string {
  return `${JSON.stringify(names)} 파라메터는 필수입니다.`;
}

/** A card/PG rejection message: the fixed prefix, then `[code]message` as the PG gave it. */
export function issueFailedMessage(pgPart: string): string {
  return `${MESSAGES.issueFailedPrefix} ${pgPart}`;
}

export function envelopeBody(code: number, message: string | null, response: unknown): string {
  return JSON.stringify({ code, message, response });
}

export function envelope(status: number, code: number, message: string | null, response: unknown = null): Response {
  return new Response(envelopeBody(code, message, response), {
    status,
    headers: { 'content-type': JSON_CONTENT_TYPE },
  });
}

export function ok(response: unknown, status = 200): Response {
  return envelope(status, 0, null, response);
}

/** A plain JSON body without the envelope (sandbox admin answers only). */
export function rawJson(value: unknown, status = 200): Response {
  return new Response(JSON.stringify(value), { status, headers: { 'content-type': JSON_CONTENT_TYPE } });
}

export function unauthorized(): Response {
  return envelope(401, -1, MESSAGES.unauthorized);
}

export function badRequest(message: string): Response {
  return envelope(400, -1, message);
}

export function rejected(pgPart: string): Response {
  return envelope(200, -1, issueFailedMessage(pgPart));
}

export function noKeyInModule(): Response {
  return envelope(200, 1, MESSAGES.noKeyInModule);
}

export function routeNotFound(): Response {
  return envelope(404, 1, 'Not Found');
}

export function methodNotAllowed(allowed: readonly string[]): Response {
  const response = envelope(405, -1, 'Method Not Allowed');
  response.headers.set('allow', allowed.join(', '));
  return response;
}

export function internalError(): Response {
  return envelope(500, -1, 'Internal Server Error');
}

/** What a load balancer in front of the API answers when the upstream is gone. */
export function htmlBadGateway(): Response {
  const body =
    '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n' +
    '<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n';
  return new Response(body, { status: 502, headers: { 'content-type': 'text/html' } });
}

/** HTTP 200 JSON whose body stops in the middle of the object. */
export function truncatedJson(fullBody: string): Response {
  const cut = fullBody.slice(0, Math.max(1, Math.floor(fullBody.length / 2)));
  return new Response(cut, { status: 200, headers: { 'content-type': JSON_CONTENT_TYPE } });
}

/** HTTP 200 whose body stream sends part of the JSON and then fails, like a dropped connection. */
export function droppedConnection(fullBody: string): Response {
  const part = new TextEncoder().encode(fullBody.slice(0, Math.max(1, Math.floor(fullBody.length / 3))));
  let sent = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(part);
        return;
      }
      controller.error(new Error('sandbox: connection dropped mid-response'));
    },
  });
  return new Response(stream, { status: 200, headers: { 'content-type': JSON_CONTENT_TYPE } });
}
