// Guesses which legacy table holds which canonical entity and which column feeds which canonical
// field, from names (PascalCase words or 1990s short names with a table prefix: BUSNAM is BUS +
// NAM), declared types, the formats the detectors found, and the foreign keys the data confirmed.
// Every guess carries a score and the reason for it, so the report can say why.
import type { EntityName } from '../../common/model.ts';
import { type AnalysedTable, type Analysis, column } from './analyse.ts';
import { columnPrefix, columnStem, isNumberKind, isTextKind, normalName, singular } from './detect.ts';

export type FieldWant =
  'key' | 'text' | 'name' | 'state' | 'phone' | 'date' | 'timestamp' | 'money' | 'integer' | 'code' | 'ref';

export interface FieldSpec {
  field: string;
  want: FieldWant;
  /** For 'ref': the entity whose key the field holds. */
  ref?: EntityName;
  /** Whole names (lower case, no separators) and short-name stems (after the table's prefix). */
  names: string[];
  stems: string[];
  /** Whether a record without it is refused by the canonical model. */
  required: boolean;
  /** For people: what the field is. */
  about: string;
}

export interface EntitySpec {
  entity: EntityName;
  /** Table names (singular, lower case) and short-name stems that say "this entity". */
  tableNames: string[];
  tableStems: string[];
  fields: FieldSpec[];
}

const f = (
  field: string,
  want: FieldWant,
  names: string[],
  stems: string[],
  about: string,
  required = false,
  ref?: EntityName,
): FieldSpec => ({ field, want, names, stems, about, required, ...(ref ? { ref } : {}) });

const UPDATED = [
  'updated',
  'updatedat',
  'lastupdated',
  'lastupdate',
  'modified',
  'modifiedat',
  'lastmodified',
  'modifiedon',
  'modifieddate',
  'updatedon',
  'updatedate',
  'changed',
  'changedat',
  'lastchanged',
  'datemodified',
  'dateupdated',
  'lastchange',
];
const UPDATED_STEMS = ['UPD', 'UPDT', 'MOD', 'CHG', 'LUP', 'LCHG', 'LMOD'];
const LICENCE_TYPE_NAMES = [
  'licensetype',
  'licencetype',
  'permittype',
  'licensetypeid',
  'licencetypeid',
  'permittypeid',
  'licensetypecode',
  'permittypecode',
  'typecode',
  'typeid',
  'type',
  'ltype',
  'category',
  'categoryid',
];
const LICENCE_TYPE_STEMS = ['TYP', 'TYPE', 'LTYP', 'LTY', 'CAT'];
const LICENCE_REF_NAMES = [
  'licenseid',
  'licenceid',
  'permitid',
  'licno',
  'licenseno',
  'licenceno',
  'licensenumber',
  'licencenumber',
  'permitno',
  'permitnumber',
  'license',
  'licence',
  'permit',
];
const LICENCE_REF_STEMS = ['LIC', 'LICN', 'LICNO', 'PRM', 'PMT', 'PRMT'];

