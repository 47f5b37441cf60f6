import * as React from 'react';
import { Checkbox, ChoiceGroup, getId, MessageBar, MessageBarType, mergeStyleSets, PrimaryButton, useTheme } from '@fluentui/react';
import type { QuizForLearner } from '../../domain/course';
import type { QuizAnswers } from '../../domain/quiz';
import type { PlayerStrings } from './playerStrings';

export interface QuizOutcome {
  scorePercent: number;
  passed: boolean;
  correctCount: number;
  questionCount: number;
}

export interface QuizFormProps {
  quiz: QuizForLearner;
  /** Sends the attempt; rejects with the service's error (e.g. 409 while lessons remain). */
  onSubmit: (answers: QuizAnswers) => Promise<QuizOutcome>;
  /** Turns a refused attempt into words. */
  describeError: (error: unknown) => string;
  strings: PlayerStrings;
}

type Answer = number | number[] | boolean | undefined;

/** One attempt at a quiz: radio groups, checkboxes or true/false; the score against the pass mark; another try after a fail. */
export function QuizForm({ quiz, onSubmit, describeError, strings }: QuizFormProps): React.ReactElement {
  const theme = useTheme();
  const [formId] = React.useState(() => getId('atrium-quiz-'));
  const [answers, setAnswers] = React.useState<Answer[]>(() => quiz.questions.map(() => undefined));
  const [missing, setMissing] = React.useState<number[]>([]);
  const [busy, setBusy] = React.useState(false);
  const [outcome, setOutcome] = React.useState<QuizOutcome | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [attempt, setAttempt] = React.useState(0);
  const formRef = React.useRef<HTMLFormElement>(null);
  const outcomeRef = React.useRef<HTMLDivElement>(null);
  // The submit button goes once the outcome shows: keyboard focus moves to the outcome instead of being lost.
  React.useEffect(() => {
    if (outcome && outcomeRef.current) outcomeRef.current.focus();
  }, [outcome]);
  const classes = mergeStyleSets({
    question: { border: 'none', margin: '0 0 16px', padding: 0 },
    legend: { padding: 0, marginBottom: 6, fontWeight: 600 },
    option: { margin: '6px 0' },
    problem: { margin: '4px 0 0', color: theme.semanticColors.errorText, fontSize: 12 },
    actions: { display: 'flex', gap: 8, marginTop: 8 },
  });

  const setAnswer = (index: number, answer: Answer): void => {
    setAnswers((current) => current.map((a, i) => (i === index ? answer : a)));
    setMissing((current) => current.filter((i) => i !== index));
  };

  const focusQuestion = (index: number): void => {
    const input = formRef.current?.querySelector<HTMLInputElement>(`[data-question="${index}"] input`);
    input?.focus();
  };

  const submit = (event: React.FormEvent): void => {
    event.preventDefault();
    const unanswered = answers.map((a, i) => (a === undefined || (Array.isArray(a) && a.length === 0) ? i : -1)).filter((i) => i >= 0);
    setMissing(unanswered);
    if (unanswered.length > 0) {
      focusQuestion(unanswered[0]);
      return;
    }
    setBusy(true);
    setError(null);
    onSubmit(answers as QuizAnswers).then(
      (result) => {
        setBusy(false);
        setOutcome(result);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(describeError(failure));
      },
    );
  };

  const retry = (): void => {
    setOutcome(null);
    setAnswers(quiz.questions.map(() => undefined));
    setAttempt((n) => n + 1);
    setTimeout(() => focusQuestion(0), 0);
  };

  const outcomeText = outcome
    ? (outcome.passed ? strings.quizPassed : strings.quizFailed)(outcome.scorePercent, quiz.passMarkPercent, outcome.correctCount, outcome.questionCount)
    : null;

  return (
    <form ref={formRef} id={formId} onSubmit={submit} noValidate={true} key={attempt}>
      {quiz.questions.map((question, index) => {
        const label = strings.question(index + 1, question.prompt);
        const problemId = `${formId}-q${index}-problem`;
        const problem = missing.indexOf(index) >= 0 ? strings.chooseAnswer(index + 1) : null;
        const disabled = busy || outcome !== null;
        const answer = answers[index];
        let control: React.ReactNode;
        if (question.kind === 'multiple-answer') {
          const chosen = Array.isArray(answer) ? answer : [];
          control = (question.options ?? []).map((option, optionIndex) => (
            <Checkbox
              key={optionIndex}
              className={classes.option}
              label={option}
              checked={chosen.indexOf(optionIndex) >= 0}
              disabled={disabled}
              onChange={(_event, checked) =>
                setAnswer(index, checked ? [...chosen, optionIndex].sort((a, b) => a - b) : chosen.filter((i) => i !== optionIndex))
              }
            />
          ));
        } else {
          const options =
            question.kind === 'true-false'
              ? [
                  { key: 'true', text: strings.true },
                  { key: 'false', text: strings.false },
                ]
              : (question.options ?? []).map((option, optionIndex) => ({ key: String(optionIndex), text: option }));
          const selectedKey = answer === undefined || Array.isArray(answer) ? null : String(answer);
          control = (
            <ChoiceGroup
              ariaLabelledBy={`${formId}-q${index}`}
              aria-describedby={problem ? problemId : undefined}
              options={options}
              selectedKey={selectedKey}
              disabled={disabled}
              onChange={(_event, option) => {
                if (!option) return;
                setAnswer(index, question.kind === 'true-false' ? option.key === 'true' : Number(option.key));
              }}
            />
          );
        }
        return (
          <fieldset key={index} className={classes.question} data-question={index} aria-describedby={problem ? problemId : undefined}>
            <legend id={`${formId}-q${index}`} className={classes.legend}>
              {label}
            </legend>
            {control}
            {problem && (
              <p id={problemId} className={classes.problem} role="alert">
                {problem}
              </p>
            )}
          </fieldset>
        );
      })}
      <div role="status" ref={outcomeRef} tabIndex={-1} style={{ outline: 'none' }}>
        {outcomeText && (
          <MessageBar messageBarType={outcome?.passed ? MessageBarType.success : MessageBarType.warning} isMultiline={true}>
            {outcomeText}
          </MessageBar>
        )}
      </div>
      {error && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline={true}>
          {strings.actionFailed(error)}
        </MessageBar>
      )}
      <div className={classes.actions}>
        {outcome === null && <PrimaryButton type="submit" text={busy ? strings.submittingQuiz : strings.submitQuiz} disabled={busy} />}
        {outcome !== null && !outcome.passed && <PrimaryButton text={strings.tryAgain} onClick={retry} />}
      </div>
    </form>
  );
}
