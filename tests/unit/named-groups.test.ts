// Operations and handlers are joined from per-domain groups; a name defined twice is refused at
// start-up instead of the later group silently replacing the earlier one's definition.
import { describe, expect, it } from 'vitest';
import { operationNames, operations } from '../../src-main/common/contract.ts';
import { DuplicateNameError, joinNamedGroups } from '../../src-main/common/named-groups.ts';
import { drawerOperations } from '../../src-main/common/ops/drawer-ops.ts';
import { feeOperations } from '../../src-main/common/ops/fee-ops.ts';

describe('joining named groups', () => {
  it('keeps every definition of groups whose names differ', () => {
    const joined = joinNamedGroups('operation', { a: 1, b: 2 }, { c: 3 });
    expect(joined).toEqual({ a: 1, b: 2, c: 3 });
  });

  it('refuses two operations with one name, naming it', () => {
    const planted = { 'fees.quote': feeOperations['fees.quote'] };
    expect(() => joinNamedGroups('operation', feeOperations, drawerOperations, planted)).toThrow(
      DuplicateNameError,
    );
    expect(() => joinNamedGroups('operation', feeOperations, planted)).toThrow(
      'Two operations are named "fees.quote" (the second in group 2): every operation is defined once.',
    );
  });

  it('refuses two handlers with one name', () => {
    const first = {
      async 'licences.search'() {
        return [];
      },
    };
    const second = {
      async 'licences.search'() {
        return ['replaced'];
      },
    };
    expect(() => joinNamedGroups('handler', first, second)).toThrow(
      /Two handlers are named "licences.search"/,
    );
  });

  it('the real contract holds each domain group whole', () => {
    for (const group of [feeOperations, drawerOperations])
      for (const [name, op] of Object.entries(group))
        expect(operations[name as keyof typeof operations]).toBe(op);
    expect(new Set(operationNames).size).toBe(operationNames.length);
  });
});
