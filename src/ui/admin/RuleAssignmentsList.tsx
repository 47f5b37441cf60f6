import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, Stack, mergeStyleSets, useTheme } from '@fluentui/react';
import type { ITrainingAdminApi, RuleAssignmentPage } from '../../client/trainingAdminApi';
import { errorText } from '../common/errorText';
import { LoadFailure } from '../common/LoadFailure';
import { LoadingShimmer } from '../common/LoadingShimmer';
import { TableHeading } from '../common/TableHeading';
import { useLoad } from '../common/useLoad';
import { formatDay } from '../myTraining/formatDay';
import { useAdminStrings } from './adminStringsContext';

export interface RuleAssignmentsListProps {
  api: ITrainingAdminApi;
  ruleId: string;
  ruleName: string;
  locale?: string;
  onClose: () => void;
}

type Assignment = RuleAssignmentPage['assignments'][number];

/** The enrolments a rule made, a page at a time by name, with whether each person still matches the rule. */
export function RuleAssignmentsList({ api, ruleId, ruleName, locale, onClose }: RuleAssignmentsListProps): React.ReactElement {
  const s = useAdminStrings();
  const theme = useTheme();
  const classes = mergeStyleSets({
    root: { margin: '16px 0', padding: '8px 12px', border: `1px solid ${theme.palette.neutralLight}`, borderRadius: 2 },
    title: { margin: '0 0 4px', fontSize: 16, fontWeight: 600, outline: 'none' },
    table: { borderCollapse: 'collapse', width: '100%', margin: '8px 0' },
    cell: { textAlign: 'left', padding: '6px 8px', borderBottom: `1px solid ${theme.palette.neutralLight}`, verticalAlign: 'top' },
    caption: { textAlign: 'left', padding: '4px 0', color: theme.palette.neutralSecondary },
  });
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  // Keyboard and screen reader users land on the list when it opens.
  React.useEffect(() => headingRef.current?.focus(), []);
  const first = useLoad(() => api.listRuleAssignments(ruleId), [api, ruleId]);
  // The pages after the first, kept with the first page they follow: a reload starts the list again.
  const [more, setMore] = React.useState<{ after: RuleAssignmentPage; assignments: Assignment[]; nextCursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = React.useState(false);
  const [moreFailed, setMoreFailed] = React.useState<string | null>(null);

  let body: React.ReactNode;
  if (first.load.status === 'loading') body = <LoadingShimmer label={s.ruleAssignmentsLoading} rows={2} />;
  else if (first.load.status === 'failed') body = <LoadFailure error={first.load.error} onRetry={first.reload} strings={s.common} />;
  else {
    const page = first.load.value;
    const extra = more !== null && more.after === page ? more : null;
    const assignments = extra ? [...page.assignments, ...extra.assignments] : page.assignments;
    const nextCursor = extra ? extra.nextCursor : page.nextCursor;
    const showMore = (): void => {
      if (!nextCursor) return;
      setLoadingMore(true);
      setMoreFailed(null);
      api.listRuleAssignments(ruleId, nextCursor).then(
        (next) => {
          setLoadingMore(false);
          setMore({ after: page, assignments: [...(extra?.assignments ?? []), ...next.assignments], nextCursor: next.nextCursor });
        },
        (error: unknown) => {
          setLoadingMore(false);
          setMoreFailed(errorText(error, s.ruleAssignmentsLoadFailed));
        },
      );
    };
    const c = s.rulePeopleColumns;
    body = (
      <>
        <p role="status" aria-live="polite">
          {s.ruleAssignmentsTotal(assignments.length, page.total)}
        </p>
        {assignments.length > 0 && (
          <table className={classes.table}>
            <TableHeading caption={s.ruleAssignmentsCaption(ruleName)} columns={[c.name, c.department, c.status, c.due, c.scope]} captionClassName={classes.caption} cellClassName={classes.cell} />
            <tbody>
              {assignments.map((a) => (
                <tr key={a.enrolmentId}>
                  <th scope="row" className={classes.cell}>
                    {a.displayName ?? s.ruleNoName}
                  </th>
                  <td className={classes.cell}>{a.department ?? s.ruleNoValue}</td>
                  <td className={classes.cell}>{s.ruleAssignmentStatus[a.status]}</td>
                  <td className={classes.cell}>{a.dueAt ? formatDay(a.dueAt, locale) : s.ruleNoDueDate}</td>
                  <td className={classes.cell}>{a.unmatchedAt ? s.ruleNoLongerMatches(formatDay(a.unmatchedAt, locale)) : s.ruleStillMatches}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {moreFailed && <MessageBar messageBarType={MessageBarType.error}>{moreFailed}</MessageBar>}
        {nextCursor && <DefaultButton text={loadingMore ? s.ruleLoadingMore : s.ruleShowMore} disabled={loadingMore} onClick={showMore} />}
      </>
    );
  }

  return (
    <section className={classes.root} aria-labelledby={`rule-assignments-${ruleId}`}>
      <Stack horizontal={true} horizontalAlign="space-between" verticalAlign="center" wrap={true}>
        <h4 id={`rule-assignments-${ruleId}`} ref={headingRef} tabIndex={-1} className={classes.title}>
          {s.ruleAssignmentsTitle(ruleName)}
        </h4>
        <DefaultButton text={s.ruleCloseAssignments} onClick={onClose} />
      </Stack>
      {body}
    </section>
  );
}
