import * as React from 'react';
import { DefaultButton, Dropdown, IconButton, MessageBar, MessageBarType, PrimaryButton, Stack, TextField, Toggle, getId, mergeStyleSets, useTheme } from '@fluentui/react';
import type { CourseSummary, ITrainingAdminApi, PlanView } from '../../client/trainingAdminApi';
import { planBodySchema } from '../../domain/api';
import { EmptyState } from '../common/EmptyState';
import { errorText } from '../common/errorText';
import { LoadFailure } from '../common/LoadFailure';
import { LoadingShimmer } from '../common/LoadingShimmer';
import { useFocusAfterRender } from '../common/useFocusAfterRender';
import { useLoad } from '../common/useLoad';
import { Outcome, succeeded } from '../common/Outcome';
import { useAdminStrings } from './adminStringsContext';

export interface PlansTabProps {
  api: ITrainingAdminApi;
  catalogId: string;
}

/** Training plans: courses taken in sequence, created and edited here. */
export function PlansTab({ api, catalogId }: PlansTabProps): React.ReactElement {
  const s = useAdminStrings();
  const theme = useTheme();
  const { load, reload } = useLoad(async () => {
    const [plans, courses] = await Promise.all([api.listPlans(catalogId), api.listCourses(catalogId)]);
    return { plans, courses };
  }, [api, catalogId]);
  // null: the list; 'new': a new plan; a plan: editing it.
  const [editing, setEditing] = React.useState<PlanView | 'new' | null>(null);
  const [saved, setSaved] = React.useState<string | null>(null);
  /** Where the focus goes back to when the form closes (it would otherwise fall to the page). */
  const [idPrefix] = React.useState(() => getId('plans'));
  const ids = {
    saved: `${idPrefix}-saved`,
    newPlan: `${idPrefix}-new`,
    edit: (planId: string): string => `${idPrefix}-edit-${planId}`,
  };
  const focusAfterRender = useFocusAfterRender();
  const classes = mergeStyleSets({
    list: { listStyle: 'none', margin: '8px 0', padding: 0 },
    item: { padding: '8px 0', borderBottom: `1px solid ${theme.palette.neutralLight}` },
    head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 },
    who: { flexGrow: 1, minWidth: 220 },
    name: { margin: 0, fontSize: 15, fontWeight: 600 },
    facts: { margin: 0, color: theme.palette.neutralSecondary, fontSize: 12 },
  });
  const open = (target: PlanView | 'new'): void => {
    setSaved(null);
    setEditing(target);
  };

  let body: React.ReactNode;
  if (load.status === 'loading') body = <LoadingShimmer label={s.plansLoading} />;
  else if (load.status === 'failed') body = <LoadFailure error={load.error} onRetry={reload} strings={s.common} />;
  else {
    const { courses } = load.value;
    const { plans } = load.value;
    const titleOf = (id: string): string => courses.filter((c) => c.id === id)[0]?.title ?? id;
    if (editing) {
      const plan = editing === 'new' ? undefined : editing;
      body = (
        <PlanForm
          api={api}
          catalogId={catalogId}
          courses={courses}
          plan={plan}
          onSaved={(answer) => {
            focusAfterRender(ids.saved);
            setSaved(plan ? s.planSaved(answer.title) : s.planCreated(answer.title));
            setEditing(null);
            reload();
          }}
          onCancel={() => {
            focusAfterRender(plan ? ids.edit(plan.id) : ids.newPlan);
            setEditing(null);
          }}
        />
      );
    } else {
      body = (
        <>
          <PrimaryButton
            id={ids.newPlan}
            iconProps={{ iconName: 'Add' }}
            text={s.newPlan}
            onClick={() => open('new')}
            disabled={courses.length === 0}
            styles={{ root: { margin: '8px 0' } }}
          />
          {plans.length === 0 ? (
            <EmptyState title={s.noPlans} hint={s.noPlansHint} />
          ) : (
            <ul className={classes.list} aria-label={s.tabs.plans}>
              {plans.map((plan: PlanView) => (
                <li key={plan.id} className={classes.item}>
                  <div className={classes.head}>
                    <div className={classes.who}>
                      <h4 className={classes.name}>{plan.title}</h4>
                      <p className={classes.facts}>{[plan.status === 'published' ? s.statusPublished : s.statusDraft, s.planCourseCount(plan.courseIds.length)].join(' · ')}</p>
                    </div>
                    <DefaultButton id={ids.edit(plan.id)} text={s.edit} ariaLabel={s.editPlan(plan.title)} onClick={() => open(plan)} />
                  </div>
                  <ol>
                    {plan.courseIds.map((id) => (
                      <li key={id}>{titleOf(id)}</li>
                    ))}
                  </ol>
                </li>
              ))}
            </ul>
          )}
        </>
      );
    }
  }
  return (
    <div>
      {/* Above the loading and the form, so the live region is there before the message comes. */}
      <Outcome message={succeeded(saved)} id={ids.saved} />
      {body}
    </div>
  );
}

interface PlanFormProps {
  api: ITrainingAdminApi;
  catalogId: string;
  courses: CourseSummary[];
  /** The plan to edit; without it, the form creates a new one. */
  plan?: PlanView;
  onSaved: (plan: PlanView) => void;
  onCancel: () => void;
}

