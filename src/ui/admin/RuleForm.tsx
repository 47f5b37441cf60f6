import * as React from 'react';
import { DefaultButton, Dropdown, MessageBar, MessageBarType, PrimaryButton, Stack, TextField, mergeStyleSets } from '@fluentui/react';
import type { AssignmentRule, CourseSummary, ITrainingAdminApi, RuleApplication } from '../../client/trainingAdminApi';
import { errorText } from '../common/errorText';
import { useAdminStrings } from './adminStringsContext';
import { CRITERIA, draftFromRule, emptyRuleDraft, parseRuleDraft, type CriterionKey, type RuleDraft } from './ruleDraft';
import { RulePreviewPanel } from './RulePreviewPanel';
import { useRulePreview } from './useRulePreview';

export interface RuleFormProps {
  api: ITrainingAdminApi;
  catalogId: string;
  /** The catalog's courses: published ones can be chosen (and the edited rule's own course, whatever its state). */
  courses: CourseSummary[];
  /** The rule to edit; null for a new one. */
  rule: AssignmentRule | null;
  onSaved: (rule: AssignmentRule, applied: RuleApplication) => void;
  onCancel: () => void;
  /** How long typing pauses before the preview is asked for (tests shorten it). */
  previewDelayMs?: number;
}

const classes = mergeStyleSets({
  title: { margin: '16px 0 8px', fontSize: 18, fontWeight: 600, outline: 'none' },
  row: { display: 'flex', flexWrap: 'wrap', gap: 12 },
});

/** A new rule, or an existing one to change: checked as the service checks it, with who it assigns shown before saving. */
export function RuleForm({ api, catalogId, courses, rule, onSaved, onCancel, previewDelayMs }: RuleFormProps): React.ReactElement {
  const s = useAdminStrings();
  const choices = courses.filter((c) => c.status === 'published' || (rule !== null && c.id === rule.courseId));
  const [draft, setDraft] = React.useState<RuleDraft>(() => (rule ? draftFromRule(rule) : emptyRuleDraft(choices[0]?.id ?? null)));
  const [problems, setProblems] = React.useState<string[]>([]);
  const [busy, setBusy] = React.useState(false);
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => headingRef.current?.focus(), []);

  const parsed = parseRuleDraft(draft, s);
  const preview = useRulePreview(api, catalogId, parsed.ok ? parsed.body : null, previewDelayMs);
  const change = (part: Partial<RuleDraft>): void => setDraft((d) => ({ ...d, ...part }));
  const changeCriterion = (key: CriterionKey, text: string): void => setDraft((d) => ({ ...d, values: { ...d.values, [key]: text } }));

  const submit = (): void => {
    if (!parsed.ok) return setProblems(parsed.problems);
    setProblems([]);
    setBusy(true);
    const saving = rule ? api.updateRule(rule.id, parsed.body) : api.createRule(catalogId, parsed.body);
    saving.then(
      (saved) => onSaved(saved.rule, saved.applied),
      (error: unknown) => {
        setBusy(false);
        setProblems([errorText(error, s.saveFailed)]);
      },
    );
  };

  const title = rule ? s.editRule(rule.name) : s.newRule;
  return (
    <section aria-labelledby="rule-form-title">
      <h3 id="rule-form-title" ref={headingRef} tabIndex={-1} className={classes.title}>
        {title}
      </h3>
      {choices.length === 0 ? (
        <Stack tokens={{ childrenGap: 8 }}>
          <MessageBar messageBarType={MessageBarType.warning}>{s.publishFirst}</MessageBar>
          <div>
            <DefaultButton text={s.cancel} onClick={onCancel} />
          </div>
        </Stack>
      ) : (
        <Stack tokens={{ childrenGap: 8 }}>
          <TextField label={s.ruleName} required={true} value={draft.name} onChange={(_e, v) => change({ name: v ?? '' })} />
          <div className={classes.row}>
            <Dropdown
              label={s.ruleCourse}
              required={true}
              selectedKey={draft.courseId}
              options={choices.map((c) => ({ key: c.id, text: c.title }))}
              onChange={(_e, option) => option && change({ courseId: String(option.key) })}
              styles={{ root: { minWidth: 280 } }}
            />
            <TextField
              label={s.ruleDueDays}
              required={true}
              type="number"
              min={1}
              max={3650}
              value={draft.days}
              onChange={(_e, v) => change({ days: v ?? '' })}
              styles={{ root: { width: 160 } }}
            />
          </div>
          <p>{s.criteriaHint}</p>
          <div className={classes.row}>
            {CRITERIA.map((key) => (
              <TextField key={key} label={s.criteria[key]} value={draft.values[key]} onChange={(_e, v) => changeCriterion(key, v ?? '')} styles={{ root: { width: 200 } }} />
            ))}
          </div>
          <RulePreviewPanel state={preview.state} onPreviewAgain={preview.previewAgain} />
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