export const entitySpecs: EntitySpec[] = [
  {
    entity: 'licenceType',
    tableNames: [
      'licensetype',
      'licencetype',
      'permittype',
      'ltyp',
      'lictyp',
      'lictype',
      'type',
      'category',
      'licensecategory',
      'permitcategory',
      'licensetypecode',
    ],
    tableStems: ['LTYP', 'LTY', 'TYP'],
    fields: [
      f(
        'code',
        'key',
        ['code', 'typecode', 'id', 'typeid'],
        ['CODE', 'CD', 'COD'],
        'the type code licences carry',
        true,
      ),
      f(
        'name',
        'name',
        ['name', 'description', 'desc', 'typename', 'title', 'label'],
        ['DESC', 'DSC', 'DES', 'NAM', 'NAME'],
        'the name of the type',
        true,
      ),
      f(
        'termMonths',
        'integer',
        [
          'term',
          'termmonths',
          'months',
          'duration',
          'durationmonths',
          'validmonths',
          'renewalmonths',
          'termlength',
          'renewalterm',
        ],
        ['TERM', 'TRM', 'MOS', 'MON'],
        'how many months a licence of this type runs',
      ),
    ],
  },
  {
    entity: 'feeSchedule',
    tableNames: ['fee', 'feeschedule', 'rate', 'feerate', 'feetable', 'schedule'],
    tableStems: ['FEE', 'FS', 'RATE'],
    fields: [
      f(
        'id',
        'key',
        ['id', 'feeid', 'feescheduleid', 'no', 'number'],
        ['NO', 'ID', 'NUM'],
        'the fee line',
        true,
      ),
      f(
        'licenceTypeCode',
        'ref',
        LICENCE_TYPE_NAMES,
        LICENCE_TYPE_STEMS,
        'the licence type the fee is for',
        true,
        'licenceType',
      ),
      f(
        'effectiveOn',
        'date',
        [
          'effective',
          'effectiveon',
          'effectivedate',
          'effdate',
          'startdate',
          'validfrom',
          'fromdate',
          'startson',
          'effectivefrom',
        ],
        ['EFDT', 'EFF', 'EFD', 'EFFDT', 'STR'],
        'from when the fee applies',
      ),
      f(
        'amountCents',
        'money',
        ['amount', 'fee', 'feeamount', 'amt', 'price', 'rate', 'charge'],
        ['AMT', 'FEE', 'AMOUNT'],
        'the amount',
        true,
      ),
      f(
        'description',
        'name',
        ['description', 'desc', 'name', 'feename', 'feetype', 'label', 'title'],
        ['DESC', 'DSC', 'DES', 'NAM'],
        'what the fee is',
      ),
    ],
  },
  {
    entity: 'business',
    tableNames: [
      'business',
      'busmst',
      'bus',
      'company',
      'vendor',
      'establishment',
      'applicant',
      'customer',
      'licensee',
      'licencee',
      'businessmaster',
      'firm',
    ],
    tableStems: ['BUS', 'BIZ', 'CMP', 'VEN', 'BSN'],
    fields: [
      f(
        'id',
        'key',
        ['id', 'businessid', 'busno', 'businessno', 'businessnumber', 'no', 'number'],
        ['NO', 'ID', 'NUM', 'NBR'],
        'the business number',
        true,
      ),
      f(
        'name',
        'name',
        ['name', 'businessname', 'legalname', 'companyname', 'busname', 'bizname', 'registeredname'],
        ['NAM', 'NAME', 'LNAM', 'NM'],
        'the legal name',
        true,
      ),
      f(
        'dbaName',
        'name',
        ['dba', 'dbaname', 'tradename', 'doingbusinessas', 'tradingas', 'tradingname'],
        ['DBA', 'TRD', 'TNAM'],
        '"doing business as" name',
      ),
      f(
        'ownerName',
        'name',
        ['owner', 'ownername', 'contact', 'contactname', 'proprietor', 'principal'],
        ['OWN', 'OWNR', 'OWN1', 'CNT', 'CON'],
        'the owner or contact',
      ),
      f(
        'addressLine',
        'name',
        [
          'address',
          'address1',
          'addressline',
          'addressline1',
          'street',
          'streetaddress',
          'addr',
          'addr1',
          'location',
          'siteaddress',
        ],
        ['AD1', 'ADR', 'ADDR', 'ADD1', 'ADD', 'STR', 'AD'],
        'the street address',
      ),
      f('city', 'name', ['city', 'town', 'municipality'], ['CTY', 'CITY', 'CIT'], 'the city'),
      f(
        'state',
        'state',
        ['state', 'province', 'st', 'region', 'statecode'],
        ['ST', 'STA', 'STE', 'STT'],
        'the state (two letters)',
      ),
      f(
        'postalCode',
        'text',
        ['zip', 'zipcode', 'postalcode', 'postcode', 'zip5', 'postal'],
        ['ZIP', 'PST', 'ZIPC'],
        'the ZIP code',
      ),
      f(
        'phone',
        'phone',
        ['phone', 'phonenumber', 'telephone', 'tel', 'phoneno', 'phone1', 'mainphone'],
        ['PHN', 'PHO', 'TEL', 'PHONE', 'PH'],
        'the phone number',
      ),
      f(
        'taxId',
        'text',
        ['taxid', 'tin', 'ein', 'fein', 'taxnumber', 'taxno', 'federaltaxid', 'taxidnumber'],
        ['TAX', 'TIN', 'EIN', 'FEIN', 'TXID'],
        'the tax id (EIN)',
      ),
      f(
        'openedOn',
        'date',
        [
          'opened',
          'openedon',
          'opendate',
          'dateopened',
          'startdate',
          'establishedon',
          'established',
          'since',
          'openedat',
          'startedon',
          'businessstart',
        ],
        ['OPN', 'OPD', 'EST', 'OPEN', 'STRT', 'BEG'],
        'when the business opened',
      ),
      f('legacyUpdatedAt', 'timestamp', UPDATED, UPDATED_STEMS, 'when the legacy row last changed'),
    ],
  },
  {
    entity: 'licence',
    tableNames: [
      'licence',
      'license',
      'permit',
      'licmst',
      'lic',
      'licensemaster',
      'licencemaster',
      'permitmaster',
    ],
    tableStems: ['LIC', 'PRM', 'PMT', 'PRMT'],
    fields: [
      f(
        'id',
        'key',
        [
          'id',
          'licenseid',
          'licenceid',
          'permitid',
          'licno',
          'licenseno',
          'licensenumber',
          'permitnumber',
          'no',
          'number',
        ],
        ['NO', 'ID', 'NUM', 'NBR'],
        'the licence number clerks read and type',
        true,
      ),
      f(
        'businessId',
        'ref',
        [
          'businessid',
          'busno',
          'businessno',
          'business',
          'companyid',
          'vendorid',
          'licenseeid',
          'applicantid',
        ],
        ['BUS', 'BUSNO', 'BIZ', 'CMP'],
        'the business that holds it',
        true,
        'business',
      ),
      f('licenceTypeCode', 'ref', LICENCE_TYPE_NAMES, LICENCE_TYPE_STEMS, 'its licence type'),
      f(
        'status',
        'code',
        [
          'status',
          'statusid',
          'statuscode',
          'licensestatus',
          'permitstatus',
          'permitstatusid',
          'licensestatusid',
          'state',
        ],
        ['STS', 'STA', 'STAT', 'STATUS'],
        'active, expired, suspended, closed or unknown',
        true,
      ),
      f(
        'issuedOn',
        'date',
        [
          'issued',
          'issuedon',
          'issuedate',
          'dateissued',
          'issuedat',
          'issuancedate',
          'startdate',
          'effectivedate',
          'validfrom',
        ],
        ['ISS', 'ISD', 'ISSDT', 'EFF', 'ISSU'],
        'when the current term began',
      ),
      f(
        'expiresOn',
        'date',
        [
          'expires',
          'expireson',
          'expirationdate',
          'expirydate',
          'expiry',
          'expiration',
          'expiresat',
          'enddate',
          'expdate',
          'validuntil',
          'validto',
        ],
        ['EXP', 'EXD', 'EXPDT', 'END'],
        'when the current term ends',
      ),
      f(
        'feeCents',
        'money',
        ['fee', 'feeamount', 'amount', 'licensefee', 'licencefee', 'permitfee', 'annualfee'],
        ['FEE', 'AMT'],
        'the fee of the current term',
      ),
      f('legacyUpdatedAt', 'timestamp', UPDATED, UPDATED_STEMS, 'when the legacy row last changed'),
    ],
  },
  {
    entity: 'payment',
    tableNames: [
      'payment',
      'pay',
      'payhst',
      'payhist',
      'paymenthistory',
      'receipt',
      'transaction',
      'feepayment',
      'permitpayment',
    ],
    tableStems: ['PAY', 'PMT', 'RCT', 'PYM'],
    fields: [
      f(
        'id',
        'key',
        ['id', 'paymentid', 'payno', 'paymentno', 'paymentnumber', 'no', 'number'],
        ['NO', 'ID', 'NUM', 'NBR'],
        'the payment',
        true,
      ),
      f('licenceId', 'ref', LICENCE_REF_NAMES, LICENCE_REF_STEMS, 'the licence paid for', true, 'licence'),
      f(
        'paidOn',
        'date',
        [
          'paidon',
          'paiddate',
          'paymentdate',
          'datepaid',
          'paidat',
          'date',
          'receiveddate',
          'receivedon',
          'receivedat',
          'transactiondate',
          'postedon',
          'posteddate',
        ],
        ['DTE', 'DAT', 'DT', 'PDT', 'DATE'],
        'when it was paid',
      ),
      f(
        'amountCents',
        'money',
        ['amount', 'amountpaid', 'paid', 'amt', 'total', 'paymentamount', 'paidamount'],
        ['AMT', 'AMOUNT', 'PAID'],
        'the amount paid',
        true,
      ),
      f(
        'method',
        'code',
        [
          'method',
          'paymentmethod',
          'methodcode',
          'paymenttype',
          'tender',
          'tendertype',
          'paymethod',
          'methodid',
          'paymentmethodid',
          'type',
        ],
        ['MTH', 'MTD', 'METH', 'TYP', 'TND'],
        'cash, check, card or other',
        true,
      ),
      f(
        'receiptNo',
        'text',
        [
          'receipt',
          'receiptno',
          'receiptnumber',
          'receiptnum',
          'reference',
          'referenceno',
          'referencenumber',
          'confirmation',
          'checknumber',
        ],
        ['RCT', 'RCP', 'REC', 'RCPT', 'REF'],
        'the receipt number',
      ),
    ],
  },
  {
    entity: 'inspection',
    tableNames: ['inspection', 'insp', 'inspct', 'inspect', 'inspectionhistory', 'visit'],
    tableStems: ['INS', 'INSP', 'ISP'],
    fields: [
      f(
        'id',
        'key',
        ['id', 'inspectionid', 'insno', 'inspectionno', 'inspectionnumber', 'no', 'number'],
        ['NO', 'ID', 'NUM', 'NBR'],
        'the inspection',
        true,
      ),
      f('licenceId', 'ref', LICENCE_REF_NAMES, LICENCE_REF_STEMS, 'the licence inspected', true, 'licence'),
      f(
        'inspectedOn',
        'date',
        [
          'inspectedon',
          'inspectiondate',
          'date',
          'inspecteddate',
          'inspectedat',
          'performedon',
          'visitdate',
          'scheduledfor',
          'scheduledon',
          'scheduleddate',
          'completedon',
          'completeddate',
          'completedat',
        ],
        ['DTE', 'DAT', 'DT', 'DATE', 'IDT'],
        'when it took place',
      ),
      f(
        'kind',
        'text',
        ['kind', 'type', 'inspectiontype', 'category', 'inspectionkind', 'typecode', 'inspectiontypecode'],
        ['TYP', 'KND', 'TYPE', 'CAT'],
        'what was inspected (fire, health, ...)',
      ),
      f(
        'result',
        'code',
        ['result', 'outcome', 'resultcode', 'status', 'disposition', 'resultid', 'outcomeid'],
        ['RES', 'RSL', 'OUT', 'RSLT'],
        'pass, fail, reinspect, pending or unknown',
        true,
      ),
      f(
        'inspector',
        'text',
        ['inspector', 'inspectedby', 'by', 'inspectorname', 'officer', 'staff', 'inspectorid', 'userid'],
        ['BY', 'INSP', 'OFF', 'IBY', 'USR'],
        'who inspected',
      ),
      f(
        'notes',
        'text',
        ['notes', 'note', 'comments', 'comment', 'remarks', 'remark', 'memo', 'findings', 'details'],
        ['NOT', 'NTE', 'CMT', 'RMK', 'NOTE', 'MEMO'],
        "the inspector's notes",
      ),
    ],
  },
];

