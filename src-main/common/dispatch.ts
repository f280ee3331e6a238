// One dispatcher for every transport: validates the input against the contract, runs the
// handler, validates the output, and turns any failure into a typed error value.
import { type CallResult, type Handlers, isOperationName, operations } from './contract.ts';
import { errorText, invalidFields, isWorkbenchError, WorkbenchError } from './errors.ts';

/** A bug, in plain words: the detail went to the desk's log (onInternalError). */
const internalError = () => new WorkbenchError('internal', errorText('contract.internal', {})).toShape();

export type Dispatch = (operation: unknown, input: unknown) => Promise<CallResult>;

export function createDispatcher(handlers: Handlers, onInternalError: (err: unknown) => void): Dispatch {
  return async (operation, input) => {
    if (!isOperationName(operation)) {
      const error = new WorkbenchError(
        'invalid_input',
        errorText('contract.no_operation', { operation: String(operation) }),
      );
      return { ok: false, error: error.toShape() };
    }
    const spec = operations[operation];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      // Each field's problem as a catalog message; its English stays zod's own sentence (the contract's).
      const error = invalidFields(errorText('contract.invalid_request', {}), parsed.error);
      return { ok: false, error: error.toShape() };
    }
    try {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table is indexed by a checked name
      const value = await (handlers[operation] as (i: any) => Promise<unknown>)(parsed.data);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        onInternalError(new Error(`output of ${operation} broke the contract: ${checked.error.message}`));
        return { ok: false, error: internalError() };
      }
      return { ok: true, value: checked.data };
    } catch (err) {
      if (isWorkbenchError(err)) return { ok: false, error: err.toShape() };
      onInternalError(err);
      return { ok: false, error: internalError() };
    }
  };
}
