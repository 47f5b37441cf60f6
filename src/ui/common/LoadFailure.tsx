import * as React from 'react';
import { MessageBar, MessageBarButton, MessageBarType } from '@fluentui/react';
import { englishCommonStrings, type CommonStrings } from './commonStrings';
import { failureKind, failureText } from './failureKind';

export interface LoadFailureProps {
  error: unknown;
  onRetry: () => void;
  /** Offered when the session has expired; without it, only "Try again" is. */
  onSignInAgain?: () => void;
  strings?: CommonStrings;
}

/** A failed load, said in words that tell the next step, with the action that takes it. */
export function LoadFailure({ error, onRetry, onSignInAgain, strings = englishCommonStrings }: LoadFailureProps): React.ReactElement {
  const expired = failureKind(error) === 'session-expired' && onSignInAgain !== undefined;
  return (
    <MessageBar
      messageBarType={MessageBarType.error}
      isMultiline={true}
      actions={
        <div>
          {expired ? (
            <MessageBarButton onClick={onSignInAgain}>{strings.signInAgain}</MessageBarButton>
          ) : (
            <MessageBarButton onClick={onRetry}>{strings.retry}</MessageBarButton>
          )}
        </div>
      }
    >
      {failureText(error, strings)}
    </MessageBar>
  );
}
