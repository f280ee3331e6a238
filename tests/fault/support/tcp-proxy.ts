// A test-owned TCP proxy on loopback, in front of a test-owned PostgreSQL server, that can drop
// the network (cut), hang it (stall: sockets stay open, bytes stop) and bring it back (resume).
// Only 127.0.0.1 on both sides: it listens on a random loopback port and connects to one.
import { type Server, type Socket, createConnection, createServer } from 'node:net';

type Mode = 'open' | 'stalled' | 'cut';

/** One direction of one proxied connection: bytes from `from` written to `to`, or held. */
interface Pipe {
  from: Socket;
  to: Socket;
  held: Buffer[];
  down: boolean; // server -> client
}

export interface TcpProxy {
  /** The loopback port clients connect to. */
  readonly port: number;
  /** Connections currently open through the proxy. */
  readonly connections: number;
  /** Connections forwarded to the server since the proxy started (how often a client connected). */
  readonly accepted: number;
  /** Bytes forwarded from the server to clients since the proxy started. */
  readonly bytesDown: number;
  /** Bytes held back (not forwarded) since the last stall; 0 again after resume(). */
  readonly bytesHeld: number;
  /**
   * The network drops: every open connection is reset. While cut, new connections are reset as
   * soon as they arrive (the client sees a refused/reset connection) until `resume()`.
   */
  cut(): void;
  /** The network hangs: sockets stay open (new ones are accepted) but no byte is forwarded. */
  stall(): void;
  /** Forwards `bytes` more from the server, then stalls (a read caught mid-stream). */
  stallAfter(bytes: number): void;
  /** Resolves once at least `bytes` have been held back by a stall. */
  waitForHeld(bytes?: number, timeoutMs?: number): Promise<void>;
  /** Back to normal: held bytes are delivered, new connections go through. */
  resume(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  let mode: Mode = 'open';
  let downBudget = Number.POSITIVE_INFINITY;
  let bytesDown = 0;
  let bytesHeld = 0;
  let accepted = 0;
  const sockets = new Set<Socket>();
  const pipes = new Set<Pipe>();
  const heldWaiters = new Set<() => void>();

  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {}); // a reset peer is part of the game
  };

  const hold = (pipe: Pipe, chunk: Buffer) => {
    pipe.held.push(chunk);
    bytesHeld += chunk.length;
    pipe.from.pause(); // the sender's kernel buffers fill up, as on a hung network
    for (const wake of heldWaiters) wake();
  };

  const forward = (pipe: Pipe, chunk: Buffer) => {
    if (pipe.down) bytesDown += chunk.length;
    if (!pipe.to.write(chunk)) {
      pipe.from.pause();
      pipe.to.once('drain', () => {
        if (mode === 'open') pipe.from.resume();
      });
    }
  };

  const connectPipe = (from: Socket, to: Socket, down: boolean) => {
    const pipe: Pipe = { from, to, held: [], down };
    pipes.add(pipe);
    from.on('data', (chunk: Buffer) => {
      if (mode !== 'open') return hold(pipe, chunk);
      if (down && downBudget !== Number.POSITIVE_INFINITY) {
        const left = downBudget;
        if (chunk.length >= left) {
          downBudget = Number.POSITIVE_INFINITY;
          if (left > 0) forward(pipe, chunk.subarray(0, left));
          mode = 'stalled';
          bytesHeld = 0;
          if (chunk.length > left) hold(pipe, chunk.subarray(left));
          return;
        }
        downBudget -= chunk.length;
      }
      forward(pipe, chunk);
    });
    const end = () => {
      pipes.delete(pipe);
      to.destroy();
    };
    from.on('close', end);
  };

  const server: Server = createServer({ pauseOnConnect: true }, (client) => {
    track(client);
    if (mode === 'cut') {
      client.resetAndDestroy();
      return;
    }
    accepted++;
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    track(upstream);
    upstream.on('error', () => client.destroy()); // the server is down: so is the connection
    connectPipe(client, upstream, false);
    connectPipe(upstream, client, true);
    client.resume();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the proxy has no TCP port');

  return {
    port: address.port,
    get connections() {
      return Math.floor(sockets.size / 2);
    },
    get accepted() {
      return accepted;
    },
    get bytesDown() {
      return bytesDown;
    },
    get bytesHeld() {
      return bytesHeld;
    },
    cut() {
      mode = 'cut';
      downBudget = Number.POSITIVE_INFINITY;
      for (const pipe of pipes) pipe.held = [];
      for (const socket of sockets) socket.resetAndDestroy();
    },
    stall() {
      mode = 'stalled';
      bytesHeld = 0;
    },
    stallAfter(bytes: number) {
      bytesHeld = 0;
      downBudget = bytes;
    },
    waitForHeld(bytes = 1, timeoutMs = 30_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (bytesHeld < bytes) return;
          heldWaiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          heldWaiters.delete(check);
          reject(new Error(`the proxy held ${bytesHeld} bytes, not ${bytes}, within ${timeoutMs} ms`));
        }, timeoutMs);
        heldWaiters.add(check);
        check();
      });
    },
    resume() {
      mode = 'open';
      downBudget = Number.POSITIVE_INFINITY;
      bytesHeld = 0;
      for (const pipe of pipes) {
        const held = pipe.held;
        pipe.held = [];
        for (const chunk of held) forward(pipe, chunk);
        if (!pipe.from.destroyed) pipe.from.resume();
      }
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