function PlanForm({ api, catalogId, courses, plan, onSaved, onCancel }: PlanFormProps): React.ReactElement {
  const s = useAdminStrings();
  const theme = useTheme();
  const classes = mergeStyleSets({
    courses: { maxWidth: 640, paddingLeft: 24, margin: '4px 0' },
    course: { borderBottom: `1px solid ${theme.palette.neutralLight}` },
    courseRow: { display: 'flex', alignItems: 'center', gap: 4 },
    courseTitle: { flexGrow: 1 },
  });
  const [title, setTitle] = React.useState(plan?.title ?? '');
  const [summary, setSummary] = React.useState(plan?.summary ?? '');
  const [courseIds, setCourseIds] = React.useState<string[]>(plan?.courseIds ?? []);
  const [published, setPublished] = React.useState(plan?.status === 'published');
  const [problem, setProblem] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => headingRef.current?.focus(), []);
  const titleOf = (id: string): string => courses.filter((c) => c.id === id)[0]?.title ?? id;
  /** Ids of the controls the focus moves to when the one pressed goes away or moves. */
  const [idPrefix] = React.useState(() => getId('plan-form'));
  const moveId = (courseId: string, direction: 'up' | 'down'): string => `${idPrefix}-${courseId}-${direction}`;
  const addCourseId = `${idPrefix}-add-course`;
  const focusAfterRender = useFocusAfterRender();
  const move = (index: number, by: number): void => {
    const to = index + by;
    // The focus stays on the button pressed, or on the other one once the course is first or last.
    const stillMovable = by < 0 ? to > 0 : to < courseIds.length - 1;
    const [direction, opposite] = by < 0 ? (['up', 'down'] as const) : (['down', 'up'] as const);
    focusAfterRender(moveId(courseIds[index], stillMovable ? direction : opposite));
    setCourseIds((ids) => {
      const next = [...ids];
      const [moved] = next.splice(index, 1);
      next.splice(to, 0, moved);
      return next;
    });
  };
  const removeCourse = (courseId: string): void => {
    focusAfterRender(addCourseId);
    setCourseIds((ids) => ids.filter((x) => x !== courseId));
  };
  const submit = (): void => {
    if (!title.trim()) return setProblem(`${s.planTitle}: ${s.problemNotEmpty}`);
    if (courseIds.length === 0) return setProblem(s.planNoCourse);
    const parsed = planBodySchema.safeParse({ title, summary, courseIds, status: published ? 'published' : 'draft' });
    if (!parsed.success) return setProblem(parsed.error.issues[0].message);
    setProblem(null);
    setBusy(true);
    const saving = plan ? api.updatePlan(plan.id, parsed.data) : api.createPlan(catalogId, parsed.data);
    saving.then(onSaved, (error: unknown) => {
      setBusy(false);
      setProblem(errorText(error, s.saveFailed));
    });
  };
  return (
    <section aria-labelledby="plan-form-title">
      <h3 id="plan-form-title" ref={headingRef} tabIndex={-1} style={{ margin: '16px 0 8px', fontSize: 18, fontWeight: 600, outline: 'none' }}>
        {plan ? s.planEditTitle(plan.title) : s.newPlan}
      </h3>
      <Stack tokens={{ childrenGap: 8 }}>
        <TextField label={s.planTitle} required={true} value={title} onChange={(_e, v) => setTitle(v ?? '')} />
        <TextField label={s.planSummary} multiline={true} value={summary} onChange={(_e, v) => setSummary(v ?? '')} />
        <Dropdown
          id={addCourseId}
          label={s.planAddCourse}
          selectedKey={null}
          placeholder={s.planAddCourse}
          options={courses.filter((c) => courseIds.indexOf(c.id) < 0).map((c) => ({ key: c.id, text: c.title }))}
          onChange={(_e, option) => option && setCourseIds((ids) => [...ids, String(option.key)])}
          styles={{ root: { maxWidth: 420 } }}
        />
        <div>
          <strong id="plan-courses">{s.planCourses}</strong>
          <ol aria-labelledby="plan-courses" className={classes.courses}>
            {courseIds.map((id, index) => (
              <li key={id} className={classes.course}>
                <div className={classes.courseRow}>
                <span className={classes.courseTitle}>{titleOf(id)}</span>
                <IconButton id={moveId(id, 'up')} iconProps={{ iconName: 'Up' }} title={s.moveUp(titleOf(id))} ariaLabel={s.moveUp(titleOf(id))} disabled={index === 0} onClick={() => move(index, -1)} />
                <IconButton id={moveId(id, 'down')} iconProps={{ iconName: 'Down' }} title={s.moveDown(titleOf(id))} ariaLabel={s.moveDown(titleOf(id))} disabled={index === courseIds.length - 1} onClick={() => move(index, 1)} />
                <IconButton iconProps={{ iconName: 'Delete' }} title={s.remove(titleOf(id))} ariaLabel={s.remove(titleOf(id))} onClick={() => removeCourse(id)} />
                </div>
              </li>
            ))}
          </ol>
        </div>
        <Toggle label={s.planPublished} inlineLabel={true} checked={published} onChange={(_e, checked) => setPublished(!!checked)} />
        {problem && <MessageBar messageBarType={MessageBarType.error}>{problem}</MessageBar>}
        <Stack horizontal={true} tokens={{ childrenGap: 8 }}>
          <PrimaryButton text={plan ? s.savePlan : s.createPlan} disabled={busy} onClick={submit} />
          <DefaultButton text={s.cancel} disabled={busy} onClick={onCancel} />
        </Stack>
      </Stack>
    </section>
  );
}
