// "Print receipt" for one payment (provisional local:… or legacy), in the UI's language.
import { useTranslation } from 'react-i18next';
import { useApi } from '../api-context.tsx';
import { useLanguage } from '../hooks.ts';
import { DocumentButton } from './DocumentButton.tsx';

export function ReceiptButton({
  paymentId,
  receiptNo,
  compact,
}: {
  paymentId: string;
  receiptNo?: string | null;
  /** In a table row: a small button and just the links. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const language = useLanguage();
  const receipt = receiptNo?.trim();
  return (
    <DocumentButton
      label={t('documents.printReceipt')}
      ariaLabel={receipt ? t('documents.printReceiptOf', { receipt }) : undefined}
      make={() => api['documents.receipt']({ paymentId, language })}
      size={compact ? 'small' : 'medium'}
      compact={compact}
    />
  );
}
