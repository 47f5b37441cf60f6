import * as React from 'react';
import { DefaultButton, Icon, type ILink, Link, mergeStyleSets, useTheme } from '@fluentui/react';
import type { CourseForLearner } from '../../domain/course';
import { isLessonUnlocked } from '../../domain/progress';
import { formatMinutes } from '../common/formatMinutes';
import { visuallyHidden } from '../common/visuallyHidden';
import { materialKind } from './materialKind';
import type { PlayerStrings } from './playerStrings';

export interface LessonListProps {
  course: CourseForLearner;
  doneLessonIds: ReadonlySet<string>;
  /** Only an enrolled learner opens material and records progress. */
  enrolled: boolean;
  savingLessonId: string | null;
  onMarkDone: (lessonId: string) => void;
  /** Where keyboard focus goes after an action removed the focused button (enrol, mark as done): this lesson's material link. */
  focusLessonId?: string | null;
  strings: PlayerStrings;
  locale?: string;
}

/** The lessons in order: done, open (material and "mark as done"), or locked until the ones before are done. */
export function LessonList({ course, doneLessonIds, enrolled, savingLessonId, onMarkDone, focusLessonId, strings, locale }: LessonListProps): React.ReactElement {
  const theme = useTheme();
  const links = React.useRef<Record<string, ILink | null>>({});
  React.useEffect(() => {
    const link = focusLessonId ? links.current[focusLessonId] : null;
    if (link) link.focus();
  }, [focusLessonId]);
  const classes = mergeStyleSets({
    list: { margin: 0, padding: 0, listStyle: 'none', counterReset: 'lesson' },
    lesson: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12, padding: '10px 0', borderBottom: `1px solid ${theme.palette.neutralLight}` },
    state: { width: 20, textAlign: 'center', fontSize: 16 },
    done: { color: theme.isInverted ? theme.semanticColors.successIcon : '#0B6A0B' },
    locked: { color: theme.palette.neutralSecondary },
    what: { flex: '1 1 260px' },
    title: { margin: 0, fontWeight: 600 },
    facts: { margin: '2px 0 0', fontSize: 12, color: theme.palette.neutralSecondary },
    actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12 },
    hidden: visuallyHidden,
  });
  if (course.lessons.length === 0) return <p>{strings.noLessons}</p>;
  return (
    <ol className={classes.list}>
      {course.lessons.map((lesson) => {
        const done = doneLessonIds.has(lesson.id);
        const unlocked = isLessonUnlocked(course, lesson.id, doneLessonIds);
        const facts = [strings.materials[materialKind(lesson.materialUrl)]];
        if (lesson.durationMinutes !== null) facts.push(formatMinutes(lesson.durationMinutes, locale));
        if (done) facts.push(strings.lessonDone);
        else if (!unlocked) facts.push(strings.lessonLocked);
        return (
          <li key={lesson.id} className={classes.lesson}>
            <span className={classes.state} aria-hidden={true}>
              {done ? <Icon iconName="CompletedSolid" className={classes.done} /> : !unlocked ? <Icon iconName="Lock" className={classes.locked} /> : `${lesson.position}.`}
            </span>
            <div className={classes.what}>
              <p className={classes.title}>{lesson.title}</p>
              <p className={classes.facts}>{facts.join(' · ')}</p>
            </div>
            {enrolled && unlocked && (
              <div className={classes.actions}>
                <Link
                  href={lesson.materialUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                  componentRef={(link: ILink | null) => {
                    links.current[lesson.id] = link;
                  }}
                >
                  {strings.openMaterial(lesson.title)}
                  <span className={classes.hidden}> {strings.opensInNewTab}</span>
                </Link>
                {!done && (
                  <DefaultButton
                    text={savingLessonId === lesson.id ? strings.markingDone : strings.markDone(lesson.title)}
                    disabled={savingLessonId !== null}
                    onClick={() => onMarkDone(lesson.id)}
                  />
                )}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
