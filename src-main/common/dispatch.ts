// One dispatcher for every transport: validates the input against the contract, runs the
// handler, validates the output, and turns any failure into a typed error value.
import { type CallResult, type Handlers, isOperationName, operations } from './contract.ts';
import { isWorkbenchError } from './errors.ts';

export type Dispatch = (operation: unknown, input: unknown) => Promise<CallResult>;

export function createDispatcher(handlers: Handlers, onInternalError: (err: unknown) => void): Dispatch {
  return async (operation, input) => {
    if (!isOperationName(operation)) {
      return {
        ok: false,
        error: { code: 'invalid_input', message: `There is no operation called "${String(operation)}".` },
      };
    }
    const spec = operations[operation];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[issue.path.join('.') || '(input)'] = issue.message;
      return { ok: false, error: { code: 'invalid_input', message: 'The request was not valid.', fields } };
    }
    try {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table is indexed by a checked name
      const value = await (handlers[operation] as (i: any) => Promise<unknown>)(parsed.data);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        onInternalError(new Error(`output of ${operation} broke the contract: ${checked.error.message}`));
        return {
          ok: false,
          error: {
            code: 'internal',
            message: 'Something went wrong on this desk. Please try again; if it keeps happening, call IT.',
          },
        };
      }
      return { ok: true, value: checked.data };
    } catch (err) {
      if (isWorkbenchError(err)) return { ok: false, error: err.toShape() };
      onInternalError(err);
      return {
        ok: false,
        error: {
          code: 'internal',
          message: 'Something went wrong on this desk. Please try again; if it keeps happening, call IT.',
        },
      };
    }
  };
}
