import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, PrimaryButton, Stack, mergeStyleSets, useTheme } from '@fluentui/react';
import type { AssignmentRule, CourseSummary, ITrainingAdminApi } from '../../client/trainingAdminApi';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { EmptyState } from '../common/EmptyState';
import { errorText } from '../common/errorText';
import { LoadFailure } from '../common/LoadFailure';
import { LoadingShimmer } from '../common/LoadingShimmer';
import { TableHeading } from '../common/TableHeading';
import { useLoad } from '../common/useLoad';
import { visuallyHidden } from '../common/visuallyHidden';
import { useAdminStrings } from './adminStringsContext';
import { describeCriteria } from './ruleDraft';
import { RuleAssignmentsList } from './RuleAssignmentsList';
import { RuleForm } from './RuleForm';

export interface RulesTabProps {
  api: ITrainingAdminApi;
  catalogId: string;
  /** Due dates in the assignments lists; the browser's locale without it. */
  locale?: string;
  /** After a rule is saved: the report shows what it assigned. */
  onShowReport?: () => void;
  /** How long typing pauses before the rule preview is asked for (tests shorten it). */
  previewDelayMs?: number;
}

const viewButtonId = (ruleId: string): string => `view-rule-assignments-${ruleId}`;

type Mode = { kind: 'list' } | { kind: 'form'; rule: AssignmentRule | null };
/** The rule whose assignments show. */
type Opened = { id: string; name: string };

