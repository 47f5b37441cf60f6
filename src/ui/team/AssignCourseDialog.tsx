import * as React from 'react';
import { Dropdown, MessageBar, MessageBarType, TextField } from '@fluentui/react';
import type { CourseSummary } from '../../domain/course';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { dueAtFromDay } from './assignableCourses';
import type { TeamStrings } from './teamStrings';

export interface AssignCourseDialogProps {
  personName: string;
  courses: readonly CourseSummary[];
  busy: boolean;
  error: string | null;
  /** Today as YYYY-MM-DD in the person's time zone: the due date must come after it. */
  today: string;
  onAssign: (courseId: string, dueAt: string) => void;
  onCancel: () => void;
  strings: TeamStrings;
}

/** Picks a course and a due date for one direct report. */
export function AssignCourseDialog({ personName, courses, busy, error, today, onAssign, onCancel, strings }: AssignCourseDialogProps): React.ReactElement {
  const [courseId, setCourseId] = React.useState<string | null>(null);
  const [day, setDay] = React.useState('');
  const [tried, setTried] = React.useState(false);
  const dueAt = day > today ? dueAtFromDay(day) : null;
  const dueProblem = tried && !dueAt ? strings.assignDueProblem : undefined;
  const confirm = (): void => {
    setTried(true);
    if (courseId && dueAt) onAssign(courseId, dueAt);
  };
  return (
    <ConfirmDialog
      title={strings.assignTitle(personName)}
      text={strings.assignText}
      confirm={strings.assignConfirm}
      cancel={strings.cancel}
      busy={busy}
      confirmDisabled={!courseId}
      onConfirm={confirm}
      onCancel={onCancel}
    >
      <Dropdown
        label={strings.assignCourse}
        placeholder={strings.chooseCourse}
        required={true}
        selectedKey={courseId}
        options={courses.map((c) => ({ key: c.id, text: c.title }))}
        onChange={(_event, option) => option && setCourseId(String(option.key))}
      />
      <TextField
        label={strings.assignDue}
        type="date"
        required={true}
        min={today}
        value={day}
        onChange={(_event, value) => setDay(value ?? '')}
        errorMessage={dueProblem}
      />
      {error && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline={true}>
          {strings.assignFailed(error)}
        </MessageBar>
      )}
    </ConfirmDialog>
  );
}
