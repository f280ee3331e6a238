// A test-owned TCP proxy on loopback, in front of a test-owned PostgreSQL server, that can drop
// the network (cut), hang it (stall: sockets stay open, bytes stop), bring it back (resume), and
// lose the answer to a COMMIT (dropAfterCommit: the server commits, the client never hears it).
// Only 127.0.0.1 on both sides: it listens on a random loopback port and connects to one.
import { type Server, type Socket, createConnection, createServer } from 'node:net';

/**
 * PostgreSQL wire messages the lost-acknowledgement mode watches for. psqlODBC ends a transaction
 * (SQLEndTran) with the simple query "COMMIT" — Query 'Q', int32 length 11, "COMMIT\0" — and the
 * server answers CommandComplete 'C', int32 length 11, "COMMIT\0". Its cursor reads end with
 * `close "SQL_CUR...";commit` in one Query of another length, which is not a transaction the desk
 * waits on. (Seen in a capture of `workbench sync` through psqlODBC 16.)
 */
const PG_COMMIT_QUERY = Buffer.from([0x51, 0, 0, 0, 11, ...Buffer.from('COMMIT'), 0]);
const PG_COMMIT_COMPLETE = Buffer.from([0x43, 0, 0, 0, 11, ...Buffer.from('COMMIT'), 0]);
/**
 * MySQL/MariaDB wire: MariaDB Connector/ODBC ends a transaction with mysql_commit(), a COM_QUERY
 * (command byte 0x03) "COMMIT" in a packet of payload length 7, sequence 0. The server's answer is
 * the next packet on that connection (an OK packet); there is no text to match, so the first bytes
 * that come back after the COMMIT are its answer.
 */
const MYSQL_COMMIT_QUERY = Buffer.from([7, 0, 0, 0, 0x03, ...Buffer.from('COMMIT')]);

/** The wire protocol spoken through the proxy: which bytes are a COMMIT and its answer. */
export type WireProtocol = 'postgres' | 'mysql';
const commitPatterns: Record<WireProtocol, { query: Buffer; answer: Buffer | null }> = {
  postgres: { query: PG_COMMIT_QUERY, answer: PG_COMMIT_COMPLETE },
  mysql: { query: MYSQL_COMMIT_QUERY, answer: null },
};

export interface TcpProxyOptions {
  /** Which protocol's COMMIT to watch for (default postgres). */
  protocol?: WireProtocol;
  /** Delay added to every chunk, each way (a WAN link between the desk and the server). */
  latencyMs?: number;
}

/** Finds `pattern` in the bytes `tail` + `chunk` (a message may span two chunks); -1 if absent. */
function findAcross(tail: Buffer, chunk: Buffer, pattern: Buffer): number {
  return Buffer.concat([tail, chunk]).indexOf(pattern);
}
/** The last bytes of `tail` + `chunk`, enough for a pattern that starts in this chunk and ends in the next. */
function keepTail(tail: Buffer, chunk: Buffer, pattern: Buffer): Buffer {
  const all = Buffer.concat([tail, chunk]);
  return all.subarray(Math.max(0, all.length - (pattern.length - 1)));
}

type Mode = 'open' | 'stalled' | 'cut';
export type CommitEvent = 'sent' | 'answered';

