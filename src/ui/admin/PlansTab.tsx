import * as React from 'react';
import { DefaultButton, Dropdown, IconButton, MessageBar, MessageBarType, PrimaryButton, Stack, TextField, Toggle, mergeStyleSets, useTheme } from '@fluentui/react';
import type { CourseSummary, ITrainingAdminApi, PlanView } from '../../client/trainingAdminApi';
import { EmptyState } from '../common/EmptyState';
import { errorText } from '../common/errorText';
import { LoadFailure } from '../common/LoadFailure';
import { LoadingShimmer } from '../common/LoadingShimmer';
import { useLoad } from '../common/useLoad';
import { adminStrings as s } from './adminStrings';

export interface PlansTabProps {
  api: ITrainingAdminApi;
  catalogId: string;
}

/** Training plans: courses taken in sequence. The API creates plans; it does not edit them yet. */
export function PlansTab({ api, catalogId }: PlansTabProps): React.ReactElement {
  const theme = useTheme();
  const { load, reload } = useLoad(async () => {
    const [plans, courses] = await Promise.all([api.listPlans(catalogId), api.listCourses(catalogId)]);
    return { plans, courses };
  }, [api, catalogId]);
  const [creating, setCreating] = React.useState(false);
  const [saved, setSaved] = React.useState<string | null>(null);
  const classes = mergeStyleSets({
    list: { listStyle: 'none', margin: '8px 0', padding: 0 },
    item: { padding: '8px 0', borderBottom: `1px solid ${theme.palette.neutralLight}` },
    name: { margin: 0, fontSize: 15, fontWeight: 600 },
    facts: { margin: 0, color: theme.palette.neutralSecondary, fontSize: 12 },
  });
  if (load.status === 'loading') return <LoadingShimmer label={s.plansLoading} />;
  if (load.status === 'failed') return <LoadFailure error={load.error} onRetry={reload} />;
  const { plans, courses } = load.value;
  const titleOf = (id: string): string => courses.filter((c) => c.id === id)[0]?.title ?? id;
  if (creating) {
    return (
      <PlanForm
        api={api}
        catalogId={catalogId}
        courses={courses}
        onCreated={(plan) => {
          setSaved(s.planCreated(plan.title));
          setCreating(false);
          reload();
        }}
        onCancel={() => setCreating(false)}
      />
    );
  }
  return (
    <div>
      <div role="status">{saved && <MessageBar messageBarType={MessageBarType.success}>{saved}</MessageBar>}</div>
      <PrimaryButton iconProps={{ iconName: 'Add' }} text={s.newPlan} onClick={() => setCreating(true)} disabled={courses.length === 0} styles={{ root: { margin: '8px 0' } }} />
      {plans.length === 0 ? (
        <EmptyState title={s.noPlans} hint={s.noPlansHint} />
      ) : (
        <ul className={classes.list} aria-label={s.tabs.plans}>
          {plans.map((plan: PlanView) => (
            <li key={plan.id} className={classes.item}>
              <h4 className={classes.name}>{plan.title}</h4>
              <p className={classes.facts}>{[plan.status === 'published' ? s.statusPublished : s.statusDraft, s.planCourseCount(plan.courseIds.length)].join(' · ')}</p>
              <ol>
                {plan.courseIds.map((id) => (
                  <li key={id}>{titleOf(id)}</li>
                ))}
              </ol>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface PlanFormProps {
  api: ITrainingAdminApi;
  catalogId: string;
  courses: CourseSummary[];
  onCreated: (plan: PlanView) => void;
  onCancel: () => void;
}

function PlanForm({ api, catalogId, courses, onCreated, onCancel }: PlanFormProps): React.ReactElement {
  const [title, setTitle] = React.useState('');
  const [summary, setSummary] = React.useState('');
  const [courseIds, setCourseIds] = React.useState<string[]>([]);
  const [published, setPublished] = React.useState(false);
  const [problem, setProblem] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => headingRef.current?.focus(), []);
  const titleOf = (id: string): string => courses.filter((c) => c.id === id)[0]?.title ?? id;
  const move = (index: number, by: number): void =>
    setCourseIds((ids) => {
      const next = [...ids];
      const [moved] = next.splice(index, 1);
      next.splice(index + by, 0, moved);
      return next;
    });
  const submit = (): void => {
    if (!title.trim()) return setProblem(`${s.planTitle}: must not be empty`);
    if (courseIds.length === 0) return setProblem(s.planNoCourse);
    setProblem(null);
    setBusy(true);
    api.createPlan(catalogId, { title: title.trim(), summary: summary.trim(), courseIds, status: published ? 'published' : 'draft' }).then(onCreated, (error: unknown) => {
      setBusy(false);
      setProblem(errorText(error, s.saveFailed));
    });
  };
  return (
    <section aria-labelledby="plan-form-title">
      <h3 id="plan-form-title" ref={headingRef} tabIndex={-1} style={{ margin: '16px 0 8px', fontSize: 18, fontWeight: 600, outline: 'none' }}>
        {s.newPlan}
      </h3>
      <Stack tokens={{ childrenGap: 8 }}>
        <TextField label={s.planTitle} required={true} value={title} onChange={(_e, v) => setTitle(v ?? '')} />
        <TextField label={s.planSummary} multiline={true} value={summary} onChange={(_e, v) => setSummary(v ?? '')} />
        <Dropdown
          label={s.planAddCourse}
          selectedKey={null}
          placeholder={s.planAddCourse}
          options={courses.filter((c) => courseIds.indexOf(c.id) < 0).map((c) => ({ key: c.id, text: c.title }))}
          onChange={(_e, option) => option && setCourseIds((ids) => [...ids, String(option.key)])}
          styles={{ root: { maxWidth: 420 } }}
        />
        <div>
          <strong id="plan-courses">{s.planCourses}</strong>
          <ol aria-labelledby="plan-courses">
            {courseIds.map((id, index) => (
              <li key={id}>
                {titleOf(id)}
                <IconButton iconProps={{ iconName: 'Up' }} title={s.moveUp(titleOf(id))} ariaLabel={s.moveUp(titleOf(id))} disabled={index === 0} onClick={() => move(index, -1)} />
                <IconButton iconProps={{ iconName: 'Down' }} title={s.moveDown(titleOf(id))} ariaLabel={s.moveDown(titleOf(id))} disabled={index === courseIds.length - 1} onClick={() => move(index, 1)} />
                <IconButton iconProps={{ iconName: 'Delete' }} title={s.remove(titleOf(id))} ariaLabel={s.remove(titleOf(id))} onClick={() => setCourseIds((ids) => ids.filter((x) => x !== id))} />
              </li>
            ))}
          </ol>
        </div>
        <Toggle label={s.planPublished} inlineLabel={true} checked={published} onChange={(_e, checked) => setPublished(!!checked)} />
        {problem && <MessageBar messageBarType={MessageBarType.error}>{problem}</MessageBar>}
        <Stack horizontal={true} tokens={{ childrenGap: 8 }}>
          <PrimaryButton text={s.createPlan} disabled={busy} onClick={submit} />
          <DefaultButton text={s.cancel} disabled={busy} onClick={onCancel} />
        </Stack>
      </Stack>
    </section>
  );
}
