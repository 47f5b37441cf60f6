import * as React from 'react';
import { Link, mergeStyleSets, useTheme } from '@fluentui/react';
import type { CourseSummary } from '../../domain/course';
import type { TrainingState } from '../../domain/myTraining';
import { formatMinutes } from '../common/formatMinutes';
import { TrainingStateBadge } from '../myTraining/TrainingStateBadge';
import type { CatalogStrings } from './catalogStrings';

export interface CourseCardProps {
  course: CourseSummary;
  strings: CatalogStrings;
  locale?: string;
  onOpen: (courseId: string) => void;
  /** Where the course lives, so it can be opened in a new tab or shared; the click still goes through `onOpen`. */
  href?: string;
  /** The person's state in the course when they are enrolled. */
  state?: TrainingState;
}

export function CourseCard({ course, strings, locale, onOpen, href, state }: CourseCardProps): React.ReactElement {
  const theme = useTheme();
  const classes = mergeStyleSets({
    card: { padding: '12px 0', borderBottom: `1px solid ${theme.palette.neutralLight}` },
    heading: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 },
    title: { margin: 0, fontSize: 16, fontWeight: 600 },
    summary: { margin: '4px 0 0' },
    facts: { margin: '4px 0 0', fontSize: 12, color: theme.palette.neutralSecondary },
    tags: { display: 'flex', flexWrap: 'wrap', gap: 4, margin: '6px 0 0', padding: 0, listStyle: 'none' },
    tag: { padding: '0 8px', borderRadius: 8, fontSize: 12, backgroundColor: theme.palette.neutralLighter, color: theme.palette.neutralPrimary },
  });
  const facts = [strings.formats[course.format], formatMinutes(course.durationMinutes, locale), strings.lessonCount(course.lessonCount)];
  if (course.hasQuiz) facts.push(strings.hasQuiz);
  return (
    <li className={classes.card}>
      <div className={classes.heading}>
        <h4 className={classes.title}>
          <Link
            href={href}
            onClick={(event) => {
              event.preventDefault();
              onOpen(course.id);
            }}
          >
            {course.title}
          </Link>
        </h4>
        {state && <TrainingStateBadge state={state} label={strings.yourStatus[state]} />}
      </div>
      {course.summary && <p className={classes.summary}>{course.summary}</p>}
      <p className={classes.facts}>{facts.join(' · ')}</p>
      {course.tags.length > 0 && (
        <ul className={classes.tags} aria-label={strings.tagsLabel}>
          {course.tags.map((tag) => (
            <li key={tag} className={classes.tag}>
              {tag}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
