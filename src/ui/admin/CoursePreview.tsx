import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType } from '@fluentui/react';
import { coursePreviewLearningApi } from '../../client/coursePreviewLearningApi';
import type { ITrainingAdminApi } from '../../client/trainingAdminApi';
import { LoadFailure } from '../common/LoadFailure';
import { LoadingShimmer } from '../common/LoadingShimmer';
import { useLoad } from '../common/useLoad';
import { CoursePlayer } from '../player/CoursePlayer';
import type { PlayerStrings } from '../player/playerStrings';
import { useAdminPlayerStrings, useAdminStrings } from './adminStringsContext';

export interface CoursePreviewProps {
  api: Pick<ITrainingAdminApi, 'getCourse'>;
  courseId: string;
  onClose: () => void;
  locale?: string;
  /** The course page's texts; the Training admin's (see `AdminStringsProvider`) without them. */
  playerStrings?: PlayerStrings;
}

/**
 * A course as its learners see it, drafts included: the learner's own course page over an in-memory API, so a
 * manager can enrol, open the material, mark lessons done and take the quiz, and nothing is recorded.
 */
export function CoursePreview({ api, courseId, onClose, locale, playerStrings }: CoursePreviewProps): React.ReactElement {
  const s = useAdminStrings();
  const adminPlayerStrings = useAdminPlayerStrings();
  const { load, reload } = useLoad(async () => coursePreviewLearningApi(await api.getCourse(courseId)), [api, courseId]);
  let body: React.ReactNode;
  if (load.status === 'loading') body = <LoadingShimmer label={s.previewLoading} rows={4} />;
  else if (load.status === 'failed') body = <LoadFailure error={load.error} onRetry={reload} strings={s.common} />;
  else body = <CoursePlayer api={load.value} courseId={courseId} locale={locale} strings={playerStrings ?? adminPlayerStrings} onBackToCatalog={onClose} />;
  return (
    <section aria-label={s.previewLabel}>
      <MessageBar messageBarType={MessageBarType.info} isMultiline={true}>
        {s.previewNotice}
      </MessageBar>
      <DefaultButton text={s.previewClose} onClick={onClose} styles={{ root: { margin: '12px 0' } }} />
      {body}
    </section>
  );
}
