import * as React from 'react';
import { getId, MessageBar, MessageBarType, mergeStyleSets, useTheme } from '@fluentui/react';
import type { ILearningApi } from '../../client/learningApi';
import type { ITeamApi } from '../../client/teamApi';
import type { TeamMemberTraining } from '../../domain/apiResponses';
import { EmptyState } from '../common/EmptyState';
import { errorText } from '../common/errorText';
import { LoadFailure } from '../common/LoadFailure';
import { LoadingShimmer } from '../common/LoadingShimmer';
import { useLoad } from '../common/useLoad';
import { formatDay } from '../myTraining/formatDay';
import { AssignCourseDialog } from './AssignCourseDialog';
import { assignableCourses } from './assignableCourses';
import { TeamMemberCard } from './TeamMemberCard';
import { englishTeamStrings, type TeamStrings } from './teamStrings';

export interface TeamTrainingProps {
  teamApi: ITeamApi;
  /** To find the courses the manager may assign: those of the catalogs they manage. */
  learningApi: Pick<ILearningApi, 'listCatalogs' | 'listCourses'>;
  onSignInAgain?: () => void;
  strings?: TeamStrings;
  locale?: string;
  /** Today, for the due date's lower bound; tests fix it. */
  now?: () => Date;
}

function isoDay(date: Date): string {
  const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A line manager's view: each direct report's assigned, overdue and completed training. Host-agnostic. */
export function TeamTraining({ teamApi, learningApi, onSignInAgain, strings = englishTeamStrings, locale, now = () => new Date() }: TeamTrainingProps): React.ReactElement {
  const theme = useTheme();
  const [headingId] = React.useState(() => getId('atrium-team-'));
  const { load, reload } = useLoad(() => Promise.all([teamApi.getMyTeam(), assignableCourses(learningApi)]), [teamApi, learningApi]);
  const [assigning, setAssigning] = React.useState<TeamMemberTraining | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [assignError, setAssignError] = React.useState<string | null>(null);
  const [done, setDone] = React.useState<string | null>(null);
  const classes = mergeStyleSets({
    root: { color: theme.semanticColors.bodyText },
    title: { margin: '0 0 4px', fontSize: 20, fontWeight: 600, outline: 'none' },
    intro: { margin: '0 0 12px', color: theme.palette.neutralSecondary },
    list: { margin: 0, padding: 0, listStyle: 'none' },
  });

  const assign = (courseId: string, dueAt: string): void => {
    if (!assigning || load.status !== 'loaded') return;
    const course = load.value[1].filter((c) => c.id === courseId)[0];
    const name = assigning.person.displayName ?? strings.unnamed;
    setBusy(true);
    setAssignError(null);
    teamApi.assignCourse(courseId, [assigning.person.id], dueAt).then(
      () => {
        setBusy(false);
        setAssigning(null);
        setDone(strings.assigned(course ? course.title : '', name, formatDay(dueAt, locale)));
        reload();
      },
      (error: unknown) => {
        setBusy(false);
        setAssignError(errorText(error, strings.common.unexpected));
      },
    );
  };

  let body: React.ReactNode;
  if (load.status === 'loading') body = <LoadingShimmer label={strings.loading} />;
  else if (load.status === 'failed') body = <LoadFailure error={load.error} onRetry={reload} onSignInAgain={onSignInAgain} strings={strings.common} />;
  else {
    const [team, courses] = load.value;
    const canAssign = courses.length > 0;
    body =
      team.length === 0 ? (
        <EmptyState title={strings.emptyTitle} hint={strings.emptyHint} />
      ) : (
        <>
          {!canAssign && (
            <MessageBar messageBarType={MessageBarType.info} isMultiline={true}>
              {strings.noCoursesToAssign}
            </MessageBar>
          )}
          <ul className={classes.list}>
            {team.map((member) => (
              <TeamMemberCard
                key={member.person.id}
                member={member}
                strings={strings}
                locale={locale}
                onAssign={
                  canAssign
                    ? () => {
                        setDone(null);
                        setAssignError(null);
                        setAssigning(member);
                      }
                    : undefined
                }
              />
            ))}
          </ul>
          {assigning && (
            <AssignCourseDialog
              personName={assigning.person.displayName ?? strings.unnamed}
              courses={courses}
              busy={busy}
              error={assignError}
              today={isoDay(now())}
              onAssign={assign}
              onCancel={() => setAssigning(null)}
              strings={strings}
            />
          )}
        </>
      );
  }

  return (
    <section className={classes.root} aria-labelledby={headingId} aria-busy={load.status === 'loading'}>
      <h2 id={headingId} className={classes.title} tabIndex={-1}>
        {strings.title}
      </h2>
      <p className={classes.intro}>{strings.intro}</p>
      <div role="status">{done && <MessageBar messageBarType={MessageBarType.success}>{done}</MessageBar>}</div>
      {body}
    </section>
  );
}
