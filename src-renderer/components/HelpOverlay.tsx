// The keyboard-shortcut help: every shortcut of shortcut-list.ts, grouped by where it works. Opens
// with F1 or "?" (outside text fields) from any screen, or from the header's button.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { KeyboardRegular } from '@fluentui/react-icons';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ShortcutEntry, shortcuts } from '../shortcut-list.ts';
import { useHelpShortcut } from '../shortcuts.ts';

const useStyles = makeStyles({
  trigger: {
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': { color: tokens.colorNeutralForegroundOnBrand },
    ':hover:active': { color: tokens.colorNeutralForegroundOnBrand },
  },
  table: { borderCollapse: 'collapse', width: '100%' },
  caption: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    paddingBlockStart: tokens.spacingVerticalM,
    paddingBlockEnd: tokens.spacingVerticalXS,
  },
  cell: {
    textAlign: 'start',
    paddingBlock: tokens.spacingVerticalXS,
    paddingInlineEnd: tokens.spacingHorizontalL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: 'top',
  },
  keys: { whiteSpace: 'nowrap', width: '12rem' },
  kbd: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    paddingInline: tokens.spacingHorizontalXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

const scopes: readonly ShortcutEntry['scope'][] = [
  'global',
  'search',
  'licence',
  'drawer',
  'renewals',
  'batch',
  'application',
  'conflicts',
  'dashboard',
  'inspection',
];

export function HelpOverlay() {
  const { t } = useTranslation();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  useHelpShortcut(() => setOpen(true));
  return (
    <>
      <Button
        appearance="subtle"
        className={styles.trigger}
        icon={<KeyboardRegular />}
        aria-label={t('help.button')}
        title={`${t('help.button')} (F1)`}
        onClick={() => setOpen(true)}
      />
      <Dialog open={open} onOpenChange={(_e, d) => setOpen(d.open)}>
        <DialogSurface aria-describedby="help-intro">
          <DialogBody>
            <DialogTitle>{t('help.title')}</DialogTitle>
            {/* It scrolls once the list is long: focusable, so a keyboard user can scroll it too. */}
            <DialogContent tabIndex={0} role="region" aria-label={t('help.title')}>
              <p id="help-intro">{t('help.intro')}</p>
              {scopes.map((scope) => {
                const entries = shortcuts.filter((s) => s.scope === scope);
                if (entries.length === 0) return null;
                return (
                  <table key={scope} className={styles.table}>
                    <caption className={styles.caption}>{t(`help.scope.${scope}`)}</caption>
                    <thead>
                      <tr>
                        <th scope="col" className={`${styles.cell} ${styles.keys}`}>
                          {t('help.keys')}
                        </th>
                        <th scope="col" className={styles.cell}>
                          {t('help.action')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {entries.map((s) => (
                        <tr key={`${s.keys.join('+')}:${s.labelKey}`}>
                          <td className={`${styles.cell} ${styles.keys}`}>
                            {s.keys.map((k, i) => (
                              <Fragment key={k}>
                                {i > 0 ? ' + ' : null}
                                <kbd className={styles.kbd}>{k}</kbd>
                              </Fragment>
                            ))}
                          </td>
                          <td className={styles.cell}>{t(s.labelKey)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                );
              })}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => setOpen(false)}>
                {t('help.close')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
