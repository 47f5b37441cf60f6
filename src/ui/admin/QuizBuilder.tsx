import * as React from 'react';
import { Checkbox, ChoiceGroup, DefaultButton, Dropdown, IconButton, Stack, TextField, mergeStyleSets, useTheme } from '@fluentui/react';
import { useFocusAfterRender } from '../common/useFocusAfterRender';
import { useAdminStrings } from './adminStringsContext';
import { emptyQuestion, type CourseDraft, type QuestionDraft, type QuestionKind } from './courseDraft';

type QuizDraft = NonNullable<CourseDraft['quiz']>;

export interface QuizBuilderProps {
  quiz: QuizDraft;
  onChange: (quiz: QuizDraft) => void;
  /** Unique on the page: the ids of the builder's controls start with it (the editor moves the focus to them). */
  idPrefix: string;
}

/** The id of the pass mark field, where the focus goes when a quiz is added. */
export const passMarkId = (idPrefix: string): string => `${idPrefix}-pass-mark`;

const KINDS: QuestionKind[] = ['multiple-choice', 'multiple-answer', 'true-false'];

/** Questions of three kinds (one answer, several answers, true/false), their correct answers, and the pass mark. */
export function QuizBuilder({ quiz, onChange, idPrefix }: QuizBuilderProps): React.ReactElement {
  const s = useAdminStrings();
  const theme = useTheme();
  const classes = mergeStyleSets({
    question: { border: `1px solid ${theme.palette.neutralLight}`, borderRadius: 4, padding: 12, margin: '8px 0' },
    legend: { fontWeight: 600, padding: '0 4px' },
    option: { display: 'flex', alignItems: 'flex-end', gap: 8 },
    grow: { flexGrow: 1 },
  });
  const ids = {
    kind: (key: number): string => `${idPrefix}-question-${key}-kind`,
    option: (key: number, o: number): string => `${idPrefix}-question-${key}-option-${o}`,
    addOption: (key: number): string => `${idPrefix}-question-${key}-add-option`,
    move: (key: number, direction: 'up' | 'down'): string => `${idPrefix}-question-${key}-${direction}`,
    addQuestion: `${idPrefix}-add-question`,
  };
  const focusAfterRender = useFocusAfterRender();
  const setQuestion = (index: number, question: QuestionDraft): void => onChange({ ...quiz, questions: quiz.questions.map((q, i) => (i === index ? question : q)) });
  const move = (index: number, by: number): void => {
    const questions = [...quiz.questions];
    const [moved] = questions.splice(index, 1);
    const to = index + by;
    questions.splice(to, 0, moved);
    // The focus stays on the button pressed, or on the other one once the question is first or last.
    const stillMovable = by < 0 ? to > 0 : to < questions.length - 1;
    const [direction, opposite] = by < 0 ? (['up', 'down'] as const) : (['down', 'up'] as const);
    focusAfterRender(ids.move(moved.key, stillMovable ? direction : opposite));
    onChange({ ...quiz, questions });
  };
  const addQuestion = (): void => {
    const question = emptyQuestion();
    focusAfterRender(ids.kind(question.key));
    onChange({ ...quiz, questions: [...quiz.questions, question] });
  };
  const removeQuestion = (index: number): void => {
    focusAfterRender(ids.addQuestion);
    onChange({ ...quiz, questions: quiz.questions.filter((_q, i) => i !== index) });
  };

  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <TextField id={passMarkId(idPrefix)} label={s.passMark} type="number" min={1} max={100} value={quiz.passMarkPercent} onChange={(_e, v) => onChange({ ...quiz, passMarkPercent: v ?? '' })} styles={{ root: { maxWidth: 160 } }} />
      {quiz.questions.map((q, index) => {
        const name = s.questionN(index + 1);
        return (
          <fieldset key={q.key} className={classes.question}>
            <legend className={classes.legend}>{name}</legend>
            <Stack tokens={{ childrenGap: 8 }}>
              <Dropdown
                id={ids.kind(q.key)}
                label={s.questionKind}
                selectedKey={q.kind}
                options={KINDS.map((kind) => ({ key: kind, text: s.kinds[kind] }))}
                onChange={(_e, option) => {
                  if (!option) return;
                  const kind = option.key as QuestionKind;
                  const fresh = emptyQuestion(kind);
                  setQuestion(index, { ...q, kind, options: kind === 'true-false' ? [] : q.options.length >= 2 ? q.options : fresh.options, correct: kind === 'multiple-choice' ? q.correct.slice(0, 1) : q.correct });
                }}
                styles={{ root: { maxWidth: 320 } }}
              />
              <TextField label={s.prompt} multiline={true} autoAdjustHeight={true} value={q.prompt} onChange={(_e, v) => setQuestion(index, { ...q, prompt: v ?? '' })} />
              {q.kind === 'true-false' ? (
                <ChoiceGroup
                  label={s.trueFalseCorrect}
                  selectedKey={q.correctTrue ? 'true' : 'false'}
                  options={[
                    { key: 'true', text: s.trueText },
                    { key: 'false', text: s.falseText },
                  ]}
                  onChange={(_e, option) => option && setQuestion(index, { ...q, correctTrue: option.key === 'true' })}
                />
              ) : (
                <>
                  {q.options.map((option, o) => {
                    const isCorrect = q.correct.indexOf(o) >= 0;
                    return (
                      <div key={o} className={classes.option}>
                        <div className={classes.grow}>
                          <TextField
                            id={ids.option(q.key, o)}
                            label={s.optionN(o + 1)}
                            value={option}
                            onChange={(_e, v) => setQuestion(index, { ...q, options: q.options.map((x, i) => (i === o ? v ?? '' : x)) })}
                          />
                        </div>
                        <Checkbox
                          label={s.correctOption(o + 1)}
                          checked={isCorrect}
                          onChange={(_e, checked) => {
                            const correct = q.kind === 'multiple-choice' ? (checked ? [o] : []) : checked ? [...q.correct, o] : q.correct.filter((c) => c !== o);
                            setQuestion(index, { ...q, correct });
                          }}
                          styles={{ root: { marginBottom: 6 } }}
                        />
                        <IconButton
                          iconProps={{ iconName: 'Delete' }}
                          title={s.remove(`${name}, ${s.optionN(o + 1)}`)}
                          ariaLabel={s.remove(`${name}, ${s.optionN(o + 1)}`)}
                          disabled={q.options.length <= 2}
                          onClick={() => {
                            focusAfterRender(ids.addOption(q.key));
                            setQuestion(index, {
                              ...q,
                              options: q.options.filter((_x, i) => i !== o),
                              correct: q.correct.filter((c) => c !== o).map((c) => (c > o ? c - 1 : c)),
                            });
                          }}
                        />
                      </div>
                    );
                  })}
                  <div>
                    <DefaultButton
                      id={ids.addOption(q.key)}
                      text={s.addOption}
                      ariaLabel={`${name}: ${s.addOption}`}
                      disabled={q.options.length >= 10}
                      onClick={() => {
                        focusAfterRender(ids.option(q.key, q.options.length));
                        setQuestion(index, { ...q, options: [...q.options, ''] });
                      }}
                    />
                  </div>
                </>
              )}
              <Stack horizontal={true} tokens={{ childrenGap: 4 }}>
                <IconButton id={ids.move(q.key, 'up')} iconProps={{ iconName: 'Up' }} title={s.moveUp(name)} ariaLabel={s.moveUp(name)} disabled={index === 0} onClick={() => move(index, -1)} />
                <IconButton id={ids.move(q.key, 'down')} iconProps={{ iconName: 'Down' }} title={s.moveDown(name)} ariaLabel={s.moveDown(name)} disabled={index === quiz.questions.length - 1} onClick={() => move(index, 1)} />
                <IconButton iconProps={{ iconName: 'Delete' }} title={s.remove(name)} ariaLabel={s.remove(name)} disabled={quiz.questions.length <= 1} onClick={() => removeQuestion(index)} />
              </Stack>
            </Stack>
          </fieldset>
        );
      })}
      <div>
        <DefaultButton id={ids.addQuestion} iconProps={{ iconName: 'Add' }} text={s.addQuestion} onClick={addQuestion} />
      </div>
    </Stack>
  );
}
