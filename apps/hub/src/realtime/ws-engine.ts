import { WebSocketServer, type ServerOptions } from 'ws';

/**
 * The websocket server under socket.io, set to hand over one message per turn of the event loop.
 * One 64 KB read from a client can hold thousands of small frames; ws would otherwise run all of
 * them (and our handlers) in one go, and a flooding socket would hold up every other client's
 * request for as long. Deferred, each socket gets one message per turn, the sockets take turns with
 * HTTP requests, and a socket whose messages are still waiting is not read further (backpressure).
 */
export class FairWebSocketServer extends WebSocketServer {
  constructor(options: ServerOptions) {
    super({ ...options, allowSynchronousEvents: false });
  }
}
