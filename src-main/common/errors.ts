// Typed errors that cross the contract. The UI never sees a stack trace: it gets a code it can
// translate and a plain-language message (English) that says what happened and what to do.
import { z } from 'zod';

export const errorCodes = [
  'invalid_input', // the request did not match the contract
  'not_found', // the record asked for is not in the desk's cache
  'legacy_unavailable', // the legacy database could not be reached or answered with an error
  'cache_unavailable', // the desk's local cache could not be opened or read
  'not_configured', // the desk has no legacy connection yet
  'unauthorized', // missing or wrong token / sender
  'forbidden', // the person's role (from the IT policy file) does not allow this
  'internal', // a bug: logged with detail on the desk, shown to the person in plain words
] as const;
export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const WorkbenchErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Field-level problems for invalid_input, by dotted path. */
  fields: z.record(z.string(), z.string()).optional(),
});
export type WorkbenchErrorShape = z.infer<typeof WorkbenchErrorShape>;

/** The error services throw. Anything else thrown is reported as `internal`. */
export class WorkbenchError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'WorkbenchError';
    this.code = code;
    this.fields = fields;
  }
  toShape(): WorkbenchErrorShape {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message };
  }
}

export const isWorkbenchError = (e: unknown): e is WorkbenchError => e instanceof WorkbenchError;
