// Cite an enforcement case with a fine (node/enforcement/case-steps.ts): the site was not
// corrected by its deadline. A supervisor approves it. The case is closed as cited; while the
// fine is unpaid it is a balance its business owes (renewals refuse: renewal.balanceDue, at once
// on the desk, before the sync); a case at an unlicensed address has the fine on the case only.
// Replay cites only a case still open as the supervisor saw it: a case closed on another desk
// meanwhile is a conflict, never overwritten.
import { z } from 'zod';
import { message } from '../messages/message-entry.ts';
import { IsoDate, IsoTimestamp, PositiveMoney } from '../model.ts';
import { defineCommand, dollars, unchanged } from './define-command.ts';

export const CiteCasePayload = z.object({
  v: z.literal(1),
  caseId: z.string().min(1),
  /** The business the fine is owed by, as the case names it (null: an unlicensed place). */
  businessId: z.string().nullable(),
  fineCents: PositiveMoney,
  citedOn: IsoDate,
  citedAt: IsoTimestamp,
});
export type CiteCasePayload = z.infer<typeof CiteCasePayload>;

export const citeCase = defineCommand({
  name: 'citeCase',
  version: 1,
  payload: CiteCasePayload,
  label: { en: 'Case cited', es: 'Expediente multado' },
  sends: { en: 'citations and fines', es: 'citaciones y multas' },
  actions: {
    'case.cite': {
      roles: ['supervisor', 'admin'],
      words: { en: 'approve citations and fines', es: 'aprobar citaciones y multas' },
    },
  },
  legacyFields: ['caseId', 'fineCents', 'citedOn', 'citedAt'],
  basedOn: 'enforcementCase',
  creates: null,
  watch: ['status', 'fineCents'],
  editable: ['fineCents'],
  restamp: 'citedAt',
  conflictRows: (p, seen) => [
    ['status', seen.status, 'cited'],
    ['fineCents', seen.fineCents, p.fineCents],
    ...unchanged(seen, 'officer'),
  ],
  describe: (p) => `the citation of case ${String(p.caseId)} with a fine of ${dollars(p.fineCents)}`,
  auditAction: () => 'case.cite',
  errors: {
    'case.cite_invalid': message(
      ['caseId'],
      (p) => `The citation of case ${p.caseId} was not recorded: see the fields marked.`,
      (p) => `No se registró la citación del expediente ${p.caseId}: revise los campos marcados.`,
    ),
  },
});
