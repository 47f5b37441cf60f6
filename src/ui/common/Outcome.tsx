import * as React from 'react';
import { MessageBar, MessageBarType } from '@fluentui/react';

export type OutcomeMessage = { ok: boolean; text: string } | null;

/**
 * The outcome of an action, announced (the live region is there before the message comes); `id` lets the focus land
 * on it when the control pressed has gone.
 */
export function Outcome({ message, id }: { message: OutcomeMessage; id?: string }): React.ReactElement {
  return (
    <div role="status">
      {message && (
        <div id={id} tabIndex={-1}>
          <MessageBar messageBarType={message.ok ? MessageBarType.success : MessageBarType.error}>{message.text}</MessageBar>
        </div>
      )}
    </div>
  );
}

/** A success to announce, or nothing. */
export const succeeded = (text: string | null): OutcomeMessage => (text ? { ok: true, text } : null);