export interface FieldGuess {
  spec: FieldSpec;
  column: string | null;
  score: number;
  reason: string;
}

export interface EntityGuess {
  entity: EntityName;
  table: AnalysedTable;
  score: number;
  reason: string;
  fields: FieldGuess[];
}

export interface Guess {
  entities: EntityGuess[];
  /** Entities no table was found for. */
  missing: EntityName[];
  /** Tables no entity was found for. */
  unmapped: AnalysedTable[];
}

const tableBaseName = (t: AnalysedTable) => t.profile.name;

/** How strongly a table's name says it holds the entity: 10 for Permits/LICMST, less for partial matches. */
export function tableNameScore(spec: EntitySpec, tableName: string): { score: number; reason: string } {
  const words = normalName(tableName);
  const base = singular(words);
  if (spec.tableNames.includes(base) || spec.tableNames.includes(words))
    return { score: 10, reason: `its name (${tableName})` };
  const upper = tableName.toUpperCase();
  // 1990s names: a stem at the start (BUSMST, LICMST, PAYHST) or after a system prefix (RVLTYP).
  const stem = spec.tableStems.find((s) => s.length >= 3 && upper.startsWith(s));
  if (stem) return { score: 8, reason: `its name (starts with ${stem})` };
  const inside = spec.tableNames.find((n) => n.length >= 3 && base.includes(n));
  if (inside) return { score: inside.length >= 5 ? 6 : 5, reason: `its name (contains "${inside}")` };
  const stemInside = spec.tableStems.find((s) => s.length >= 3 && upper.slice(1).includes(s));
  if (stemInside) return { score: 5, reason: `its name (contains ${stemInside})` };
  return { score: 0, reason: '' };
}

