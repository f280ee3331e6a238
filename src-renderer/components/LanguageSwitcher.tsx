// The UI language picker in the header; the choice is remembered on this computer.
import { Label, makeStyles, Select, tokens, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../hooks.ts';
import { isLanguage, languages, setLanguage } from '../i18n/index.ts';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  label: { color: 'inherit' },
});

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId('language');
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Label htmlFor={id} className={styles.label}>
        {t('header.language')}
      </Label>
      <Select
        id={id}
        value={language}
        onChange={(_, data) => {
          if (isLanguage(data.value)) void setLanguage(data.value);
        }}
      >
        {languages.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {t(`languages.${lng}`)}
          </option>
        ))}
      </Select>
    </div>
  );
}
