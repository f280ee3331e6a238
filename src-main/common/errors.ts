// Typed errors that cross the contract. The UI never sees a stack trace: it gets a broad code, and
// the message as a catalog key with parameters (messages/error-messages.ts) that the UI and the CLI
// render in the person's language. `message` is the same text in English, kept for logs and for
// clients that do not know the key.
import { z } from 'zod';
import { type ErrorText, ErrorTextShape, formatErrorText } from './messages/error-text.ts';
import { issueText } from './messages/contract-issues.ts';
import type { MessageLanguage } from './messages/message-entry.ts';

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
  /** English, always: the fallback for a client or a log that does not render the key. */
  message: z.string(),
  /** The message as a catalog key and parameters; absent for an error not yet given a key. */
  key: z.string().optional(),
  params: ErrorTextShape.shape.params.optional(),
  /** Field-level problems for invalid_input, by dotted path, in English (as `message`). */
  fields: z.record(z.string(), z.string()).optional(),
  /** The same field problems as keys and parameters, where the service gave them so. */
  fieldTexts: z.record(z.string(), ErrorTextShape).optional(),
});
export type WorkbenchErrorShape = z.infer<typeof WorkbenchErrorShape>;

/** A field's problem: a catalog message, or a plain value (a machine code such as statusRefusal). */
export type FieldProblem = string | ErrorText;

/**
 * The error services throw. Anything else thrown is reported as `internal`. Give the message as
 * `errorText(key, params)`; a plain string is still taken (English only, for the errors not yet
 * in the catalog), and then the UI shows the code's general sentence in the person's language.
 */
export class WorkbenchError extends Error {
  readonly code: ErrorCode;
  readonly text: ErrorText | undefined;
  readonly fields: Record<string, string> | undefined;
  readonly fieldTexts: Record<string, ErrorText> | undefined;
  constructor(code: ErrorCode, message: string | ErrorText, fields?: Record<string, FieldProblem>) {
    super(typeof message === 'string' ? message : (formatErrorText(message, 'en') ?? message.key));
    this.name = 'WorkbenchError';
    this.code = code;
    this.text = typeof message === 'string' ? undefined : message;
    if (fields) {
      const english: Record<string, string> = {};
      const texts: Record<string, ErrorText> = {};
      for (const [field, problem] of Object.entries(fields)) {
        if (typeof problem === 'string') english[field] = problem;
        else {
          english[field] = formatErrorText(problem, 'en') ?? problem.key;
          texts[field] = problem;
        }
      }
      this.fields = english;
      this.fieldTexts = Object.keys(texts).length > 0 ? texts : undefined;
    } else {
      this.fields = undefined;
      this.fieldTexts = undefined;
    }
  }

  /** The catalog key, when the message has one. */
  get key(): string | undefined {
    return this.text?.key;
  }

  /** Rebuilt on the far side of a transport: the English message as sent, key and params kept. */
  static fromShape(shape: WorkbenchErrorShape): WorkbenchError {
    const fields: Record<string, FieldProblem> | undefined = shape.fields ? { ...shape.fields } : undefined;
    const error = new WorkbenchError(shape.code, shape.message, fields);
    return Object.assign(error, {
      text: shape.key ? { key: shape.key, params: shape.params ?? {} } : undefined,
      fieldTexts: shape.fieldTexts,
    });
  }

  toShape(): WorkbenchErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.text ? { key: this.text.key, params: this.text.params } : {}),
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.fieldTexts ? { fieldTexts: this.fieldTexts } : {}),
    };
  }
}

export const isWorkbenchError = (e: unknown): e is WorkbenchError => e instanceof WorkbenchError;

/** The error's message in `language` from its key, or null when it has none this desk knows. */
export function errorMessageIn(error: WorkbenchError, language: MessageLanguage): string | null {
  return error.text ? formatErrorText(error.text, language) : null;
}

/**
 * Each field's problem in `language`: from its key when it has one, else the English as given.
 * English is always the words as sent: a contract field's key can be broader than its sentence.
 */
export function fieldMessagesIn(error: WorkbenchError, language: MessageLanguage): Record<string, string> {
  const out: Record<string, string> = { ...error.fields };
  if (language === 'en') return out;
  for (const [field, text] of Object.entries(error.fieldTexts ?? {}))
    out[field] = formatErrorText(text, language) ?? out[field] ?? text.key;
  return out;
}

/**
 * The refusal of the fields a schema refused (the contract's way): each field's English as the
 * schema says it, and its catalog message for the other languages (messages/contract-issues.ts).
 */
export function invalidFields(text: ErrorText, error: z.ZodError): WorkbenchError {
  const pathOf = (issue: z.core.$ZodIssue) => issue.path.join('.') || '(input)';
  const refusal = new WorkbenchError(
    'invalid_input',
    text,
    Object.fromEntries(error.issues.map((i) => [pathOf(i), i.message])),
  );
  return Object.assign(refusal, {
    fieldTexts: Object.fromEntries(error.issues.map((i) => [pathOf(i), issueText(i)])),
  });
}

export { type ErrorText, errorText } from './messages/error-text.ts';