interface ColumnNames {
  full: string;
  stripped: string;
  stem: string;
}

function columnNames(table: AnalysedTable, name: string): ColumnNames {
  const prefix = columnPrefix(table.profile.columns.map((c) => c.name));
  const full = normalName(name);
  // PascalCase names repeat the table: PermitNumber in Permits -> number.
  const base = singular(normalName(tableBaseName(table)));
  const stripped =
    base.length >= 3 && full.startsWith(base) && full.length > base.length ? full.slice(base.length) : full;
  return { full, stripped, stem: columnStem(name, prefix) };
}

/** How well a column's name fits a field (0 to 10). */
export function nameFit(spec: FieldSpec, names: ColumnNames): number {
  if (spec.names.includes(names.full)) return 10;
  if (spec.names.includes(names.stripped)) return 9;
  if (spec.stems.includes(names.stem)) return 9;
  if (spec.names.some((n) => n.length >= 4 && (names.full.startsWith(n) || names.full.endsWith(n)))) return 6;
  if (spec.names.some((n) => n.length >= 5 && names.full.includes(n))) return 5;
  if (spec.stems.some((s) => s.length >= 3 && names.stem.startsWith(s))) return 5;
  return 0;
}

/** Scores one column for one field: its name, then whether its type and contents fit. */
function fieldScore(
  spec: FieldSpec,
  table: AnalysedTable,
  columnName: string,
  tablesByEntity: Map<EntityName, AnalysedTable>,
): { score: number; reason: string } {
  const profile = column(table, columnName);
  const found = table.findings.get(columnName)!;
  const kind = profile.type.kind;
  const fit = nameFit(spec, columnNames(table, columnName));
  let score = fit;
  const reasons: string[] = fit > 0 ? [`its name`] : [];
  const isDate = !!found.date;
  const isStamp = !!found.timestamp;
  switch (spec.want) {
    case 'date':
      if (isDate || found.timestamp?.storage === 'native') {
        score += fit > 0 ? 5 : 0;
        reasons.push('it holds dates');
      } else score *= 0.3;
      break;
    case 'timestamp':
      if (isStamp) {
        score += fit > 0 ? 5 : 0;
        reasons.push('it holds timestamps');
      } else if (isDate) score += fit > 0 ? 1 : 0;
      else score *= 0.3;
      break;
    case 'money':
      if (found.money) {
        score += fit > 0 ? 5 : 1;
        reasons.push('it holds money');
      } else if (!isNumberKind(kind)) score *= 0.2;
      else score *= 0.6;
      break;
    case 'integer':
      if (isNumberKind(kind)) score += fit > 0 ? 2 : 0;
      else score *= 0.5;
      break;
    case 'code':
      if (found.codes || found.references) {
        score += fit > 0 ? 3 : 0;
        reasons.push(
          found.references ? `it refers to the code table ${found.references.table}` : 'it holds a few codes',
        );
      } else if (isDate || isStamp || found.money) score *= 0.2;
      break;
    case 'ref': {
      const target = spec.ref ? tablesByEntity.get(spec.ref) : undefined;
      if (target && found.references?.table === target.profile.qualified) {
        score += 12;
        reasons.push(`its values are ${target.profile.qualified}'s keys`);
      } else if (found.references && target) score *= 0.3;
      else if (isDate || isStamp || found.money) score *= 0.2;
      else score *= 0.7;
      break;
    }
    case 'name':
    case 'text':
    case 'state':
    case 'phone':
      if (isDate || isStamp || found.money) score *= 0.2;
      else if (!isTextKind(kind)) score *= spec.want === 'text' ? 0.8 : 0.5;
      else score += fit > 0 ? 1 : 0;
      break;
    case 'key':
      break;
  }
  return { score, reason: reasons.join(', ') };
}

