import { describe, expect, it } from 'vitest';
import { bindParams, CommandBindError, elementValues } from '../../src-main/node/bridge/command-params.ts';

const tz = 'America/Chicago';

describe("binding a command's payload to a legacy write statement", () => {
  it('writes each legacy format exactly', () => {
    const values = {
      licenceId: 'RV-0000042',
      newExpiresOn: '2027-06-30',
      feeCents: 32250,
      renewedAt: '2026-11-23T15:04:05Z',
      method: 'check',
    };
    expect(
      bindParams(
        [
          { field: 'newExpiresOn', as: 'cyymmdd' },
          { field: 'newExpiresOn', as: 'yyyymmdd' },
          { field: 'feeCents', as: 'decimal' },
          { field: 'renewedAt', as: 'timestamp14' },
          { field: 'renewedAt', as: 'iso_timestamp' },
          { field: 'method', map: { cash: 'CA', check: 'CK', card: 'CC' } },
          { field: 'licenceId', pad: 12 },
          'licenceId',
        ],
        values,
        tz,
      ),
    ).toEqual([
      1270630,
      '20270630',
      '322.50',
      '20261123090405',
      '2026-11-23 09:04:05',
      'CK',
      'RV-0000042  ',
      'RV-0000042',
    ]);
  });

  it('keeps cents exact, negatives and small amounts included', () => {
    const bind = (cents: number) => bindParams([{ field: 'c', as: 'decimal' }], { c: cents }, tz)[0];
    expect([bind(7), bind(100), bind(-1205), bind(9007199254740991)]).toEqual([
      '0.07',
      '1.00',
      '-12.05',
      '90071992547409.91',
    ]);
  });

  it('dates of the 1900s get century digit 0', () => {
    expect(bindParams([{ field: 'd', as: 'cyymmdd' }], { d: '1999-12-31' }, tz)).toEqual([991231]);
  });

  it('passes null as null and refuses a missing value (node-odbc fails on undefined)', () => {
    expect(bindParams(['receiptNo'], { receiptNo: null }, tz)).toEqual([null]);
    expect(() => bindParams(['receiptNo'], {}, tz)).toThrow(CommandBindError);
    expect(() => bindParams(['receiptNo'], { receiptNo: undefined }, tz)).toThrow(/no value for "receiptNo"/);
  });

  it('refuses values that do not fit their format, with the field named', () => {
    expect(() => bindParams([{ field: 'd', as: 'cyymmdd' }], { d: '30/06/2027' }, tz)).toThrow(
      /d: .* not a date/,
    );
    expect(() => bindParams([{ field: 'c', as: 'decimal' }], { c: 12.5 }, tz)).toThrow(
      /not an amount in cents/,
    );
    expect(() => bindParams([{ field: 'm', map: { cash: 'CA' } }], { m: 'bitcoin' }, tz)).toThrow(
      /no legacy code/,
    );
  });

  it('builds legacy numbers from parts with a template: year digits and zero padding', () => {
    expect(
      bindParams([{ template: '${paidOn:yy}${paymentNo:08}' }], { paidOn: '2026-11-23', paymentNo: 718 }, tz),
    ).toEqual(['2600000718']);
    expect(bindParams([{ template: 'R-${paidOn:yyyy}-${n}' }], { paidOn: '2026-01-02', n: 'X' }, tz)).toEqual(
      ['R-2026-X'],
    );
    expect(() => bindParams([{ template: '${paidOn:yy}' }], { paidOn: 'soon' }, tz)).toThrow(/not a date/);
    expect(() => bindParams([{ template: '${missing}' }], {}, tz)).toThrow(/no value for "missing"/);
  });
});

describe('binding one run of a statement repeated for each element of a list', () => {
  const values = { inspectionId: 'IN-7', checkedOn: '2026-12-07' };
  const run = (element: unknown, position: number) => ({
    ...values,
    ...elementValues('items', element, position),
  });

  it('binds the element fields as list.field and the 1-based position as list.#, in their formats', () => {
    const bound = bindParams(
      [
        'inspectionId',
        'items.#',
        { field: 'items.outcome', map: { pass: 'P', fail: 'F' } },
        { field: 'items.note', pad: 6 },
        { field: 'items.dueOn', as: 'yyyymmdd' },
        { template: '${inspectionId}/${items.#:03}' },
      ],
      run({ outcome: 'fail', note: 'rust', dueOn: '2027-01-15' }, 3),
      tz,
    );
    expect(bound).toEqual(['IN-7', 3, 'F', 'rust  ', '20270115', 'IN-7/003']);
  });

  it('keeps the rules of the rest: null passes as null, a field left out is refused by name', () => {
    expect(bindParams(['items.note'], run({ note: null }, 1), tz)).toEqual([null]);
    expect(() => bindParams(['items.note'], run({ outcome: 'pass' }, 2), tz)).toThrow(
      /no value for "items\.note"/,
    );
    expect(() => bindParams(['items.note'], run({ note: undefined }, 2), tz)).toThrow(CommandBindError);
  });

  it('refuses an element that is not a record, naming its position', () => {
    expect(() => elementValues('items', 'pass', 2)).toThrow(/items #2 is not a record/);
    expect(() => elementValues('items', null, 1)).toThrow(CommandBindError);
  });
});