/** One direction of one proxied connection: bytes from `from` written to `to`, or held. */
interface Pipe {
  from: Socket;
  to: Socket;
  held: Buffer[];
  down: boolean; // server -> client
  /** The other direction of the same connection. */
  peer?: Pipe;
  /** The last bytes seen, for a watched message split over two chunks. */
  tail: Buffer;
  /** Down pipe: the client sent COMMIT on this connection and the answer is to be lost. */
  commitSent: boolean;
  /**
   * With latency: the chunks on their way, each with the time it is due, in the order they came.
   * One timer drains the head of the queue: a timer per chunk could fire out of order (Node
   * schedules timers from the event loop's cached clock, so a later chunk with a shorter delay
   * could overtake an earlier one: PostgreSQL then reported "lost synchronization with server").
   */
  inFlight: Array<{ chunk: Buffer; due: number }>;
  draining: boolean;
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
  /**
   * The next COMMIT reaches the server, which commits, but its answer never reaches the client:
   * when the server's CommandComplete for a client's "COMMIT" arrives, both sockets of that
   * connection are destroyed instead of forwarding it (a lost acknowledgement). One shot: the proxy
   * forwards normally afterwards. Resolves when it has happened.
   */
  dropAfterCommit(timeoutMs?: number): Promise<void>;
  /** COMMIT answers lost by dropAfterCommit since the proxy started. */
  readonly commitsDropped: number;
  /**
   * Calls `listener` when a client's COMMIT passes on its way to the server ('sent') and when the
   * server's answer to it passes on its way back ('answered': the server has committed), before
   * those bytes are forwarded. Returns the function that stops listening.
   */
  onCommit(listener: (event: CommitEvent) => void): () => void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, options: TcpProxyOptions = {}): Promise<TcpProxy> {
  const { query: COMMIT_QUERY, answer: COMMIT_COMPLETE } = commitPatterns[options.protocol ?? 'postgres'];
  const latencyMs = options.latencyMs ?? 0;
  let mode: Mode = 'open';
  let downBudget = Number.POSITIVE_INFINITY;
  let bytesDown = 0;
  let bytesHeld = 0;
  let accepted = 0;
  let commitsDropped = 0;
  /** Armed by dropAfterCommit: called once the answer to a COMMIT was lost. */
  let commitTrap: (() => void) | null = null;
  const commitListeners = new Set<(event: CommitEvent) => void>();
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

  /** Writes the chunks that are due, in order, then waits for the next one. */
  const drain = (pipe: Pipe) => {
    pipe.draining = true;
    const now = performance.now();
    while (pipe.inFlight.length > 0 && pipe.inFlight[0]!.due <= now) {
      const { chunk } = pipe.inFlight.shift()!;
      if (!pipe.to.destroyed) pipe.to.write(chunk);
    }
    if (pipe.inFlight.length === 0) {
      pipe.draining = false;
      return;
    }
    setTimeout(() => drain(pipe), Math.max(1, Math.ceil(pipe.inFlight[0]!.due - now)));
  };

  const forward = (pipe: Pipe, chunk: Buffer) => {
    if (pipe.down) bytesDown += chunk.length;
    if (latencyMs > 0) {
      // Each chunk leaves `latencyMs` after it came, never before the one ahead of it.
      pipe.inFlight.push({ chunk, due: performance.now() + latencyMs });
      if (!pipe.draining) drain(pipe);
      return;
    }
    if (!pipe.to.write(chunk)) {
      pipe.from.pause();
      pipe.to.once('drain', () => {
        if (mode === 'open') pipe.from.resume();
      });
    }
  };

  /**
   * Watches transactions end while a COMMIT listener or the lost-acknowledgement trap is there:
   * notes a client's COMMIT (up); when the server's answer to it comes (down), tells the listeners
   * and, when the trap is armed, swallows the answer by destroying the connection. True when the
   * chunk was dealt with (not to be forwarded).
   */
  const watchCommit = (pipe: Pipe, chunk: Buffer): boolean => {
    if (!pipe.down) {
      if (findAcross(pipe.tail, chunk, COMMIT_QUERY) >= 0 && pipe.peer) {
        pipe.peer.commitSent = true;
        pipe.peer.tail = Buffer.alloc(0);
        for (const listener of commitListeners) listener('sent');
      }
      pipe.tail = keepTail(pipe.tail, chunk, COMMIT_QUERY);
      return false;
    }
    if (!pipe.commitSent) return false;
    const at = COMMIT_COMPLETE ? findAcross(pipe.tail, chunk, COMMIT_COMPLETE) : pipe.tail.length;
    if (at < 0) {
      pipe.tail = keepTail(pipe.tail, chunk, COMMIT_COMPLETE!);
      return false;
    }
    // Bytes of this chunk before the server's CommandComplete (it may have begun in the last chunk).
    const before = at - pipe.tail.length;
    pipe.commitSent = false;
    pipe.tail = Buffer.alloc(0);
    for (const listener of commitListeners) listener('answered');
    if (!commitTrap) return false;
    // What the server said before its CommandComplete still reaches the client; that does not.
    if (before > 0) forward(pipe, chunk.subarray(0, before));
    pipe.from.destroy();
    pipe.to.destroy();
    commitsDropped++;
    const trap = commitTrap;
    commitTrap = null;
    trap();
    return true;
  };

  const connectPipe = (from: Socket, to: Socket, down: boolean): Pipe => {
    const pipe: Pipe = {
      from,
      to,
      held: [],
      down,
      tail: Buffer.alloc(0),
      commitSent: false,
      inFlight: [],
      draining: false,
    };
    pipes.add(pipe);
    from.on('data', (chunk: Buffer) => {
      if (mode !== 'open') return hold(pipe, chunk);
      if ((commitTrap || commitListeners.size > 0) && watchCommit(pipe, chunk)) return;
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
    return pipe;
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
    const up = connectPipe(client, upstream, false);
    const down = connectPipe(upstream, client, true);
    up.peer = down;
    down.peer = up;
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
    get commitsDropped() {
      return commitsDropped;
    },
    onCommit(listener) {
      commitListeners.add(listener);
      return () => commitListeners.delete(listener);
    },
    dropAfterCommit(timeoutMs = 60_000) {
      if (commitTrap) return Promise.reject(new Error('the proxy already waits to drop a COMMIT'));
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          commitTrap = null;
          reject(new Error(`no COMMIT went through the proxy within ${timeoutMs} ms`));
        }, timeoutMs);
        commitTrap = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    },
    close() {
      commitTrap = null;
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