/** Mandatory training by directory attributes: the catalog's rules, who each assigned, and a form to add or change one. */
export function RulesTab({ api, catalogId, locale, onShowReport, previewDelayMs }: RulesTabProps): React.ReactElement {
  const s = useAdminStrings();
  const theme = useTheme();
  const { load, reload } = useLoad(async () => {
    const [rules, courses] = await Promise.all([api.listRules(catalogId), api.listCourses(catalogId)]);
    return { rules, courses };
  }, [api, catalogId]);
  const shown = React.useRef<{ rules: AssignmentRule[]; courses: CourseSummary[] } | null>(null);
  const [mode, setMode] = React.useState<Mode>({ kind: 'list' });
  const [done, setDone] = React.useState<{ text: string; withReport: boolean } | null>(null);
  const [opened, setOpened] = React.useState<Opened | null>(null);
  const [deleting, setDeleting] = React.useState<{ rule: AssignmentRule; busy: boolean; problem: string | null } | null>(null);
  // Closing a rule's assignments takes keyboard focus back to the button that opened them.
  const [refocus, setRefocus] = React.useState<string | null>(null);
  React.useEffect(() => {
    if (refocus === null) return;
    document.getElementById(viewButtonId(refocus))?.focus();
    setRefocus(null);
  }, [refocus]);
  const classes = mergeStyleSets({
    table: { borderCollapse: 'collapse', width: '100%', margin: '8px 0' },
    cell: { textAlign: 'left', padding: '6px 8px', borderBottom: `1px solid ${theme.palette.neutralLight}`, verticalAlign: 'top' },
    caption: visuallyHidden,
  });

  // A reload (after a save or a delete) keeps the list on screen, and the assignments opened below it, until it is in.
  if (load.status === 'loaded') shown.current = load.value;
  if (load.status === 'failed') return <LoadFailure error={load.error} onRetry={reload} strings={s.common} />;
  if (shown.current === null) return <LoadingShimmer label={s.rulesLoading} />;
  const { rules, courses } = shown.current;
  const titleOf = (id: string): string => courses.filter((c) => c.id === id)[0]?.title ?? id;

  if (mode.kind === 'form') {
    return (
      <RuleForm
        api={api}
        catalogId={catalogId}
        courses={courses}
        rule={mode.rule}
        previewDelayMs={previewDelayMs}
        onSaved={(rule, applied) => {
          setDone({ text: s.ruleApplied(rule.name, applied.assigned, applied.unmatched, applied.rematched), withReport: true });
          setOpened({ id: rule.id, name: rule.name });
          setMode({ kind: 'list' });
          reload();
        }}
        onCancel={() => setMode({ kind: 'list' })}
      />
    );
  }

  const openForm = (rule: AssignmentRule | null): void => {
    setDone(null);
    setMode({ kind: 'form', rule });
  };
  const confirmDelete = (): void => {
    if (!deleting) return;
    const { rule } = deleting;
    setDeleting({ rule, busy: true, problem: null });
    api.deleteRule(rule.id).then(
      () => {
        setDeleting(null);
        setDone({ text: s.ruleDeleted(rule.name), withReport: false });
        setOpened((o) => (o && o.id === rule.id ? null : o));
        reload();
      },
      (error: unknown) => setDeleting({ rule, busy: false, problem: errorText(error, s.ruleDeleteFailed) }),
    );
  };
  const openedRule = opened ? rules.filter((r) => r.id === opened.id)[0] : undefined;

  return (
    <div>
      <div role="status" aria-live="polite">
        {done && (
          <MessageBar
            messageBarType={MessageBarType.success}
            isMultiline={true}
            actions={done.withReport && onShowReport ? <DefaultButton text={s.tabs.reports} onClick={onShowReport} /> : undefined}
          >
            {done.text}
          </MessageBar>
        )}
      </div>
      <PrimaryButton iconProps={{ iconName: 'Add' }} text={s.newRule} onClick={() => openForm(null)} styles={{ root: { margin: '8px 0' } }} />
      {rules.length === 0 ? (
        <EmptyState title={s.noRules} hint={s.noRulesHint} />
      ) : (
        <table className={classes.table}>
          <TableHeading
            caption={s.ruleTableCaption}
            columns={[s.ruleColumns.name, s.ruleColumns.course, s.ruleColumns.who, s.ruleColumns.due, s.ruleActions]}
            captionClassName={classes.caption}
            cellClassName={classes.cell}
          />
          <tbody>
            {rules.map((rule) => (
              <tr key={rule.id}>
                <th scope="row" className={classes.cell}>
                  {rule.name}
                </th>
                <td className={classes.cell}>{titleOf(rule.courseId)}</td>
                <td className={classes.cell}>{describeCriteria(rule.criteria, s)}</td>
                <td className={classes.cell}>{s.ruleDue(rule.dueWithinDays)}</td>
                <td className={classes.cell}>
                  <Stack horizontal={true} wrap={true} tokens={{ childrenGap: 4 }}>
                    <DefaultButton
                      id={viewButtonId(rule.id)}
                      text={s.ruleViewAssignments}
                      ariaLabel={s.ruleViewAssignmentsOf(rule.name)}
                      aria-expanded={opened?.id === rule.id}
                      aria-controls={opened?.id === rule.id ? `rule-assignments-panel-${rule.id}` : undefined}
                      onClick={() => setOpened(opened?.id === rule.id ? null : { id: rule.id, name: rule.name })}
                    />
                    <DefaultButton text={s.edit} ariaLabel={s.editRuleOf(rule.name)} onClick={() => openForm(rule)} />
                    <DefaultButton text={s.deleteRuleButton} ariaLabel={s.deleteRuleOf(rule.name)} onClick={() => setDeleting({ rule, busy: false, problem: null })} />
                  </Stack>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {opened && (
        <div id={`rule-assignments-panel-${opened.id}`}>
          <RuleAssignmentsList
            key={opened.id}
            api={api}
            ruleId={opened.id}
            ruleName={openedRule?.name ?? opened.name}
            locale={locale}
            onClose={() => {
              setRefocus(opened.id);
              setOpened(null);
            }}
          />
        </div>
      )}
      {deleting && (
        <ConfirmDialog
          title={s.deleteRuleTitle(deleting.rule.name)}
          text={s.deleteRuleText}
          confirm={deleting.busy ? s.ruleDeleting : s.deleteRuleConfirm}
          cancel={s.cancel}
          busy={deleting.busy}
          onConfirm={confirmDelete}
          onCancel={() => setDeleting(null)}
        >
          {deleting.problem && <MessageBar messageBarType={MessageBarType.error}>{deleting.problem}</MessageBar>}
        </ConfirmDialog>
      )}
    </div>
  );
}
