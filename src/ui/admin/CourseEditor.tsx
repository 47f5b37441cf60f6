import * as React from 'react';
import { DefaultButton, Dropdown, IconButton, MessageBar, MessageBarType, PrimaryButton, Stack, TextField, Toggle, getId, mergeStyleSets, useTheme } from '@fluentui/react';
import type { ISharePointContentService } from '../../client/sharepoint/sharePointContent';
import type { Course, ITrainingAdminApi } from '../../client/trainingAdminApi';
import { COURSE_FORMATS, type CourseInput } from '../../domain/course';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { errorText } from '../common/errorText';
import { useFocusAfterRender } from '../common/useFocusAfterRender';
import { SharePointContentPicker } from '../sharepoint/SharePointContentPicker';
import { useAdminStrings } from './adminStringsContext';
import { courseInputOf, draftOf, emptyCourse, emptyLesson, emptyQuestion, type CourseDraft } from './courseDraft';
import { passMarkId, QuizBuilder } from './QuizBuilder';

export interface CourseEditorProps {
  api: ITrainingAdminApi;
  catalogId: string;
  /** The course to edit; null creates a new one. */
  course: Course | null;
  onSaved: (course: Course) => void;
  onCancel: () => void;
  /**
   * Lesson material from the catalog's SharePoint site: when given, each lesson's material link can be picked with
   * the SharePoint material picker. Hosts without SharePoint (the standalone page) leave it out.
   */
  sharePointMaterial?: SharePointMaterialSource;
  locale?: string;
}

/** Where the course editor picks lesson material from: the service, and the catalog's site (null: not bound to one). */
export interface SharePointMaterialSource {
  service: ISharePointContentService;
  siteUrl: string | null;
}

