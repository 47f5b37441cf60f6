import * as React from 'react';
import { DefaultButton, Dialog, DialogFooter, DialogType, PrimaryButton } from '@fluentui/react';

export interface ConfirmDialogProps {
  title: string;
  text: string;
  confirm: string;
  cancel: string;
  busy?: boolean;
  /** The confirm button waits for something more (e.g. a required reason). */
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children?: React.ReactNode;
}

/** A blocking yes/no question before a consequential action; announced as an alert dialog. */
export function ConfirmDialog({ title, text, confirm, cancel, busy, confirmDisabled, onConfirm, onCancel, children }: ConfirmDialogProps): React.ReactElement {
  return (
    <Dialog
      hidden={false}
      onDismiss={busy ? undefined : onCancel}
      dialogContentProps={{ type: DialogType.normal, title, subText: text || undefined, showCloseButton: false }}
      modalProps={{ isBlocking: true }}
      minWidth={400}
    >
      {children}
      <DialogFooter>
        <PrimaryButton text={confirm} onClick={onConfirm} disabled={busy || confirmDisabled} />
        <DefaultButton text={cancel} onClick={onCancel} disabled={busy} />
      </DialogFooter>
    </Dialog>
  );
}
