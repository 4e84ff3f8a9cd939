import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * How much a client may still send after its answer, and for how long, before the connection is
 * cut. As web servers do (Apache's lingering close waits up to 30 s): a client that writes its whole
 * body before it reads must still find its answer.
 */
export const LINGER = { ms: 30_000, bytes: 64 * 1024 * 1024 };

/**
 * Once an answer has left with the request's body unread (a 413, a route that takes no body), the
 * rest is read and thrown away, never kept, and the connection is half-closed (FIN after the
 * answer). Cutting it at once would reset it, and a reset makes the client's system throw away an
 * answer it has received but not read yet: EPIPE and no answer (docs/reliability.md). The
 * connection is cut only past `limits.bytes` or `limits.ms`. Memory stays flat either way.
 */
export function lingerAfterAnswer(request: IncomingMessage, response: ServerResponse, limits = LINGER): void {
  response.once('finish', () => {
    if (request.complete || request.destroyed) return;
    const socket = request.socket;
    let discarded = 0;
    const stop = () => {
      clearTimeout(deadline);
      request.off('readable', drain);
    };
    const cut = () => {
      stop();
      socket.destroy();
    };
    const drain = () => {
      for (let chunk: Buffer | null = request.read(); chunk !== null; chunk = request.read()) {
        discarded += chunk.byteLength;
        if (discarded > limits.bytes) return cut();
      }
    };
    const deadline = setTimeout(cut, limits.ms);
    deadline.unref();
    request.on('readable', drain);
    request.once('end', stop);
    socket.once('close', stop);
    // Nothing more will be answered on this connection: the client reads its answer, then the end.
    socket.end();
    drain();
  });
}