/** Create or edit a course: details, lessons in order, a quiz, draft or published. */
export function CourseEditor({ api, catalogId, course, onSaved, onCancel, sharePointMaterial, locale }: CourseEditorProps): React.ReactElement {
  const s = useAdminStrings();
  const theme = useTheme();
  const [draft, setDraft] = React.useState<CourseDraft>(() => (course ? draftOf(course) : emptyCourse()));
  const [problems, setProblems] = React.useState<string[]>([]);
  const [confirming, setConfirming] = React.useState<CourseInput | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [failure, setFailure] = React.useState<unknown>(null);
  /** The lesson (its key) whose material is being picked from SharePoint. */
  const [picking, setPicking] = React.useState<number | null>(null);
  const classes = mergeStyleSets({
    title: { margin: '16px 0 8px', fontSize: 18, fontWeight: 600, outline: 'none' },
    part: { margin: '16px 0 4px', fontSize: 16, fontWeight: 600 },
    lesson: { border: `1px solid ${theme.palette.neutralLight}`, borderRadius: 4, padding: 12 },
    legend: { fontWeight: 600, padding: '0 4px' },
    row: { display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-end' },
    picker: { marginTop: 12 },
  });
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => headingRef.current?.focus(), []);
  /** Ids of the controls the focus moves to when the one pressed goes away or moves. */
  const [idPrefix] = React.useState(() => getId('course-editor'));
  const ids = {
    lessonTitle: (key: number): string => `${idPrefix}-lesson-${key}-title`,
    lessonMove: (key: number, direction: 'up' | 'down'): string => `${idPrefix}-lesson-${key}-${direction}`,
    addLesson: `${idPrefix}-add-lesson`,
    addQuiz: `${idPrefix}-add-quiz`,
    quiz: `${idPrefix}-quiz`,
    problems: `${idPrefix}-problems`,
  };
  const focusAfterRender = useFocusAfterRender();

  const set = <K extends keyof CourseDraft>(key: K, value: CourseDraft[K]): void => setDraft((d) => ({ ...d, [key]: value }));
  const setLesson = (index: number, change: Partial<CourseDraft['lessons'][number]>): void =>
    setDraft((d) => ({ ...d, lessons: d.lessons.map((l, i) => (i === index ? { ...l, ...change } : l)) }));
  const moveLesson = (index: number, by: number): void => {
    const to = index + by;
    // The focus stays on the button pressed, or on the other one once the lesson is first or last.
    const stillMovable = by < 0 ? to > 0 : to < draft.lessons.length - 1;
    const [direction, opposite] = by < 0 ? (['up', 'down'] as const) : (['down', 'up'] as const);
    focusAfterRender(ids.lessonMove(draft.lessons[index].key, stillMovable ? direction : opposite));
    setDraft((d) => {
      const lessons = [...d.lessons];
      const [moved] = lessons.splice(index, 1);
      lessons.splice(to, 0, moved);
      return { ...d, lessons };
    });
  };
  const addLesson = (): void => {
    const lesson = emptyLesson();
    focusAfterRender(ids.lessonTitle(lesson.key));
    set('lessons', [...draft.lessons, lesson]);
  };
  const removeLesson = (index: number): void => {
    focusAfterRender(ids.addLesson);
    setDraft((d) => ({ ...d, lessons: d.lessons.filter((_l, i) => i !== index) }));
  };

  const save = (input: CourseInput): void => {
    setBusy(true);
    setFailure(null);
    (course ? api.updateCourse(course.id, input) : api.createCourse(catalogId, input)).then(
      (saved) => {
        setBusy(false);
        setConfirming(null);
        onSaved(saved);
      },
      (error: unknown) => {
        focusAfterRender(ids.problems);
        setBusy(false);
        setConfirming(null);
        setFailure(error);
      },
    );
  };

  const submit = (): void => {
    const result = courseInputOf(draft, s);
    setProblems(result.problems);
    if (!result.input) return focusAfterRender(ids.problems);
    if (course && course.status === 'published') setConfirming(result.input);
    else save(result.input);
  };

  return (
    <section aria-labelledby="course-editor-title">
      <h3 id="course-editor-title" className={classes.title} ref={headingRef} tabIndex={-1}>
        {course ? s.courseEditorEdit(course.title) : s.courseEditorNew}
      </h3>
      <Stack tokens={{ childrenGap: 8 }}>
        <TextField label={s.courseTitle} required={true} value={draft.title} onChange={(_e, v) => set('title', v ?? '')} />
        <TextField label={s.courseSummary} multiline={true} autoAdjustHeight={true} value={draft.summary} onChange={(_e, v) => set('summary', v ?? '')} />
        <div className={classes.row}>
          <Dropdown
            label={s.courseFormat}
            selectedKey={draft.format}
            options={COURSE_FORMATS.map((f) => ({ key: f, text: s.formats[f] }))}
            onChange={(_e, option) => option && set('format', option.key as CourseDraft['format'])}
            styles={{ root: { width: 200 } }}
          />
          <TextField label={s.courseDuration} required={true} type="number" min={0} value={draft.durationMinutes} onChange={(_e, v) => set('durationMinutes', v ?? '')} styles={{ root: { width: 180 } }} />
          <TextField label={s.courseTags} value={draft.tags} onChange={(_e, v) => set('tags', v ?? '')} styles={{ root: { minWidth: 240, flexGrow: 1 } }} />
        </div>
        <Toggle label={s.sequential} inlineLabel={true} checked={draft.sequentialLessons} onChange={(_e, checked) => set('sequentialLessons', !!checked)} />
        <Toggle label={s.publishedToggle} inlineLabel={true} checked={draft.status === 'published'} onChange={(_e, checked) => set('status', checked ? 'published' : 'draft')} />

        <h4 className={classes.part}>{s.lessonsTitle}</h4>
        {draft.lessons.map((lesson, index) => {
          const name = s.lessonN(index + 1);
          return (
            <fieldset key={lesson.key} className={classes.lesson}>
              <legend className={classes.legend}>{name}</legend>
              <div className={classes.row}>
                <TextField id={ids.lessonTitle(lesson.key)} label={s.lessonTitle} value={lesson.title} onChange={(_e, v) => setLesson(index, { title: v ?? '' })} styles={{ root: { minWidth: 220, flexGrow: 1 } }} />
                <TextField label={s.lessonUrl} type="url" placeholder="https://" value={lesson.materialUrl} onChange={(_e, v) => setLesson(index, { materialUrl: v ?? '' })} styles={{ root: { minWidth: 260, flexGrow: 2 } }} />
                {sharePointMaterial && (
                  <IconButton
                    iconProps={{ iconName: picking === lesson.key ? 'ChromeClose' : 'SharepointLogo' }}
                    title={picking === lesson.key ? s.closeMaterialPicker(name) : s.pickMaterial(name)}
                    ariaLabel={picking === lesson.key ? s.closeMaterialPicker(name) : s.pickMaterial(name)}
                    aria-expanded={picking === lesson.key}
                    onClick={() => setPicking((key) => (key === lesson.key ? null : lesson.key))}
                  />
                )}
                <TextField label={s.lessonMinutes} type="number" min={0} value={lesson.minutes} onChange={(_e, v) => setLesson(index, { minutes: v ?? '' })} styles={{ root: { width: 90 } }} />
                <IconButton id={ids.lessonMove(lesson.key, 'up')} iconProps={{ iconName: 'Up' }} title={s.moveUp(name)} ariaLabel={s.moveUp(name)} disabled={index === 0} onClick={() => moveLesson(index, -1)} />
                <IconButton id={ids.lessonMove(lesson.key, 'down')} iconProps={{ iconName: 'Down' }} title={s.moveDown(name)} ariaLabel={s.moveDown(name)} disabled={index === draft.lessons.length - 1} onClick={() => moveLesson(index, 1)} />
                <IconButton iconProps={{ iconName: 'Delete' }} title={s.remove(name)} ariaLabel={s.remove(name)} onClick={() => removeLesson(index)} />
              </div>
              {sharePointMaterial && picking === lesson.key && (
                <div className={classes.picker}>
                  <SharePointContentPicker
                    service={sharePointMaterial.service}
                    siteUrl={sharePointMaterial.siteUrl}
                    locale={locale}
                    strings={s.sharePointPicker}
                    onPick={(item) => {
                      setLesson(index, { materialUrl: item.url, title: lesson.title || item.title });
                      setPicking(null);
                    }}
                  />
                </div>
              )}
            </fieldset>
          );
        })}
        <div>
          <DefaultButton id={ids.addLesson} iconProps={{ iconName: 'Add' }} text={s.addLesson} onClick={addLesson} />
        </div>

        <h4 className={classes.part}>{s.quizTitle}</h4>
        {draft.quiz ? (
          <>
            <QuizBuilder idPrefix={ids.quiz} quiz={draft.quiz} onChange={(quiz) => set('quiz', quiz)} />
            <div>
              <DefaultButton
                text={s.removeQuiz}
                onClick={() => {
                  focusAfterRender(ids.addQuiz);
                  set('quiz', null);
                }}
              />
            </div>
          </>
        ) : (
          <div>
            <DefaultButton
              id={ids.addQuiz}
              iconProps={{ iconName: 'Add' }}
              text={s.addQuiz}
              onClick={() => {
                focusAfterRender(passMarkId(ids.quiz));
                set('quiz', { passMarkPercent: '80', questions: [emptyQuestion()] });
              }}
            />
          </div>
        )}

        {(problems.length > 0 || failure !== null) && (
          <div id={ids.problems} tabIndex={-1}>
            {problems.length > 0 && (
              <MessageBar messageBarType={MessageBarType.error} isMultiline={true}>
                {s.fixProblems}
                <ul>
                  {problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </MessageBar>
            )}
            {failure !== null && (
              <MessageBar messageBarType={MessageBarType.error} isMultiline={true}>
                {errorText(failure, s.saveFailed)}
              </MessageBar>
            )}
          </div>
        )}
        <Stack horizontal={true} tokens={{ childrenGap: 8 }}>
          <PrimaryButton text={busy ? s.saving : s.saveCourse} disabled={busy} allowDisabledFocus={true} onClick={submit} />
          <DefaultButton text={s.cancel} disabled={busy} onClick={onCancel} />
        </Stack>
      </Stack>
      {confirming && (
        <ConfirmDialog
          title={s.publishedEditTitle}
          text={s.publishedEditText}
          confirm={s.saveAnyway}
          cancel={s.cancel}
          busy={busy}
          onConfirm={() => save(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </section>
  );
}
