import { z } from 'zod';
import type { Quiz, QuizQuestion } from './course';

/** One answer per question, in question order: an option index, a set of indexes, or true/false. */
export const quizAnswersSchema = z.array(z.union([z.number().int().min(0), z.array(z.number().int().min(0)).max(10), z.boolean()])).max(100);
export type QuizAnswers = z.infer<typeof quizAnswersSchema>;

export interface QuizResult {
  scorePercent: number;
  passed: boolean;
  correctCount: number;
  questionCount: number;
}

function isCorrect(question: QuizQuestion, answer: QuizAnswers[number] | undefined): boolean {
  switch (question.kind) {
    case 'multiple-choice':
      return typeof answer === 'number' && answer === question.correct;
    case 'multiple-answer': {
      if (!Array.isArray(answer)) return false;
      const given = new Set(answer);
      return given.size === question.correct.length && question.correct.every((i: number) => given.has(i));
    }
    case 'true-false':
      return typeof answer === 'boolean' && answer === question.correct;
    default:
      return false;
  }
}

/** Why an answer does not fit its question (wrong kind, index out of range, repeats), or null when it fits. */
export function answerProblem(question: QuizQuestion, answer: QuizAnswers[number]): string | null {
  switch (question.kind) {
    case 'true-false':
      return typeof answer === 'boolean' ? null : 'expects true or false';
    case 'multiple-choice':
      if (typeof answer !== 'number') return 'expects one option index';
      return answer < question.options.length ? null : `has ${question.options.length} options (index 0 to ${question.options.length - 1})`;
    case 'multiple-answer':
      if (!Array.isArray(answer)) return 'expects a list of option indexes';
      if (answer.some((i) => i >= question.options.length)) return `has ${question.options.length} options (index 0 to ${question.options.length - 1})`;
      return new Set(answer).size === answer.length ? null : 'lists an option twice';
    default:
      return 'is of an unknown kind';
  }
}

/** Scores an attempt. Answers must cover every question exactly once; unanswered is wrong. */
export function scoreQuiz(quiz: Quiz, answers: QuizAnswers): QuizResult {
  if (answers.length !== quiz.questions.length) {
    throw new RangeError(`expected ${quiz.questions.length} answers, got ${answers.length}`);
  }
  const correctCount = quiz.questions.filter((q, i) => isCorrect(q, answers[i])).length;
  const scorePercent = Math.round((correctCount / quiz.questions.length) * 100);
  return { scorePercent, passed: scorePercent >= quiz.passMarkPercent, correctCount, questionCount: quiz.questions.length };
}
