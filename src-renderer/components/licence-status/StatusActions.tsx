// Suspend, revoke, close, reinstate: the buttons the status machine offers this licence for the
// person's role (desk.status says the role), each asking for a reason in a dialog. The service
// decides again; a refusal is shown in plain words, in the UI language.
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LicenceDetail } from '../../../src-main/common/contract.ts';
import { availableStatusActions } from '../../../src-main/common/licence-status.ts';
import {
  MAX_STATUS_REASON,
  type PersonStatusAction,
  personStatusActions,
} from '../../../src-main/common/command-defs/change-licence-status.ts';
import { useDeskStatus, useChangeLicenceStatus } from '../../queries/index.ts';
import { refusalText } from './refusal-text.ts';
import { ConfirmDialog } from '../layout/ConfirmDialog.tsx';
import { useStackStyles } from '../layout/stack-styles.ts';

const useStyles = makeStyles({
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export function StatusActions({ detail }: { detail: LicenceDetail }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const stack = useStackStyles();
  const role = useDeskStatus().data?.role ?? null;
  const change = useChangeLicenceStatus();
  const [action, setAction] = useState<PersonStatusAction | null>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState<{ id: string; to: string } | null>(null);
  const { licence } = detail;

  const possible = personStatusActions.filter((a) =>
    availableStatusActions(licence.status, 'admin').includes(a),
  );
  const mine = role
    ? availableStatusActions(licence.status, role).filter((a) => possible.includes(a as PersonStatusAction))
    : [];

  const start = (a: PersonStatusAction) => {
    change.reset();
    setReason('');
    setMissing(false);
    setAction(a);
  };
  const confirm = () => {
    if (!action) return;
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    change.mutate(
      { licenceId: licence.id, action, reason: reason.trim(), expectedStatus: licence.status },
      {
        onSuccess: (result) => {
          setDone({ id: result.licenceId, to: result.to });
          setAction(null);
        },
      },
    );
  };

  return (
    <div className={stack.tight}>
      <Text className={stack.hint}>{t('licenceActions.statusHint')}</Text>
      {mine.length > 0 ? (
        <div className={styles.buttons}>
          {(mine as PersonStatusAction[]).map((a) => (
            <Button key={a} onClick={() => start(a)} appearance={a === 'reinstate' ? 'primary' : 'secondary'}>
              {t(`licenceActions.action.${a}`)}
            </Button>
          ))}
        </div>
      ) : (
        <Text>{possible.length > 0 ? t('licenceActions.noActionsRole') : t('licenceActions.noActions')}</Text>
      )}
      <ConfirmDialog
        open={action !== null}
        onOpenChange={(next) => (next ? null : setAction(null))}
        title={action ? t(`licenceActions.title.${action}`, { id: licence.id }) : ''}
        confirmLabel={
          change.isPending ? t('licenceActions.working') : action ? t(`licenceActions.confirm.${action}`) : ''
        }
        onConfirm={confirm}
        confirmDisabled={change.isPending}
        confirmShortcut="Control+Enter"
        cancelLabel={t('licenceActions.cancel')}
      >
        {action ? <Text>{t(`licenceActions.explain.${action}`)}</Text> : null}
        <Field
          label={t('licenceActions.reason')}
          hint={t('licenceActions.reasonHint')}
          required
          validationState={missing ? 'error' : 'none'}
          validationMessage={missing ? t('licenceActions.reasonMissing') : undefined}
        >
          <Textarea
            value={reason}
            maxLength={MAX_STATUS_REASON}
            resize="vertical"
            onChange={(_, data) => {
              setReason(data.value);
              if (data.value.trim()) setMissing(false);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                confirm();
              }
            }}
          />
        </Field>
        {change.isError ? (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>{refusalText(change.error, t)}</MessageBarBody>
          </MessageBar>
        ) : null}
      </ConfirmDialog>
      <div role="status" className={stack.fullWidth}>
        {done ? (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {t('licenceActions.done', { id: done.id, status: t(`status.${done.to}`).toLowerCase() })}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
    </div>
  );
}
