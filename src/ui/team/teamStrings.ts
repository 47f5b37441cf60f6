import type { TrainingState } from '../../domain/myTraining';
import { englishCommonStrings, type CommonStrings } from '../common/commonStrings';

/** Every text the line manager's team view shows; hosts pass a translation, English is the default. */
export interface TeamStrings {
  common: CommonStrings;
  title: string;
  intro: string;
  loading: string;
  emptyTitle: string;
  emptyHint: string;
  noCoursesToAssign: string;
  counts: (assigned: number, overdue: number, completed: number) => string;
  tableCaption: (name: string) => string;
  columns: { course: string; state: string; due: string; progress: string };
  states: Record<TrainingState, string>;
  noDueDate: string;
  percent: (value: number) => string;
  noTraining: string;
  unnamed: string;
  openCourse: (title: string) => string;
  assign: (name: string) => string;
  assignTitle: (name: string) => string;
  assignText: string;
  assignCourse: string;
  chooseCourse: string;
  assignDue: string;
  assignDueProblem: string;
  assignConfirm: string;
  cancel: string;
  assigned: (course: string, name: string, due: string) => string;
  assignFailed: (reason: string) => string;
  loadingCourses: string;
}

export const englishTeamStrings: TeamStrings = {
  common: englishCommonStrings,
  title: 'My team',
  intro: 'The training of the people who report to you, most urgent first.',
  loading: "Loading your team's training…",
  emptyTitle: 'No one reports to you in Atrium',
  emptyHint:
    'This view lists your direct reports as your organisation\'s directory (Microsoft Entra ID) records them. If someone is missing, ask your administrator to set you as their manager.',
  noCoursesToAssign: 'There is no published course to assign yet. Once a catalog you can see has one, you can assign it to someone on your team with a due date.',
  counts: (assigned, overdue, completed) => `${assigned} assigned · ${overdue} overdue · ${completed} completed`,
  tableCaption: (name) => `Training of ${name}`,
  columns: { course: 'Course', state: 'Status', due: 'Due', progress: 'Progress' },
  states: { overdue: 'Overdue', 'due-soon': 'Due soon', 'in-progress': 'In progress', 'not-started': 'Not started', completed: 'Completed' },
  noDueDate: '—',
  percent: (value) => `${value}%`,
  noTraining: 'No training yet.',
  unnamed: 'Unnamed person',
  openCourse: (title) => `Open ${title}`,
  assign: (name) => `Assign a course to ${name}`,
  assignTitle: (name) => `Assign a course to ${name}`,
  assignText: 'They see it in My training with its due date, and reminders follow.',
  assignCourse: 'Course',
  chooseCourse: 'Choose a course',
  assignDue: 'Due date',
  assignDueProblem: 'Choose a date after today.',
  assignConfirm: 'Assign',
  cancel: 'Cancel',
  assigned: (course, name, due) => `${course} is assigned to ${name}, due ${due}.`,
  assignFailed: (reason) => `The course could not be assigned: ${reason}`,
  loadingCourses: 'Loading the courses you can assign…',
};
