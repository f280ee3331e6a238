// The person's decision on an open conflict: apply again on the current values, edit the
// editable fields then apply, or discard with a reason (required). One radio group, the fields
// that choice needs, one button: every part reachable and operable by keyboard.
import {
  Button,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paymentMethods } from '../../src-main/common/model.ts';
import type { Conflict } from '../../src-main/common/sync-model.ts';
import { fieldKind, fieldLabel } from '../conflict-values.ts';
import { centsToTyped, parseAmount } from '../forms/money-input.ts';
import { useResolveConflict } from '../queries/index.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

type Choice = Conflict['resolution'] & string;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, maxWidth: '40rem' },
  edits: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalM },
});

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The editable values as the inputs hold them (money as dollars and cents). */
function initialEdits(editable: Conflict['editable']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(editable)) {
    out[k] =
      v === null ? '' : fieldKind(k) === 'money' && typeof v === 'number' ? centsToTyped(v) : String(v);
  }
  return out;
}

export function ConflictResolution({
  conflict,
  onResolved,
}: {
  conflict: Conflict;
  onResolved: (c: Conflict) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const resolve = useResolveConflict();
  const [choice, setChoice] = useState<Choice>('apply_again');
  const [edits, setEdits] = useState(() => initialEdits(conflict.editable));
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const editable = Object.keys(conflict.editable);

  const validEdits = (): Record<string, string | number> | null => {
    const found: Record<string, string> = {};
    const out: Record<string, string | number> = {};
    for (const key of editable) {
      const typed = (edits[key] ?? '').trim();
      const kind = fieldKind(key);
      if (!typed) found[key] = t('conflicts.valueRequired');
      else if (kind === 'money') {
        const parsed = parseAmount(typed);
        if (parsed.ok) out[key] = parsed.cents;
        else found[key] = t('counter.amountFormat');
      } else if (kind === 'date') {
        if (isoDate.test(typed)) out[key] = typed;
        else found[key] = t('conflicts.dateFormat');
      } else out[key] = typed;
    }
    setProblems(found);
    return Object.keys(found).length ? null : out;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (resolve.isPending) return;
    const base = { conflictId: conflict.id, resolution: choice };
    let input;
    if (choice === 'discard') {
      if (!reason.trim()) {
        setProblems({ reason: t('conflicts.reasonRequired') });
        return;
      }
      input = { ...base, reason: reason.trim() };
    } else if (choice === 'edit') {
      const valid = validEdits();
      if (!valid) return;
      input = { ...base, edits: valid };
    } else input = base;
    setProblems({});
    resolve.mutate(input, { onSuccess: (result) => onResolved(result.conflict) });
  };

  const submitLabel =
    choice === 'discard'
      ? t('conflicts.submitDiscard')
      : choice === 'edit'
        ? t('conflicts.submitEdit')
        : t('conflicts.submitApplyAgain');

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={t('conflicts.decide')}>
      <Field label={t('conflicts.resolution')}>
        <RadioGroup value={choice} onChange={(_, data) => setChoice(data.value as Choice)}>
          <Radio value="apply_again" label={{ children: t('conflicts.applyAgain') }} />
          {editable.length > 0 ? <Radio value="edit" label={{ children: t('conflicts.edit') }} /> : null}
          <Radio value="discard" label={{ children: t('conflicts.discard') }} />
        </RadioGroup>
      </Field>

      <p>
        {choice === 'discard'
          ? t('conflicts.discardHint')
          : choice === 'edit'
            ? t('conflicts.editHint')
            : t('conflicts.applyAgainHint')}
      </p>

      {choice === 'edit' ? (
        <div className={styles.edits}>
          {editable.map((key) => {
            const kind = fieldKind(key);
            const set = (value: string) => setEdits((e) => ({ ...e, [key]: value }));
            return (
              <Field
                key={key}
                label={fieldLabel(key, t)}
                required
                validationState={problems[key] ? 'error' : 'none'}
                validationMessage={problems[key]}
              >
                {kind === 'method' ? (
                  <Select value={edits[key] ?? ''} onChange={(_, d) => set(d.value)}>
                    {paymentMethods.map((m) => (
                      <option key={m} value={m}>
                        {t(`paymentMethod.${m}`)}
                      </option>
                    ))}
                  </Select>
                ) : (
                  <Input
                    type={kind === 'date' ? 'date' : 'text'}
                    inputMode={kind === 'money' ? 'decimal' : undefined}
                    contentBefore={kind === 'money' ? <span aria-hidden="true">$</span> : undefined}
                    value={edits[key] ?? ''}
                    onChange={(_, d) => set(d.value)}
                  />
                )}
              </Field>
            );
          })}
        </div>
      ) : null}

      {choice === 'discard' ? (
        <Field
          label={t('conflicts.reason')}
          required
          validationState={problems.reason ? 'error' : 'none'}
          validationMessage={problems.reason}
        >
          <Textarea
            value={reason}
            maxLength={500}
            resize="vertical"
            onChange={(_, d) => setReason(d.value)}
          />
        </Field>
      ) : null}

      {resolve.isError ? <ErrorMessage error={resolve.error} /> : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={resolve.isPending}>
          {resolve.isPending ? t('conflicts.working') : submitLabel}
        </Button>
      </div>
    </form>
  );
}