const MIN_TABLE_SCORE = 5;
const MIN_FIELD_SCORE = 6;

/** Which table is which entity, and which column feeds which field. */
export function guessMapping(analysis: Analysis): Guess {
  const usable = analysis.tables.filter((t) => !t.profile.error && t.profile.columns.length > 0);
  // Entities to tables: name first, then how many of the entity's fields find a column by name.
  const pairs: Array<{ spec: EntitySpec; table: AnalysedTable; score: number; reason: string }> = [];
  for (const spec of entitySpecs) {
    for (const table of usable) {
      const byName = tableNameScore(spec, table.profile.name);
      const fitted = spec.fields
        .filter((fs) => fs.want !== 'key')
        .map((fs) =>
          Math.max(0, ...table.profile.columns.map((c) => nameFit(fs, columnNames(table, c.name)))),
        );
      const coverage = fitted.filter((s) => s >= 9).length / Math.max(1, fitted.length);
      const score = byName.score + 6 * coverage + (table.key.length ? 0.5 : -3);
      const reasons = [
        byName.reason,
        coverage > 0
          ? `column names that fit ${Math.round(coverage * 100)}% of the ${spec.entity} fields`
          : '',
      ]
        .filter(Boolean)
        .join('; ');
      if (score >= MIN_TABLE_SCORE) pairs.push({ spec, table, score, reason: reasons });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const chosen = new Map<EntityName, { table: AnalysedTable; score: number; reason: string }>();
  const taken = new Set<AnalysedTable>();
  for (const p of pairs) {
    if (chosen.has(p.spec.entity) || taken.has(p.table)) continue;
    chosen.set(p.spec.entity, p);
    taken.add(p.table);
  }
  const tablesByEntity = new Map([...chosen].map(([e, c]) => [e, c.table]));

  const entities: EntityGuess[] = [];
  for (const spec of entitySpecs) {
    const pick = chosen.get(spec.entity);
    if (!pick) continue;
    const table = pick.table;
    const fields: FieldGuess[] = [];
    const used = new Set<string>();
    // The id is the key; the other fields take the best-scoring unused column, best pairs first.
    const keySpec = spec.fields.find((fs) => fs.want === 'key')!;
    const key = table.key.length === 1 ? table.key[0]! : null;
    fields.push({
      spec: keySpec,
      column: key,
      score: key ? 10 : 0,
      reason: key ? (table.keySource === 'catalog' ? 'the primary key' : 'unique and never empty') : '',
    });
    if (key) used.add(key);
    const options: Array<{ spec: FieldSpec; column: string; score: number; reason: string }> = [];
    for (const fs of spec.fields) {
      if (fs.want === 'key') continue;
      for (const c of table.profile.columns) {
        const s = fieldScore(fs, table, c.name, tablesByEntity);
        if (s.score >= MIN_FIELD_SCORE) options.push({ spec: fs, column: c.name, ...s });
      }
    }
    options.sort((a, b) => b.score - a.score);
    const assigned = new Map<string, FieldGuess>();
    for (const o of options) {
      if (assigned.has(o.spec.field) || used.has(o.column)) continue;
      assigned.set(o.spec.field, { spec: o.spec, column: o.column, score: o.score, reason: o.reason });
      used.add(o.column);
    }
    for (const fs of spec.fields) {
      if (fs.want === 'key') continue;
      fields.push(assigned.get(fs.field) ?? { spec: fs, column: null, score: 0, reason: '' });
    }
    entities.push({ entity: spec.entity, table, score: pick.score, reason: pick.reason, fields });
  }
  return {
    entities,
    missing: entitySpecs.map((s) => s.entity).filter((e) => !chosen.has(e)),
    unmapped: usable.filter((t) => !taken.has(t)).concat(analysis.tables.filter((t) => !usable.includes(t))),
  };
}
