import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, mergeStyleSets, useTheme } from '@fluentui/react';
import type { DownloadedFile } from '../../client/httpPort';
import type { MyTrainingItem } from '../../domain/myTraining';
import { errorText } from '../common/errorText';
import { saveFile as saveInBrowser } from '../common/saveFile';
import { formatDay } from './formatDay';
import type { MyTrainingStrings } from './myTrainingStrings';

export interface CertificateDownloads {
  downloadCertificate(certificateId: string): Promise<DownloadedFile>;
}

export interface CertificateListProps {
  items: readonly MyTrainingItem[];
  api: CertificateDownloads;
  saveFile?: (blob: Blob, fileName: string) => void;
  strings: MyTrainingStrings;
  locale?: string;
  headingClassName: string;
}

/** The certificates the learner has earned, each one a download away. Shows nothing until there is one. */
export function CertificateList({ items, api, saveFile = saveInBrowser, strings, locale, headingClassName }: CertificateListProps): React.ReactElement | null {
  const theme = useTheme();
  const [busyId, setBusyId] = React.useState<string | null>(null);
  const [message, setMessage] = React.useState<{ ok: boolean; text: string } | null>(null);
  const classes = mergeStyleSets({
    list: { margin: 0, padding: 0, listStyle: 'none' },
    row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12, padding: '8px 0', borderBottom: `1px solid ${theme.palette.neutralLight}` },
    what: { flex: '1 1 240px' },
    title: { margin: 0, fontWeight: 600 },
    facts: { margin: '2px 0 0', fontSize: 12, color: theme.palette.neutralSecondary },
  });
  const earned = items.filter((item) => item.certificateId !== null);
  if (earned.length === 0) return null;

  const download = (item: MyTrainingItem): void => {
    const certificateId = item.certificateId as string;
    setBusyId(certificateId);
    setMessage(null);
    api.downloadCertificate(certificateId).then(
      (file) => {
        const fileName = file.fileName ?? `certificate-${certificateId}.pdf`;
        saveFile(file.blob, fileName);
        setBusyId(null);
        setMessage({ ok: true, text: strings.certificateSaved(fileName) });
      },
      (error: unknown) => {
        setBusyId(null);
        setMessage({ ok: false, text: strings.certificateFailed(errorText(error, strings.loadFailed)) });
      },
    );
  };

  return (
    <>
      <h3 className={headingClassName}>{strings.certificatesHeading}</h3>
      <div role="status">{message && message.ok && <p>{message.text}</p>}</div>
      {message && !message.ok && <MessageBar messageBarType={MessageBarType.error}>{message.text}</MessageBar>}
      <ul className={classes.list}>
        {earned.map((item) => (
          <li key={item.certificateId as string} className={classes.row}>
            <div className={classes.what}>
              <p className={classes.title}>{item.title}</p>
              {item.completedAt && <p className={classes.facts}>{strings.certificateEarned(formatDay(item.completedAt, locale))}</p>}
            </div>
            <DefaultButton
              iconProps={{ iconName: 'Download' }}
              text={busyId === item.certificateId ? strings.downloadingCertificate : strings.downloadCertificate(item.title)}
              disabled={busyId !== null}
              onClick={() => download(item)}
            />
          </li>
        ))}
      </ul>
    </>
  );
}
