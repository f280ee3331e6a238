// The cells of one search result in the result listbox: number, business (+ DBA), owner, address,
// type, status and expiry, in the column order of the list's header (the option itself, its
// highlight and its keys are the KeyboardList's).
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { LicenceSummary } from '../../src-main/common/contract.ts';
import { text } from '../format.ts';
import { DateText } from './DateText.tsx';
import { PendingBadge } from './PendingBadge.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { shownId } from '../provisional-id.ts';

export const ROW_HEIGHT = 56;
export const resultColumns =
  'minmax(8.5rem, 0.8fr) minmax(12rem, 2fr) minmax(8rem, 1.1fr) minmax(10rem, 1.6fr) minmax(8rem, 1.1fr) 7rem 7.5rem';

export const useRowStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: resultColumns,
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'center',
    paddingInline: tokens.spacingHorizontalM,
  },
  cell: { display: 'block', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  stack: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  number: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  name: { fontWeight: tokens.fontWeightSemibold },
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export function ResultRow({ licence }: { licence: LicenceSummary }) {
  const { t } = useTranslation();
  const styles = useRowStyles();
  const cell = styles.cell;
  const dba = licence.dbaName?.trim();
  return (
    <>
      <span className={styles.stack}>
        <span className={mergeClasses(cell, styles.number)}>{shownId(licence.licenceId)}</span>
        {licence.pendingChanges > 0 ? <PendingBadge waiting={licence.pendingChanges} size="small" /> : null}
      </span>
      <span className={styles.stack}>
        <span className={mergeClasses(cell, styles.name)} title={licence.businessName}>
          {text(licence.businessName)}
        </span>
        {dba ? (
          <span className={mergeClasses(cell, styles.sub)} title={dba}>
            {t('search.dba', { name: dba })}
          </span>
        ) : null}
      </span>
      <span className={cell} title={licence.ownerName ?? undefined}>
        {text(licence.ownerName)}
      </span>
      <span className={cell} title={licence.addressLine ?? undefined}>
        {text(licence.addressLine)}
      </span>
      <span className={cell} title={licence.licenceTypeName ?? undefined}>
        {text(licence.licenceTypeName)}
      </span>
      <span>
        <StatusBadge status={licence.status} />
      </span>
      <span className={cell}>
        <DateText iso={licence.expiresOn} />
      </span>
    </>
  );
}
