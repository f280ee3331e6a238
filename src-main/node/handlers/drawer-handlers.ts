// The handlers of drawerOperations (src-main/common/ops/drawer-ops.ts).
import { errorText, WorkbenchError } from '../../common/errors.ts';
import type { drawerOperations } from '../../common/ops/drawer-ops.ts';
import { reversePayment } from '../commands/reversal-commands.ts';
import { printDrawerReport } from '../documents/drawer-report.ts';
import { paymentDetailsOf, reversalsOf } from '../drawer/entries.ts';
import {
  closeDrawer,
  latestSessionOf,
  listSessions,
  openDrawer,
  openSessionOf,
  sessionView,
} from '../drawer/sessions.ts';
import type { HandlerContext, HandlersOf } from './handler-context.ts';

export function drawerHandlers(ctx: HandlerContext): HandlersOf<typeof drawerOperations> {
  const { desk, runtime, actor } = ctx;
  const db = desk.cache;
  const deskId = () => desk.configured().deskId;

  const reversal = (kind: 'void' | 'refund', input: Parameters<typeof reversePayment>[3]) => {
    const { operationId, payload, reversalId } = reversePayment(desk, actor(), kind, input);
    runtime?.kick();
    return {
      operationId,
      reversalId,
      paymentId: payload.paymentId,
      amountCents: payload.amountCents,
      receiptNo: payload.receiptNo,
      provisional: true,
    };
  };

  return {
    async 'drawer.current'() {
      const open = openSessionOf(db, deskId(), actor());
      return { session: open ? sessionView(db, open.id) : null };
    },

    async 'drawer.get'({ sessionId }) {
      return { session: sessionView(db, sessionId) };
    },

    async 'drawer.list'({ limit }) {
      return { sessions: listSessions(db, deskId(), limit).map(({ entries: _entries, ...s }) => s) };
    },

    async 'drawer.open'({ floatCents }) {
      return { session: openDrawer(desk, actor(), floatCents) };
    },

    async 'drawer.close'({ cashCents, checkCents, cardCents }) {
      return { session: closeDrawer(desk, actor(), { cash: cashCents, check: checkCents, card: cardCents }) };
    },

    async 'drawer.report'({ sessionId, language }) {
      const id = sessionId ?? latestSessionOf(db, deskId(), actor())?.id;
      if (!id) {
        throw new WorkbenchError('not_found', errorText('drawer.no_session_report', {}));
      }
      return printDrawerReport(desk, id, language);
    },

    async 'payments.void'({ paymentId, reason }) {
      return reversal('void', { paymentId, reason });
    },

    async 'payments.refund'({ paymentId, reason, amountCents, method }) {
      return reversal('refund', { paymentId, reason, amountCents, method });
    },

    async 'payments.details'({ paymentId }) {
      return { entry: paymentDetailsOf(desk, paymentId), reversedBy: reversalsOf(desk, paymentId) };
    },
  };
}
