// The search results as a KeyboardList: only the rows in view are in the DOM, so hundreds of
// results scroll smoothly; the highlighted row is announced through aria-activedescendant, on the
// listbox and on the search box that drives it (through `controlRef`).
import { makeStyles } from '@fluentui/react-components';
import type { KeyboardEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { LicenceSummary } from '../../src-main/common/contract.ts';
import { KeyboardList, type KeyboardListControl } from './lists/KeyboardList.tsx';
import { ResultRow, ROW_HEIGHT, useRowStyles } from './ResultRow.tsx';

const useStyles = makeStyles({
  frame: { flexGrow: 1, minHeight: 0 },
});

type Props = {
  id: string;
  results: LicenceSummary[];
  activeIndex: number;
  optionId: (index: number) => string;
  onActiveChange: (index: number) => void;
  onOpen: (index: number) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  controlRef: Ref<KeyboardListControl>;
};

const columns = ['licence', 'business', 'owner', 'address', 'type', 'status', 'expires'] as const;

export function ResultList(props: Props) {
  const { t } = useTranslation();
  const styles = useStyles();
  const rowStyles = useRowStyles();
  return (
    <KeyboardList
      id={props.id}
      items={props.results}
      itemKey={(licence) => licence.licenceId}
      optionId={props.optionId}
      rowHeight={ROW_HEIGHT}
      activeIndex={props.activeIndex}
      onActiveChange={props.onActiveChange}
      onOpen={props.onOpen}
      columns={columns.map((c) => t(`columns.${c}`))}
      gridClassName={rowStyles.grid}
      renderRow={(licence) => <ResultRow licence={licence} />}
      label={t('search.results')}
      onKeyDown={props.onKeyDown}
      className={styles.frame}
      controlRef={props.controlRef}
    />
  );
}
