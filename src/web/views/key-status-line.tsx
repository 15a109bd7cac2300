import type { Translate } from '../i18n.js';
import type { KeyStatus } from '../key-status.js';

export function KeyStatusLine(props: { status: KeyStatus; t: Translate }) {
  const { status, t } = props;
  const text =
    status.source === 'env'
      ? t('keySetFromEnv')
      : status.source === 'file'
        ? t('keySetFromFile', { file: status.file })
        : status.source === 'demo'
          ? t('keyDemo')
          : t('keyMissing');
  return (
    <span class={status.source === 'missing' ? 'field-error' : undefined} data-testid="key-status">
      {text}
    </span>
  );
}
