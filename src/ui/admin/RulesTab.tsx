import * as React from 'react';
import { DefaultButton, Dropdown, MessageBar, MessageBarType, PrimaryButton, Stack, TextField, mergeStyleSets } from '@fluentui/react';
import type { AssignmentRule, CourseSummary, ITrainingAdminApi } from '../../client/trainingAdminApi';
import { assignmentRuleBodySchema, type RuleCriteria } from '../../domain/assignmentRules';
import { EmptyState } from '../common/EmptyState';
import { errorText } from '../common/errorText';
import { LoadFailure } from '../common/LoadFailure';
import { LoadingShimmer } from '../common/LoadingShimmer';
import { useLoad } from '../common/useLoad';
import { visuallyHidden } from '../common/visuallyHidden';
import { adminStrings as s } from './adminStrings';

export interface RulesTabProps {
  api: ITrainingAdminApi;
  catalogId: string;
  /** After a rule is saved: the report shows what it assigned. */
  onShowReport?: () => void;
}

const CRITERIA = ['department', 'jobTitle', 'officeLocation', 'country', 'city'] as const;
type CriterionKey = (typeof CRITERIA)[number];

const classes = mergeStyleSets({
  table: { borderCollapse: 'collapse', width: '100%', margin: '8px 0' },
  cell: { textAlign: 'left', padding: '6px 8px', borderBottom: '1px solid #e1dfdd', verticalAlign: 'top' },
  caption: visuallyHidden,
  row: { display: 'flex', flexWrap: 'wrap', gap: 12 },
});

/** "Sales, Oslo" → criteria text for a rule row. */
export function describeCriteria(criteria: RuleCriteria): string {
  return CRITERIA.filter((key) => criteria[key] !== undefined)
    .map((key) => `${s.criteria[key]}: ${(criteria[key] ?? []).join(' or ')}`)
    .join('; ');
}

