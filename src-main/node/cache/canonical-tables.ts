// Where each canonical entity lives in the cache: its table and the column of each field.
import type { EntityName } from '../../common/model.ts';

export interface TableMap {
  table: string;
  columns: Record<string, string>;
}

export const canonicalTables: Record<EntityName, TableMap> = {
  business: {
    table: 'business',
    columns: {
      id: 'id',
      name: 'name',
      dbaName: 'dba_name',
      ownerName: 'owner_name',
      addressLine: 'address_line',
      city: 'city',
      state: 'state',
      postalCode: 'postal_code',
      phone: 'phone',
      taxId: 'tax_id',
      openedOn: 'opened_on',
      legacyUpdatedAt: 'legacy_updated_at',
    },
  },
  licenceType: { table: 'licence_type', columns: { code: 'code', name: 'name', termMonths: 'term_months' } },
  feeSchedule: {
    table: 'fee_schedule',
    columns: {
      id: 'id',
      licenceTypeCode: 'licence_type_code',
      effectiveOn: 'effective_on',
      amountCents: 'amount_cents',
      description: 'description',
    },
  },
  licence: {
    table: 'licence',
    columns: {
      id: 'id',
      businessId: 'business_id',
      licenceTypeCode: 'licence_type_code',
      status: 'status',
      issuedOn: 'issued_on',
      expiresOn: 'expires_on',
      feeCents: 'fee_cents',
      legacyUpdatedAt: 'legacy_updated_at',
    },
  },
  payment: {
    table: 'payment',
    columns: {
      id: 'id',
      licenceId: 'licence_id',
      paidOn: 'paid_on',
      amountCents: 'amount_cents',
      method: 'method',
      receiptNo: 'receipt_no',
      reversalOf: 'reversal_of',
      reversalKind: 'reversal_kind',
    },
  },
  inspection: {
    table: 'inspection',
    columns: {
      id: 'id',
      licenceId: 'licence_id',
      inspectedOn: 'inspected_on',
      kind: 'kind',
      result: 'result',
      inspector: 'inspector',
      notes: 'notes',
    },
  },
  codeValue: {
    table: 'code_value',
    columns: { id: 'id', codeTable: 'code_table', code: 'code', label: 'label' },
  },
  // migrations/0009_fees_and_holds.sql
  hold: {
    table: 'hold',
    columns: {
      id: 'id',
      licenceId: 'licence_id',
      businessId: 'business_id',
      code: 'code',
      reason: 'reason',
      placedOn: 'placed_on',
      releasedOn: 'released_on',
    },
  },
  balance: {
    table: 'balance',
    columns: {
      id: 'id',
      businessId: 'business_id',
      licenceId: 'licence_id',
      amountCents: 'amount_cents',
      dueOn: 'due_on',
      description: 'description',
    },
  },
  // migrations/0016_inspector_desk.sql
  scheduledInspection: {
    table: 'scheduled_inspection',
    columns: {
      id: 'id',
      licenceId: 'licence_id',
      address: 'address',
      ward: 'ward',
      kind: 'kind',
      scheduledOn: 'scheduled_on',
      windowStart: 'window_start',
      windowEnd: 'window_end',
      inspector: 'inspector',
      status: 'status',
      result: 'result',
      score: 'score',
      grade: 'grade',
    },
  },
  checklistResult: {
    table: 'checklist_result',
    columns: {
      id: 'id',
      inspectionId: 'inspection_id',
      itemCode: 'item_code',
      outcome: 'outcome',
      note: 'note',
    },
  },
  violation: {
    table: 'violation',
    columns: {
      id: 'id',
      inspectionId: 'inspection_id',
      ordinanceSection: 'ordinance_section',
      severity: 'severity',
      description: 'description',
      correctBy: 'correct_by',
      status: 'status',
    },
  },
  ordinance: {
    table: 'ordinance',
    columns: {
      section: 'section',
      titleEn: 'title_en',
      titleEs: 'title_es',
      defaultSeverity: 'default_severity',
      correctionDays: 'correction_days',
    },
  },
  // migrations/0017_code_enforcement.sql
  complaint: {
    table: 'complaint',
    columns: {
      id: 'id',
      receivedOn: 'received_on',
      channel: 'channel',
      address: 'address',
      licenceId: 'licence_id',
      description: 'description',
      status: 'status',
      caseId: 'case_id',
    },
  },
  enforcementCase: {
    table: 'enforcement_case',
    columns: {
      id: 'id',
      openedOn: 'opened_on',
      address: 'address',
      businessId: 'business_id',
      licenceId: 'licence_id',
      officer: 'officer',
      status: 'status',
      correctBy: 'correct_by',
      fineCents: 'fine_cents',
      closedOn: 'closed_on',
      finePaidOn: 'fine_paid_on',
      legacyUpdatedAt: 'legacy_updated_at',
    },
  },
};

/** The cache's primary-key column of each entity (the canonical key field). */
export const keyField = (entity: EntityName) =>
  entity === 'licenceType' ? 'code' : entity === 'ordinance' ? 'section' : 'id';

/** Reads a cache row back into a canonical record. */
export function rowToRecord(entity: EntityName, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(canonicalTables[entity].columns))
    out[field] = row[column] ?? null;
  return out;
}
