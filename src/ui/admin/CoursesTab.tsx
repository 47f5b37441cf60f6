import * as React from 'react';
import { DefaultButton, PrimaryButton, getId, mergeStyleSets, useTheme } from '@fluentui/react';
import type { Course, CourseSummary, ITrainingAdminApi } from '../../client/trainingAdminApi';
import { EmptyState } from '../common/EmptyState';
import { LoadFailure } from '../common/LoadFailure';
import { LoadingShimmer } from '../common/LoadingShimmer';
import { useFocusAfterRender } from '../common/useFocusAfterRender';
import { useLoad } from '../common/useLoad';
import { Outcome, succeeded } from '../common/Outcome';
import { useAdminStrings } from './adminStringsContext';
import { AssignCourseForm } from './AssignCourseForm';
import { CourseEditor, type SharePointMaterialSource } from './CourseEditor';
import { CoursePreview } from './CoursePreview';

export interface CoursesTabProps {
  api: ITrainingAdminApi;
  catalogId: string;
  locale?: string;
  /** Lesson material from SharePoint for the course editor; absent where there is no SharePoint. */
  sharePointMaterial?: SharePointMaterialSource;
}

type Mode = { kind: 'list' } | { kind: 'edit'; course: Course | null } | { kind: 'assign'; course: CourseSummary } | { kind: 'preview'; courseId: string };

/** The catalog's courses: create, edit (quiz builder included), preview as a learner, publish, assign to people. */
export function CoursesTab({ api, catalogId, locale, sharePointMaterial }: CoursesTabProps): React.ReactElement {
  const s = useAdminStrings();
  const theme = useTheme();
  const { load, reload } = useLoad(() => api.listCourses(catalogId), [api, catalogId]);
  const [mode, setMode] = React.useState<Mode>({ kind: 'list' });
  const [saved, setSaved] = React.useState<string | null>(null);
  const [opening, setOpening] = React.useState<unknown>(null);
  /** Where the focus goes back to when the editor or the assign form closes (it would otherwise fall to the page). */
  const [idPrefix] = React.useState(() => getId('courses'));
  const ids = {
    saved: `${idPrefix}-saved`,
    newCourse: `${idPrefix}-new`,
    edit: (courseId: string): string => `${idPrefix}-edit-${courseId}`,
    assign: (courseId: string): string => `${idPrefix}-assign-${courseId}`,
    preview: (courseId: string): string => `${idPrefix}-preview-${courseId}`,
  };
  const focusAfterRender = useFocusAfterRender();
  const classes = mergeStyleSets({
    list: { listStyle: 'none', margin: '8px 0', padding: 0 },
    item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, padding: '8px 0', borderBottom: `1px solid ${theme.palette.neutralLight}` },
    who: { flexGrow: 1, minWidth: 220 },
    name: { margin: 0, fontSize: 15, fontWeight: 600 },
    facts: { margin: 0, color: theme.palette.neutralSecondary, fontSize: 12 },
  });

  if (mode.kind === 'edit') {
    return (
      <CourseEditor
        api={api}
        catalogId={catalogId}
        course={mode.course}
        sharePointMaterial={sharePointMaterial}
        locale={locale}
        onSaved={(course) => {
          focusAfterRender(ids.saved);
          setSaved(s.courseSaved(course.title));
          setMode({ kind: 'list' });
          reload();
        }}
        onCancel={() => {
          focusAfterRender(mode.course ? ids.edit(mode.course.id) : ids.newCourse);
          setMode({ kind: 'list' });
        }}
      />
    );
  }
  if (mode.kind === 'assign') {
    const close = (): void => {
      focusAfterRender(ids.assign(mode.course.id));
      setMode({ kind: 'list' });
    };
    return <AssignCourseForm api={api} course={mode.course} locale={locale} onClose={close} />;
  }
  if (mode.kind === 'preview') {
    const close = (): void => {
      focusAfterRender(ids.preview(mode.courseId));
      setMode({ kind: 'list' });
    };
    return <CoursePreview api={api} courseId={mode.courseId} locale={locale} onClose={close} />;
  }

  const edit = (courseId: string): void => {
    setOpening(null);
    api.getCourse(courseId).then((course) => setMode({ kind: 'edit', course }), setOpening);
  };

  let body: React.ReactNode;
  if (load.status === 'loading') body = <LoadingShimmer label={s.coursesLoading} />;
  else if (load.status === 'failed') body = <LoadFailure error={load.error} onRetry={reload} strings={s.common} />;
  else if (load.value.length === 0) body = <EmptyState title={s.noCourses} hint={s.noCoursesHint} />;
  else {
    body = (
      <ul className={classes.list} aria-label={s.tabs.courses}>
        {load.value.map((course) => (
          <li key={course.id} className={classes.item}>
            <div className={classes.who}>
              <h4 className={classes.name}>{course.title}</h4>
              <p className={classes.facts}>
                {[course.status === 'published' ? s.statusPublished : s.statusDraft, s.lessonsAndQuiz(course.lessonCount, course.hasQuiz), s.courseMinutes(course.durationMinutes)].join(' · ')}
              </p>
            </div>
            <DefaultButton id={ids.edit(course.id)} text={s.edit} ariaLabel={s.editCourse(course.title)} onClick={() => edit(course.id)} />
            <DefaultButton id={ids.preview(course.id)} text={s.preview} ariaLabel={s.previewAsLearner(course.title)} onClick={() => setMode({ kind: 'preview', courseId: course.id })} />
            <DefaultButton id={ids.assign(course.id)} text={s.assign} ariaLabel={s.assignCourse(course.title)} disabled={course.status !== 'published'} onClick={() => setMode({ kind: 'assign', course })} />
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div>
      <Outcome message={succeeded(saved)} id={ids.saved} />
      {opening !== null && <LoadFailure error={opening} onRetry={() => setOpening(null)} strings={s.common} />}
      <PrimaryButton id={ids.newCourse} iconProps={{ iconName: 'Add' }} text={s.newCourse} onClick={() => setMode({ kind: 'edit', course: null })} styles={{ root: { margin: '8px 0' } }} />
      {body}
    </div>
  );
}
