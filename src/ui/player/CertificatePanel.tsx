import * as React from 'react';
import { Link, MessageBar, MessageBarType, mergeStyleSets, PrimaryButton } from '@fluentui/react';
import type { ILearningApi } from '../../client/learningApi';
import { errorText } from '../common/errorText';
import { saveFile as saveInBrowser } from '../common/saveFile';
import { formatDay } from '../myTraining/formatDay';
import type { PlayerStrings } from './playerStrings';

export interface CertificatePanelProps {
  api: Pick<ILearningApi, 'downloadCertificate'>;
  certificateId: string;
  completedAt: string | null;
  /** The public address that verifies a certificate, from its code. */
  verificationUrl?: (code: string) => string;
  saveFile?: (blob: Blob, fileName: string) => void;
  strings: PlayerStrings;
  locale?: string;
}

const VERIFICATION_CODE = /ATR-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/;

/**
 * The certificate of a completed course: downloaded with the person's token (the PDF route needs it), then saved.
 * The API gives the verification code only in the file's name, so the verification link shows after a download.
 */
export function CertificatePanel({ api, certificateId, completedAt, verificationUrl, saveFile = saveInBrowser, strings, locale }: CertificatePanelProps): React.ReactElement {
  const [busy, setBusy] = React.useState(false);
  const [saved, setSaved] = React.useState<{ fileName: string; code: string | null } | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const classes = mergeStyleSets({ text: { margin: '4px 0 8px' }, verify: { margin: '8px 0 0' } });

  const download = (): void => {
    setBusy(true);
    setError(null);
    api.downloadCertificate(certificateId).then(
      (file) => {
        const fileName = file.fileName ?? `certificate-${certificateId}.pdf`;
        saveFile(file.blob, fileName);
        const match = VERIFICATION_CODE.exec(fileName);
        setSaved({ fileName, code: match ? match[0] : null });
        setBusy(false);
      },
      (failure: unknown) => {
        setError(errorText(failure, strings.common.unexpected));
        setBusy(false);
      },
    );
  };

  return (
    <>
      {completedAt && <p className={classes.text}>{strings.completedOn(formatDay(completedAt, locale))}</p>}
      <PrimaryButton iconProps={{ iconName: 'Download' }} text={busy ? strings.downloadingCertificate : strings.downloadCertificate} disabled={busy} onClick={download} />
      <div role="status">
        {saved && <p className={classes.verify}>{strings.downloaded(saved.fileName)}</p>}
        {saved && saved.code && verificationUrl && (
          <p className={classes.verify}>
            {strings.verifyIntro}{' '}
            <Link href={verificationUrl(saved.code)} target="_blank" rel="noopener noreferrer" underline={true}>
              {strings.verifyLink(saved.code)}
            </Link>
          </p>
        )}
      </div>
      {!saved && <p className={classes.verify}>{strings.verifyAfterDownload}</p>}
      {error && <MessageBar messageBarType={MessageBarType.error}>{strings.actionFailed(error)}</MessageBar>}
    </>
  );
}
