import * as React from 'react';
import { DatePicker, DefaultButton, MessageBar, MessageBarType, PrimaryButton, Stack, TextField, mergeStyleSets } from '@fluentui/react';
import type { CatalogLearner, CourseSummary, ITrainingAdminApi } from '../../client/trainingAdminApi';
import { errorText } from '../common/errorText';
import { adminStrings as s } from './adminStrings';
import { PeoplePicker } from './PeoplePicker';

export interface AssignCourseFormProps {
  api: ITrainingAdminApi;
  catalogId: string;
  course: CourseSummary;
  onClose: () => void;
  locale?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Dates typed and shown as 2026-12-31: one form whatever the locale, and easy to type. */
export function isoDay(date?: Date): string {
  if (!date) return '';
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function parseIsoDay(text: string): Date | null {
  const match = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(text);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return date.getMonth() === Number(match[2]) - 1 ? date : null;
}

const classes = mergeStyleSets({ title: { margin: '16px 0 8px', fontSize: 18, fontWeight: 600, outline: 'none' }, chosen: { margin: '4px 0' } });

/** Assign a course to chosen people with a due date (`POST /api/courses/{id}/assignments`). */
export function AssignCourseForm({ api, catalogId, course, onClose, locale }: AssignCourseFormProps): React.ReactElement {
  const [people, setPeople] = React.useState<CatalogLearner[]>([]);
  const [ids, setIds] = React.useState('');
  const [due, setDue] = React.useState<Date | null>(null);
  const [problem, setProblem] = React.useState<string | null>(null);
  const [done, setDone] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => headingRef.current?.focus(), []);

  const submit = (): void => {
    const typed = ids.split(/[\s,;]+/).map((v) => v.trim()).filter((v) => v !== '');
    const bad = typed.filter((v) => !GUID.test(v));
    const learnerIds = Array.from(new Set([...people.map((p) => p.id), ...typed.filter((v) => GUID.test(v))]));
    if (bad.length > 0) return setProblem(`${s.groupIdInvalid} (${bad.join(', ')})`);
    if (learnerIds.length === 0) return setProblem(s.assignNoOne);
    if (!due) return setProblem(s.assignNoDue);
    setProblem(null);
    setBusy(true);
    const dueAt = new Date(Date.UTC(due.getFullYear(), due.getMonth(), due.getDate(), 17, 0, 0)).toISOString();
    api.assignCourse(course.id, learnerIds, dueAt).then(
      (enrolments) => {
        setBusy(false);
        setDone(s.assignDone(enrolments.length, due.toLocaleDateString(locale, { dateStyle: 'medium' })));
        setPeople([]);
        setIds('');
      },
      (error: unknown) => {
        setBusy(false);
        setProblem(errorText(error, s.saveFailed));
      },
    );
  };

  return (
    <section aria-labelledby="assign-title">
      <h3 id="assign-title" className={classes.title} ref={headingRef} tabIndex={-1}>
        {s.assignTitle(course.title)}
      </h3>
      <Stack tokens={{ childrenGap: 8 }}>
        <p>{s.assignSearchHint}</p>
        <PeoplePicker api={api} catalogId={catalogId} actionLabel={s.addPerson} onPick={(person) => setPeople((list) => (list.some((p) => p.id === person.id) ? list : [...list, person]))} />
        {people.length > 0 && (
          <div>
            <strong>{s.chosen}</strong>
            <ul className={classes.chosen}>
              {people.map((p) => (
                <li key={p.id}>{p.displayName ?? p.id}</li>
              ))}
            </ul>
          </div>
        )}
        <TextField label={s.assignIds} multiline={true} rows={3} value={ids} onChange={(_e, v) => setIds(v ?? '')} />
        <DatePicker
          label={s.assignDue}
          isRequired={true}
          allowTextInput={true}
          placeholder="YYYY-MM-DD"
          formatDate={isoDay}
          parseDateFromString={parseIsoDay}
          value={due ?? undefined}
          minDate={new Date()}
          onSelectDate={(date) => setDue(date ?? null)}
          styles={{ root: { maxWidth: 240 } }}
        />
        {problem && <MessageBar messageBarType={MessageBarType.error}>{problem}</MessageBar>}
        <div role="status">{done && <MessageBar messageBarType={MessageBarType.success}>{done}</MessageBar>}</div>
        <Stack horizontal={true} tokens={{ childrenGap: 8 }}>
          <PrimaryButton text={s.assignSubmit} disabled={busy} onClick={submit} />
          <DefaultButton text={s.close} onClick={onClose} />
        </Stack>
      </Stack>
    </section>
  );
}
