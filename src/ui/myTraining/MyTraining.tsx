import * as React from 'react';
import { getId, MessageBar, MessageBarButton, MessageBarType, mergeStyleSets, useTheme } from '@fluentui/react';
import type { ILmsApi } from '../../client/lmsApi';
import { LmsApiError } from '../../client/lmsApiError';
import type { MyTraining as MyTrainingData } from '../../domain/myTraining';
import { LoadingShimmer } from '../common/LoadingShimmer';
import { CertificateList, type CertificateDownloads } from './CertificateList';
import { groupByState } from './groupByState';
import { englishMyTrainingStrings, type MyTrainingStrings } from './myTrainingStrings';
import { TrainingItemRow } from './TrainingItemRow';
import { TrainingSummary } from './TrainingSummary';
import { useMyTraining } from './useMyTraining';

export interface MyTrainingProps {
  api: ILmsApi;
  strings?: MyTrainingStrings;
  /** BCP 47 tag for dates, e.g. the SharePoint page's or Teams client's locale; the browser's when absent. */
  locale?: string;
  /** Makes each item open its course (e.g. in the course player); without it the list is read-only. */
  onOpenCourse?: (courseId: string) => void;
  /** The address of a course, so its link can be opened in a new tab or shared. */
  courseHref?: (courseId: string) => string;
  /** Lists the learner's certificates, each with a download. */
  certificates?: CertificateDownloads;
  saveFile?: (blob: Blob, fileName: string) => void;
}

function failureText(error: unknown, strings: MyTrainingStrings): string {
  if (error instanceof LmsApiError) {
    if (error.status === 0) return strings.unreachable;
    if (error.status === 401 || error.status === 403) return strings.notSignedIn;
    return error.message;
  }
  return strings.loadFailed;
}

/** "My training": what the signed-in learner is enrolled in, most urgent first. Host-agnostic. */
export function MyTraining({ api, strings = englishMyTrainingStrings, locale, onOpenCourse, courseHref, certificates, saveFile }: MyTrainingProps): React.ReactElement {
  const { load, reload } = useMyTraining(api);
  const theme = useTheme();
  const [headingId] = React.useState(() => getId('atrium-my-training-'));
  const classes = mergeStyleSets({
    root: { color: theme.semanticColors.bodyText, fontFamily: theme.fonts.medium.fontFamily },
    title: { margin: '0 0 12px', fontSize: 20, fontWeight: 600, outline: 'none' },
    groupHeading: { margin: '20px 0 4px', fontSize: 14, fontWeight: 600 },
    list: { margin: 0, padding: 0, listStyle: 'none' },
    empty: { padding: '16px 0' },
    emptyTitle: { margin: 0, fontSize: 16, fontWeight: 600 },
    emptyHint: { margin: '4px 0 0', color: theme.palette.neutralSecondary },
  });

  let body: React.ReactNode;
  if (load.status === 'loading') {
    body = <LoadingShimmer label={strings.loading} />;
  } else if (load.status === 'failed') {
    body = (
      <MessageBar
        messageBarType={MessageBarType.error}
        isMultiline={false}
        actions={<MessageBarButton onClick={reload}>{strings.retry}</MessageBarButton>}
      >
        {failureText(load.error, strings)}
      </MessageBar>
    );
  } else {
    body = (
      <>
        <TrainingList training={load.training} strings={strings} locale={locale} classes={classes} onOpenCourse={onOpenCourse} courseHref={courseHref} />
        {certificates && <CertificateList items={load.training.items} api={certificates} saveFile={saveFile} strings={strings} locale={locale} headingClassName={classes.groupHeading} />}
      </>
    );
  }

  return (
    <section className={classes.root} aria-labelledby={headingId} aria-busy={load.status === 'loading'}>
      <h2 id={headingId} className={classes.title} tabIndex={-1}>
        {strings.title}
      </h2>
      {body}
    </section>
  );
}

interface TrainingListProps {
  training: MyTrainingData;
  strings: MyTrainingStrings;
  locale: string | undefined;
  classes: Record<'groupHeading' | 'list' | 'empty' | 'emptyTitle' | 'emptyHint', string>;
  onOpenCourse?: (courseId: string) => void;
  courseHref?: (courseId: string) => string;
}

function TrainingList({ training, strings, locale, classes, onOpenCourse, courseHref }: TrainingListProps): React.ReactElement {
  if (training.items.length === 0) {
    return (
      <div className={classes.empty}>
        <p className={classes.emptyTitle}>{strings.emptyTitle}</p>
        <p className={classes.emptyHint}>{strings.emptyHint}</p>
      </div>
    );
  }
  return (
    <>
      <TrainingSummary counts={training.counts} strings={strings} />
      {groupByState(training.items).map((group) => (
        <React.Fragment key={group.state}>
          <h3 className={classes.groupHeading}>{strings.groupHeading(strings.states[group.state], group.items.length)}</h3>
          <ul className={classes.list}>
            {group.items.map((item) => (
              <TrainingItemRow key={item.enrolmentId} item={item} strings={strings} locale={locale} onOpen={onOpenCourse} href={courseHref?.(item.courseId)} />
            ))}
          </ul>
        </React.Fragment>
      ))}
    </>
  );
}