/** Mandatory training by directory attributes: the catalog's rules, and a form for a new one. */
export function RulesTab({ api, catalogId, onShowReport }: RulesTabProps): React.ReactElement {
  const { load, reload } = useLoad(async () => {
    const [rules, courses] = await Promise.all([api.listRules(catalogId), api.listCourses(catalogId)]);
    return { rules, courses };
  }, [api, catalogId]);
  const [creating, setCreating] = React.useState(false);
  const [applied, setApplied] = React.useState<string | null>(null);
  if (load.status === 'loading') return <LoadingShimmer label={s.rulesLoading} />;
  if (load.status === 'failed') return <LoadFailure error={load.error} onRetry={reload} />;
  const { rules, courses } = load.value;
  const titleOf = (id: string): string => courses.filter((c) => c.id === id)[0]?.title ?? id;
  if (creating) {
    return (
      <RuleForm
        api={api}
        catalogId={catalogId}
        courses={courses.filter((c) => c.status === 'published')}
        onCreated={(message) => {
          setApplied(message);
          setCreating(false);
          reload();
        }}
        onCancel={() => setCreating(false)}
      />
    );
  }
  return (
    <div>
      <div role="status">
        {applied && (
          <MessageBar messageBarType={MessageBarType.success} isMultiline={true} actions={onShowReport ? <DefaultButton text={s.tabs.reports} onClick={onShowReport} /> : undefined}>
            {applied}
          </MessageBar>
        )}
      </div>
      <PrimaryButton iconProps={{ iconName: 'Add' }} text={s.newRule} onClick={() => setCreating(true)} styles={{ root: { margin: '8px 0' } }} />
      {rules.length === 0 ? (
        <EmptyState title={s.noRules} hint={s.noRulesHint} />
      ) : (
        <table className={classes.table}>
          <caption className={classes.caption}>{s.ruleTableCaption}</caption>
          <thead>
            <tr>
              <th scope="col" className={classes.cell}>{s.ruleColumns.name}</th>
              <th scope="col" className={classes.cell}>{s.ruleColumns.course}</th>
              <th scope="col" className={classes.cell}>{s.ruleColumns.who}</th>
              <th scope="col" className={classes.cell}>{s.ruleColumns.due}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule: AssignmentRule) => (
              <tr key={rule.id}>
                <th scope="row" className={classes.cell}>{rule.name}</th>
                <td className={classes.cell}>{titleOf(rule.courseId)}</td>
                <td className={classes.cell}>{describeCriteria(rule.criteria)}</td>
                <td className={classes.cell}>{s.ruleDue(rule.dueWithinDays)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

interface RuleFormProps {
  api: ITrainingAdminApi;
  catalogId: string;
  courses: CourseSummary[];
  onCreated: (message: string) => void;
  onCancel: () => void;
}

function splitValues(text: string): string[] {
  return text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function RuleForm({ api, catalogId, courses, onCreated, onCancel }: RuleFormProps): React.ReactElement {
  const [name, setName] = React.useState('');
  const [courseId, setCourseId] = React.useState<string | null>(courses[0]?.id ?? null);
  const [days, setDays] = React.useState('30');
  const [values, setValues] = React.useState<Record<CriterionKey, string>>({ department: '', jobTitle: '', officeLocation: '', country: '', city: '' });
  const [problems, setProblems] = React.useState<string[]>([]);
  const [busy, setBusy] = React.useState(false);
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => headingRef.current?.focus(), []);

  const submit = (): void => {
    const criteria: Record<string, string[]> = {};
    for (const key of CRITERIA) {
      const list = splitValues(values[key]);
      if (list.length > 0) criteria[key] = list;
    }
    const problemsFound: string[] = [];
    if (Object.keys(criteria).length === 0) problemsFound.push(s.criteriaNeeded);
    const parsed = assignmentRuleBodySchema.safeParse({ name, courseId, criteria, dueWithinDays: /^\d+$/.test(days.trim()) ? Number(days.trim()) : Number.NaN });
    if (!parsed.success && problemsFound.length === 0) {
      const labels: Record<string, string> = { name: s.ruleName, courseId: s.ruleCourse, dueWithinDays: s.ruleDueDays, criteria: 'Criteria' };
      for (const issue of parsed.error.issues) problemsFound.push(`${labels[String(issue.path[0])] ?? issue.path.join('.')}: ${issue.code === 'invalid_type' ? 'required' : issue.message}`);
    }
    setProblems(problemsFound);
    if (problemsFound.length > 0 || !parsed.success) return;
    setBusy(true);
    api.createRule(catalogId, parsed.data).then(
      ({ rule, applied }) => onCreated(s.ruleApplied(rule.name, applied.assigned, applied.unmatched, applied.rematched)),
      (error: unknown) => {
        setBusy(false);
        setProblems([errorText(error, s.saveFailed)]);
      },
    );
  };

  return (
    <section aria-labelledby="rule-form-title">
      <h3 id="rule-form-title" ref={headingRef} tabIndex={-1} style={{ margin: '16px 0 8px', fontSize: 18, fontWeight: 600, outline: 'none' }}>
        {s.newRule}
      </h3>
      {courses.length === 0 ? (
        <Stack tokens={{ childrenGap: 8 }}>
          <MessageBar messageBarType={MessageBarType.warning}>{s.publishFirst}</MessageBar>
          <div>
            <DefaultButton text={s.cancel} onClick={onCancel} />
          </div>
        </Stack>
      ) : (
        <Stack tokens={{ childrenGap: 8 }}>
          <TextField label={s.ruleName} required={true} value={name} onChange={(_e, v) => setName(v ?? '')} />
          <div className={classes.row}>
            <Dropdown
              label={s.ruleCourse}
              required={true}
              selectedKey={courseId}
              options={courses.map((c) => ({ key: c.id, text: c.title }))}
              onChange={(_e, option) => option && setCourseId(String(option.key))}
              styles={{ root: { minWidth: 280 } }}
            />
            <TextField label={s.ruleDueDays} required={true} type="number" min={1} max={3650} value={days} onChange={(_e, v) => setDays(v ?? '')} styles={{ root: { width: 160 } }} />
          </div>
          <p>{s.criteriaHint}</p>
          <div className={classes.row}>
            {CRITERIA.map((key) => (
              <TextField key={key} label={s.criteria[key]} value={values[key]} onChange={(_e, v) => setValues((all) => ({ ...all, [key]: v ?? '' }))} styles={{ root: { width: 200 } }} />
            ))}
          </div>
          <p>{s.rulePreviewGap}</p>
          {problems.length > 0 && (
            <MessageBar messageBarType={MessageBarType.error} isMultiline={true}>
              {problems.join(' ')}
            </MessageBar>
          )}
          <Stack horizontal={true} tokens={{ childrenGap: 8 }}>
            <PrimaryButton text={busy ? s.saving : s.createRule} disabled={busy} onClick={submit} />
            <DefaultButton text={s.cancel} disabled={busy} onClick={onCancel} />
          </Stack>
        </Stack>
      )}
    </section>
  );
}
