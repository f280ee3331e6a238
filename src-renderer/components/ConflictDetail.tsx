// One conflict: what happened in a sentence, who took the change and when, the three versions
// field by field, and the decision (or, once decided, who decided what and why).
import { definitionOf } from '../../src-main/common/commands.ts';
import { Link, MessageBar, MessageBarBody, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conflict } from '../../src-main/common/sync-model.ts';
import { formatTimestamp } from '../format.ts';
import { useLanguage } from '../hooks.ts';
import { conflictName } from '../conflict-values.ts';
import { licenceHref } from '../route.ts';
import { ConflictFields } from './ConflictFields.tsx';
import { ConflictKindBadge } from './ConflictKindBadge.tsx';
import { ConflictResolution } from './ConflictResolution.tsx';
import { Section } from './Section.tsx';
import { screenHeading } from '../styles/screen.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  title: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  heading: screenHeading,
  facts: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, margin: 0 },
  explanation: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, maxWidth: '60rem' },
  muted: { color: tokens.colorNeutralForeground3 },
  result: { outlineStyle: 'none' },
});

export function ConflictDetail({ conflict }: { conflict: Conflict }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const styles = useStyles();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [justResolved, setJustResolved] = useState<Conflict | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => headingRef.current?.focus(), [conflict.id]);
  // The form goes once the decision is saved: focus moves to what was decided, not to the page.
  useEffect(() => {
    if (justResolved) resultRef.current?.focus();
  }, [justResolved]);

  // The desk writes its sentence in English; other languages get the translated kind's sentence.
  // A void of a payment, or a licence of a business, made on this desk and never settled.
  const refersToProvisional =
    conflict.kind === 'gone' &&
    conflict.fields.some(
      (f) =>
        (f.field === 'paymentId' || f.field === 'businessId') && String(f.mine ?? '').startsWith('local:'),
    );
  const explanation =
    language === 'en'
      ? conflict.explanation
      : t(refersToProvisional ? 'conflicts.explain.goneReference' : `conflicts.explain.${conflict.kind}`, {
          message: conflict.legacyMessage ?? '',
        });
  return (
    <div className={styles.root}>
      <div className={styles.title}>
        <h1 ref={headingRef} tabIndex={-1} className={styles.heading}>
          {definitionOf(conflict.command).creates === 'business' ||
          definitionOf(conflict.command).creates === 'licence' ||
          !conflict.licenceId
            ? // A new record: named by itself (the business's name, the new licence's number).
              t('conflicts.detailHeadingNoLicence', {
                change: t(`commands.${conflict.command}`),
                name:
                  definitionOf(conflict.command).creates === 'licence'
                    ? conflict.licenceId
                    : conflictName(conflict) || conflict.licenceId,
              })
            : t('conflicts.detailHeading', {
                change: t(`commands.${conflict.command}`),
                id: conflict.licenceId,
              })}
        </h1>
        <ConflictKindBadge kind={conflict.kind} />
      </div>
      <Text as="p" className={styles.explanation} data-explanation="">
        {explanation}
      </Text>
      <div className={styles.facts}>
        <Text>
          {t('conflicts.takenBy', {
            who: conflict.takenBy,
            when: formatTimestamp(conflict.takenAt, language),
          })}{' '}
          {t('conflicts.detectedAt', { when: formatTimestamp(conflict.detectedAt, language) })}
        </Text>
        {conflict.licenceId ? (
          <Link href={licenceHref(conflict.licenceId)}>
            {t('conflicts.openLicence', { id: conflict.licenceId })}
          </Link>
        ) : null}
      </div>
      <Section title={t(`commands.${conflict.command}`)}>
        {() => <ConflictFields fields={conflict.fields} />}
      </Section>
      <div role="status" ref={resultRef} tabIndex={-1} className={styles.result}>
        {justResolved ? (
          <MessageBar intent="success">
            <MessageBarBody>
              {t(justResolved.resolution === 'discard' ? 'conflicts.discardedNow' : 'conflicts.resolvedNow')}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {conflict.status === 'open' ? (
        <Section title={t('conflicts.decide')}>
          {() => <ConflictResolution conflict={conflict} onResolved={setJustResolved} />}
        </Section>
      ) : (
        <Section title={t('conflicts.status.resolved')}>
          {() => (
            <div className={styles.facts} data-resolution={conflict.resolution ?? ''}>
              <Text>
                {t('conflicts.resolved', {
                  who: conflict.resolvedBy ?? '—',
                  when: formatTimestamp(conflict.resolvedAt, language),
                  resolution: conflict.resolution ? t(`conflicts.resolutions.${conflict.resolution}`) : '—',
                })}
              </Text>
              {conflict.reason ? (
                <Text>{t('conflicts.resolvedReason', { reason: conflict.reason })}</Text>
              ) : null}
            </div>
          )}
        </Section>
      )}
    </div>
  );
}
