import * as React from 'react';
import type { AssignmentRuleBody, ITrainingAdminApi, RulePreview } from '../../client/trainingAdminApi';
import { errorText } from '../common/errorText';
import { useAdminStrings } from './adminStringsContext';

export type RulePreviewState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'loaded'; preview: RulePreview }
  | { status: 'failed'; message: string };

type Answer = { status: 'loaded'; preview: RulePreview } | { status: 'failed'; message: string };

export const PREVIEW_DELAY_MS = 400;

/** Who matches depends on the course and the criteria only: typing the name or the due days asks nothing again. */
function previewKey(catalogId: string, body: AssignmentRuleBody | null): string | null {
  return body ? JSON.stringify([catalogId, body.courseId, body.criteria]) : null;
}

/**
 * Who a valid rule would assign if saved now, asked `delayMs` after the last change. Each answer is kept with the
 * criteria it was asked for and shown only while those are still the form's: a late answer for earlier criteria
 * never shows, and new criteria read as loading from their first render on. `body` null (the form is not valid) is
 * idle: nothing to count.
 */
export function useRulePreview(
  api: ITrainingAdminApi,
  catalogId: string,
  body: AssignmentRuleBody | null,
  delayMs: number = PREVIEW_DELAY_MS,
): { state: RulePreviewState; previewAgain: () => void } {
  const failedText = useAdminStrings().rulePreviewFailed;
  const key = previewKey(catalogId, body);
  const bodyRef = React.useRef(body);
  bodyRef.current = body;
  const [answer, setAnswer] = React.useState<{ key: string; answer: Answer } | null>(null);
  const [attempt, setAttempt] = React.useState(0);
  // "Count again" asks at once; a change of the criteria waits for the typing to pause.
  const askNow = React.useRef(false);

  React.useEffect(() => {
    if (key === null) return undefined;
    let current = true;
    const wait = askNow.current ? 0 : delayMs;
    askNow.current = false;
    const timer = setTimeout(
      () => {
        // The form as it is when the pause ends: its name and due days may have changed since (the key has not).
        const sent = bodyRef.current;
        if (sent === null) return;
        api.previewRule(catalogId, sent).then(
          (preview) => {
            if (current) setAnswer({ key, answer: { status: 'loaded', preview } });
          },
          (error: unknown) => {
            if (current) setAnswer({ key, answer: { status: 'failed', message: errorText(error, failedText) } });
          },
        );
      },
      wait,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, catalogId, key, attempt, delayMs, failedText]);

  const previewAgain = React.useCallback(() => {
    askNow.current = true;
    setAnswer(null);
    setAttempt((n) => n + 1);
  }, []);

  let state: RulePreviewState;
  if (key === null) state = { status: 'idle' };
  else if (answer !== null && answer.key === key) state = answer.answer;
  else state = { status: 'loading' };
  return { state, previewAgain };
}
