import type { ConnectionReport } from '../../ports/order-source.js';
import type { KeyStatus } from '../key-status.js';
import { connectionMessageText } from './connection-message-text.js';
import { DataTable } from './data-table.js';
import { FormOutcome, TextField } from './form-fields.js';
import type { FormState } from './form-state.js';
import { keyFileText, type KeyFileProblem } from './key-file-text.js';
import { KeyStatusLine } from './key-status-line.js';
import { CsrfField, Layout, Notice, type PageContext } from './layout.js';

/** A key file refused, or readable by others, as the connection page shows it. */
export interface KeyFileNotice {
  readonly kind: 'warn' | 'error';
  readonly problem: KeyFileProblem & { readonly text: string };
}

export type ConnectionTest =
  { readonly ok: true; readonly report: ConnectionReport } | { readonly ok: false; readonly message: string };

function ReportView(props: { test: ConnectionTest; page: PageContext }) {
  const { t, language } = props.page;
  const { test } = props;
  if (!test.ok)
    return (
      <Notice kind="error">
        <strong>{t('connectionFailed')}</strong> : {test.message}
      </Notice>
    );
  const { report } = test;
  return (
    <section class="panel" aria-labelledby="test-result" id="connection-report">
      <h2 id="test-result">{t('connectionOk')}</h2>
      <dl class="facts">
        <dt>{t('version')}</dt>
        <dd data-testid="ps-version">{report.version}</dd>
        <dt>{t('shops')}</dt>
        <dd>
          {report.shops.map((shop, index) => (
            <>
              {index > 0 ? ', ' : ''}
              {shop.name} ({shop.id}){shop.active ? '' : ' — inactive'}
            </>
          ))}
        </dd>
        {report.currencies === undefined ? null : (
          <>
            <dt>{t('shopCurrencies')}</dt>
            <dd data-testid="shop-currencies">
              {report.currencies
                .map((code) =>
                  code === report.defaultCurrency ? `${code} (${t('defaultCurrencyMark')})` : code,
                )
                .join(', ')}
            </dd>
          </>
        )}
      </dl>
      <h2>{t('problems')}</h2>
      {report.problems.length === 0 ? (
        <Notice kind="ok">{t('noProblems')}</Notice>
      ) : (
        <Notice kind="warn">
          <ul>
            {report.problems.map((problem) => (
              <li>{connectionMessageText(problem, language)}</li>
            ))}
          </ul>
        </Notice>
      )}
      {report.warnings.length > 0 ? (
        <>
          <h2>{t('warnings')}</h2>
          <Notice kind="warn">
            <ul>
              {report.warnings.map((warning) => (
                <li>{connectionMessageText(warning, language)}</li>
              ))}
            </ul>
          </Notice>
        </>
      ) : null}
      <h2>{t('permissions')}</h2>
      <DataTable
        columns={[
          { header: t('resource'), cell: ([resource]) => resource },
          { header: t('methods'), cell: ([, methods]) => methods.join(', ') },
        ]}
        rows={Object.entries(report.permissions).sort(([a], [b]) => a.localeCompare(b))}
      />
    </section>
  );
}

/** The connection block of SPEC §2: shop address, where the key comes from, "Tester la connexion". */
export function ConnectionPage(props: {
  page: PageContext;
  form: FormState;
  keyStatus: KeyStatus;
  /** A key file that is refused, or readable by others. */
  keyFileNotice?: KeyFileNotice | undefined;
  saved: boolean;
  test: ConnectionTest | undefined;
}) {
  const { page, form } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('connectionTitle')} active="connection">
      <FormOutcome form={form} saved={props.saved} fieldPaths={new Set(['shop.url', 'shop.keyFile'])} t={t} />
      <form method="post" action="/connection" class="panel">
        <CsrfField token={page.csrfToken} />
        <TextField form={form} path="shop.url" label={t('shopUrl')} type="text" size={50} />
        <TextField form={form} path="shop.keyFile" label={t('keyFile')} help={t('keyFileHelp')} size={50} />
        <p>
          <KeyStatusLine status={props.keyStatus} t={t} />
        </p>
        {props.keyFileNotice === undefined ? null : (
          <Notice kind={props.keyFileNotice.kind}>
            {keyFileText(props.keyFileNotice.problem, page.language)}
          </Notice>
        )}
        <div class="actions">
          <button type="submit">{t('save')}</button>
        </div>
      </form>
      <form method="post" action="/connection/test">
        <CsrfField token={page.csrfToken} />
        <button type="submit" id="test-connection">
          {t('testConnection')}
        </button>
      </form>
      {props.test === undefined ? null : <ReportView test={props.test} page={page} />}
    </Layout>
  );
}
