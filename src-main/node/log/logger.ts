// The one logger for diagnostics (worker, bridge, sync, server, shell, errors caught for IT), on
// pino. What a command line prints for the person (tables, summaries) is output, not logging, and
// stays with the CLI modules. Lines are JSON: {"level":"warn","time":"…","component":"sync","msg":…}.
//
// Secrets never reach a line: fields named like a secret are redacted by path (a connection string
// field keeps its shape with the password masked), and every string, the message included, has its
// PWD=… masked (mask-secrets.ts).
//
// Where lines go: stderr (fd 2, never stdout: a CLI's stdout is the person's output, and the bridge
// worker's stdout is inherited by its parent) unless configureLogging says otherwise; the desktop
// shell and `workbench serve` add the desk's log file (deskPaths().log), which never grows past
// 10 MiB: it is set aside as workbench.log.1 … .5 (rotating-file.ts). The level comes from
// WB_LOG_LEVEL (default info); under vitest the default is silent so tests stay quiet.
import pino, { type DestinationStream, type Logger } from 'pino';
import { maskSecretsDeep, maskSecretsInText } from './mask-secrets.ts';
import { type RotatingFileOptions, rotatingFile } from './rotating-file.ts';

export type { Logger } from 'pino';

export const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LEVELS)[number];

/** Keys whose value is a secret wherever they appear. */
const secretKeys = [
  'password',
  'passwd',
  'pwd',
  'PWD',
  'Pwd',
  'token',
  'secret',
  'authorization',
  'Authorization',
  'cookie',
  'Cookie',
  'credential',
  'apiKey',
];
/** Keys that hold a whole connection string: kept for IT, with the password masked. */
const connectionKeys = new Set(['connection', 'connectionString', 'connection_string']);

const everyDepth = (key: string) => [key, `*.${key}`, `*.*.${key}`];
export const redactPaths = [...secretKeys, ...connectionKeys].flatMap(everyDepth);

const censor = (value: unknown, path: string[]): unknown =>
  connectionKeys.has(path.at(-1) ?? '') && typeof value === 'string'
    ? maskSecretsInText(value)
    : '[redacted]';

/** The level WB_LOG_LEVEL asks for; info when unset or not a level; silent under vitest unless set. */
export function levelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const asked = env.WB_LOG_LEVEL?.trim().toLowerCase();
  if (asked && (LEVELS as readonly string[]).includes(asked)) return asked as LogLevel;
  return env.VITEST && !asked ? 'silent' : 'info';
}

export interface LoggingOptions {
  level?: LogLevel;
  /** A log file (JSON lines, appended; its folder is made), set aside when it grows too big. */
  file?: string;
  /** How big the file may grow and how many set-aside files are kept (rotating-file.ts). */
  rotation?: RotatingFileOptions;
  /** Also write to stderr (default: true when there is no file). */
  stderr?: boolean;
  /** A stream instead of file and stderr (tests). */
  stream?: DestinationStream;
}

function destination(o: LoggingOptions): DestinationStream {
  if (o.stream) return o.stream;
  const streams: DestinationStream[] = [];
  // Synchronous writes: diagnostics are few, and a line written just before a crash or app.exit
  // is the one IT needs.
  if (o.file) streams.push(rotatingFile(o.file, o.rotation));
  if (o.stderr ?? !o.file) streams.push(pino.destination({ fd: 2, sync: true }));
  if (streams.length === 1) return streams[0]!;
  return pino.multistream(streams.map((stream) => ({ stream, level: 'trace' as const })));
}

export function createLogger(o: LoggingOptions = {}): Logger {
  return pino(
    {
      level: o.level ?? levelFromEnv(),
      base: undefined, // no pid or hostname on every line
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => maskSecretsDeep(object) as Record<string, unknown>,
      },
      serializers: {
        err: (err: Error) => maskSecretsDeep(pino.stdSerializers.err(err), 4, true),
      },
      redact: { paths: redactPaths, censor },
      hooks: {
        logMethod(args, method) {
          // log.error(err) takes its message from the error: mask it like any other message.
          if (args[0] instanceof Error && typeof args[1] !== 'string')
            args = [{ err: args[0] }, args[0].message, ...args.slice(1)] as unknown as typeof args;
          const masked = args.map((a) => (typeof a === 'string' ? maskSecretsInText(a) : a));
          return method.apply(this, masked as Parameters<typeof method>);
        },
      },
    },
    destination(o),
  );
}

let root: Logger = createLogger();
let children = new Map<string, Logger>();

/** Sends every component's lines to a new place from now on (the shell and `serve` at start-up). */
export function configureLogging(o: LoggingOptions): Logger {
  root = createLogger(o);
  children = new Map();
  return root;
}

/** The logger of one part of the workbench; its lines carry `component`. */
export function logger(component: string): Logger {
  let child = children.get(component);
  if (!child) children.set(component, (child = root.child({ component })));
  return child;
}
