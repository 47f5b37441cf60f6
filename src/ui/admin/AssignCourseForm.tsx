import * as React from 'react';
import { ChoiceGroup, DatePicker, DefaultButton, MessageBar, MessageBarType, PrimaryButton, Stack, mergeStyleSets } from '@fluentui/react';
import type { CourseSummary, DirectoryGroup, DirectoryPerson, ITrainingAdminApi } from '../../client/trainingAdminApi';
import { assignmentBodySchema } from '../../domain/api';
import { groupAssignmentBodySchema } from '../../domain/trainingAdmin';
import { errorText } from '../common/errorText';
import { useAdminStrings } from './adminStringsContext';
import { datePickerStrings } from './datePickerStrings';
import { GroupPicker, groupName } from './GroupPicker';
import { PeoplePicker } from './PeoplePicker';

export interface AssignCourseFormProps {
  api: ITrainingAdminApi;
  course: CourseSummary;
  onClose: () => void;
  locale?: string;
  /** The pickers' wait after the last keystroke (tests shorten it). */
  searchDebounceMs?: number;
}

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

const classes = mergeStyleSets({ title: { margin: '16px 0 8px', fontSize: 18, fontWeight: 600, outline: 'none' }, hint: { margin: 0 } });

type Target = 'people' | 'group';

/** The end of the chosen day (17:00 UTC), as the service takes due dates. */
const dueAtOf = (day: Date): string => new Date(Date.UTC(day.getFullYear(), day.getMonth(), day.getDate(), 17, 0, 0)).toISOString();

/**
 * Assign a course with a due date to chosen people (`POST /api/courses/{id}/assignments`) or to the members of an
 * Entra ID group (`POST /api/courses/{id}/group-assignments`, whose answer says how many were assigned and skipped).
 */
export function AssignCourseForm({ api, course, onClose, locale, searchDebounceMs }: AssignCourseFormProps): React.ReactElement {
  const s = useAdminStrings();
  const calendar = React.useMemo(() => datePickerStrings(s.datePicker, locale), [s.datePicker, locale]);
  const [target, setTarget] = React.useState<Target>('people');
  const [people, setPeople] = React.useState<DirectoryPerson[]>([]);
  const [groups, setGroups] = React.useState<DirectoryGroup[]>([]);
  const [due, setDue] = React.useState<Date | null>(null);
  const [problem, setProblem] = React.useState<string | null>(null);
  const [done, setDone] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => headingRef.current?.focus(), []);

  const failed = (error: unknown): void => {
    setBusy(false);
    setProblem(errorText(error, s.saveFailed));
  };
  const submit = (): void => {
    setDone(null);
    if (target === 'people' && people.length === 0) return setProblem(s.assignNoOne);
    if (target === 'group' && groups.length === 0) return setProblem(s.assignNoGroup);
    if (!due) return setProblem(s.assignNoDue);
    const dueText = due.toLocaleDateString(locale, { dateStyle: 'medium' });
    if (target === 'people') {
      const parsed = assignmentBodySchema.safeParse({ learnerIds: people.map((p) => p.id), dueAt: dueAtOf(due) });
      if (!parsed.success) return setProblem(parsed.error.issues[0].message);
      setProblem(null);
      setBusy(true);
      api.assignCourse(course.id, parsed.data.learnerIds, parsed.data.dueAt).then((enrolments) => {
        setBusy(false);
        setDone(s.assignDone(enrolments.length, dueText));
        setPeople([]);
      }, failed);
      return undefined;
    }
    const group = groups[0];
    const parsed = groupAssignmentBodySchema.safeParse({ groupId: group.id, dueAt: dueAtOf(due) });
    if (!parsed.success) return setProblem(parsed.error.issues[0].message);
    setProblem(null);
    setBusy(true);
    api.assignCourseToGroup(course.id, parsed.data.groupId, parsed.data.dueAt).then((result) => {
      setBusy(false);
      setDone(s.assignGroupDone(groupName(group, s), result.assigned, result.skipped, dueText));
      setGroups([]);
    }, failed);
    return undefined;
  };

  return (
    <section aria-labelledby="assign-title">
      <h3 id="assign-title" className={classes.title} ref={headingRef} tabIndex={-1}>
        {s.assignTitle(course.title)}
      </h3>
      <Stack tokens={{ childrenGap: 8 }}>
        <ChoiceGroup
          label={s.assignTo}
          selectedKey={target}
          options={[
            { key: 'people', text: s.assignToPeople },
            { key: 'group', text: s.assignToGroup },
          ]}
          onChange={(_e, option) => {
            if (!option) return;
            setTarget(option.key as Target);
            setProblem(null);
          }}
        />
        {target === 'people' ? (
          <PeoplePicker api={api} selected={people} onChange={setPeople} disabled={busy} debounceMs={searchDebounceMs} />
        ) : (
          <>
            <GroupPicker api={api} single={true} selected={groups} onChange={setGroups} disabled={busy} debounceMs={searchDebounceMs} />
            <p className={classes.hint}>{s.assignGroupHint}</p>
          </>
        )}
        <DatePicker
          label={s.assignDue}
          isRequired={true}
          allowTextInput={true}
          placeholder={s.datePicker.placeholder}
          strings={calendar}
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
          <PrimaryButton text={s.assignSubmit} disabled={busy} allowDisabledFocus={true} onClick={submit} />
          <DefaultButton text={s.close} onClick={onClose} />
        </Stack>
      </Stack>
    </section>
  );
}
