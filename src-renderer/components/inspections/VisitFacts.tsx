// What a visit is: the business and licence (or the bare site), the ward, the kind, the day and
// time window, the inspector, and its status with the overdue mark and, once done, its result.
import { Badge, Link } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../src-main/common/contract.ts';
import { formatDate, text } from '../../format.ts';
import { useLanguage } from '../../hooks.ts';
import { licenceHref } from '../../route.ts';
import { DateText } from '../DateText.tsx';
import { FactList } from '../FactList.tsx';
import { windowText, wordsIn } from './inspection-text.ts';

export function VisitFacts({ shown }: { shown: OpOutput<'inspections.show'> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { visit, kindLabel } = shown;
  const i = visit.inspection;
  return (
    <FactList
      facts={[
        {
          key: 'business',
          label: t('inspections.visit.business'),
          value: visit.businessName ?? t('inspections.noLicence'),
        },
        {
          key: 'licence',
          label: t('inspections.visit.licence'),
          value: i.licenceId ? <Link href={licenceHref(i.licenceId)}>{i.licenceId}</Link> : text(null),
        },
        { key: 'site', label: t('inspections.visit.site'), value: text(visit.site) },
        { key: 'ward', label: t('inspections.visit.ward'), value: text(i.ward) },
        {
          key: 'kind',
          label: t('inspections.visit.kind'),
          value: kindLabel ? `${wordsIn(kindLabel, language)} (${i.kind})` : i.kind,
        },
        {
          key: 'scheduled',
          label: t('inspections.visit.scheduledOn'),
          value: <DateText iso={i.scheduledOn} />,
        },
        { key: 'window', label: t('inspections.visit.window'), value: windowText(i, t) },
        { key: 'inspector', label: t('inspections.visit.inspector'), value: text(i.inspector) },
        {
          key: 'status',
          label: t('inspections.visit.status'),
          value: (
            <>
              {t(`inspections.status.${i.status}`)}{' '}
              {visit.overdue ? (
                <Badge appearance="tint" color="danger" shape="rounded" data-overdue="">
                  {t('inspections.overdueSince', { date: formatDate(i.scheduledOn, language) })}
                </Badge>
              ) : null}
            </>
          ),
        },
        ...(i.result
          ? [
              {
                key: 'result',
                label: t('inspections.visit.result'),
                value: `${t(`inspections.result.${i.result}`)} — ${t('inspections.visit.scoreGrade', {
                  score: i.score ?? '—',
                  grade: i.grade ?? '—',
                })}`,
              },
            ]
          : []),
      ]}
    />
  );
}
