// Close an enforcement case: the site was corrected (the re-inspection found it so), or the
// complaint was unfounded (dismissed) (node/enforcement/case-steps.ts). Replay closes it only
// while the case is still open as the officer saw it: a case cited or closed on another desk is a
// conflict, never overwritten. The note stays in the outbox entry and the audit log.
import { z } from 'zod';
import { IsoDate, IsoTimestamp } from '../model.ts';
import { defineCommand, unchanged } from './define-command.ts';

export const caseClosings = ['corrected', 'dismissed'] as const;
export const CaseClosing = z.enum(caseClosings);
export const MAX_CASE_NOTE = 200;

export const CloseCasePayload = z.object({
  v: z.literal(1),
  caseId: z.string().min(1),
  outcome: CaseClosing,
  note: z.string().trim().max(MAX_CASE_NOTE, `A note is at most ${MAX_CASE_NOTE} characters.`),
  closedOn: IsoDate,
  closedAt: IsoTimestamp,
});
export type CloseCasePayload = z.infer<typeof CloseCasePayload>;

export const closeCase = defineCommand({
  name: 'closeCase',
  version: 1,
  payload: CloseCasePayload,
  label: { en: 'Case closed', es: 'Expediente cerrado' },
  sends: { en: 'case closings', es: 'cierres de expedientes' },
  actions: {
    'case.close': {
      roles: ['inspector', 'supervisor', 'admin'],
      words: { en: 'close enforcement cases', es: 'cerrar expedientes de inspección' },
    },
  },
  legacyFields: ['caseId', 'outcome', 'closedOn', 'closedAt'],
  basedOn: 'enforcementCase',
  creates: null,
  watch: ['status', 'fineCents'],
  editable: ['outcome', 'note'],
  restamp: 'closedAt',
  conflictRows: (p, seen) => [
    ['status', seen.status, p.outcome],
    ...unchanged(seen, 'fineCents'),
    ['note', null, p.note],
  ],
  describe: (p) => `the closing of case ${String(p.caseId)} as ${String(p.outcome)}`,
  auditAction: () => 'case.close',
});
