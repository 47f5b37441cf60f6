import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, mergeStyleSets, useTheme } from '@fluentui/react';
import type { ILearningApi } from '../../client/learningApi';
import type { CourseSummary } from '../../domain/course';
import type { PlanView } from '../../domain/apiResponses';
import { errorText } from '../common/errorText';
import type { CatalogStrings } from './catalogStrings';

export interface PlanCardProps {
  plan: PlanView;
  courses: readonly CourseSummary[];
  api: ILearningApi;
  strings: CatalogStrings;
}

type Enrolling = { status: 'idle' } | { status: 'busy' } | { status: 'done'; courses: number } | { status: 'failed'; reason: string };

/** A training plan: its courses in order, and one button to enrol in all of them. */
export function PlanCard({ plan, courses, api, strings }: PlanCardProps): React.ReactElement {
  const theme = useTheme();
  const [enrolling, setEnrolling] = React.useState<Enrolling>({ status: 'idle' });
  const classes = mergeStyleSets({
    card: { padding: '12px 0', borderBottom: `1px solid ${theme.palette.neutralLight}` },
    title: { margin: 0, fontSize: 16, fontWeight: 600 },
    text: { margin: '4px 0' },
    list: { margin: '4px 0 8px', paddingLeft: 24 },
  });
  const titleOf = (courseId: string): string => courses.find((c) => c.id === courseId)?.title ?? strings.unknownCourse;
  const enrol = (): void => {
    setEnrolling({ status: 'busy' });
    api.enrolInPlan(plan.id).then(
      (enrolment) => setEnrolling({ status: 'done', courses: enrolment.enrolmentIds.length }),
      (error: unknown) => setEnrolling({ status: 'failed', reason: errorText(error, strings.common.unexpected) }),
    );
  };
  return (
    <li className={classes.card}>
      <h4 className={classes.title}>{plan.title}</h4>
      {plan.summary && <p className={classes.text}>{plan.summary}</p>}
      <p className={classes.text}>{strings.planCourses(plan.courseIds.length)}</p>
      <ol className={classes.list}>
        {plan.courseIds.map((courseId) => (
          <li key={courseId}>{titleOf(courseId)}</li>
        ))}
      </ol>
      <div role="status">
        {enrolling.status === 'done' && <MessageBar messageBarType={MessageBarType.success}>{strings.enrolledInPlan(plan.title, enrolling.courses)}</MessageBar>}
      </div>
      {enrolling.status === 'failed' && <MessageBar messageBarType={MessageBarType.error}>{strings.enrolPlanFailed(enrolling.reason)}</MessageBar>}
      {enrolling.status !== 'done' && (
        <DefaultButton
          text={enrolling.status === 'busy' ? strings.enrollingInPlan : strings.enrolInPlan}
          ariaLabel={`${strings.enrolInPlan}: ${plan.title}`}
          disabled={enrolling.status === 'busy'}
          onClick={enrol}
        />
      )}
    </li>
  );
}
