// The dialog that asks before a change is recorded: a title, what will happen (the content), the
// primary button that confirms and a secondary one that cancels. The caller owns whether it is
// open; `trigger` is the button that opens it, when it has one of its own.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
} from '@fluentui/react-components';
import type { ReactElement, ReactNode } from 'react';
import { useStackStyles } from './stack-styles.ts';

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  trigger?: ReactElement;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  confirmDisabled?: boolean;
  /** The keyboard shortcut that also confirms, for assistive technology (aria-keyshortcuts). */
  confirmShortcut?: string;
  cancelLabel: string;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const stack = useStackStyles();
  const surface = (
    <DialogSurface key="surface">
      {props.open ? (
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent className={stack.dialog}>{props.children}</DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              onClick={props.onConfirm}
              disabledFocusable={props.confirmDisabled}
              aria-keyshortcuts={props.confirmShortcut}
            >
              {props.confirmLabel}
            </Button>
            <Button appearance="secondary" onClick={() => props.onOpenChange(false)}>
              {props.cancelLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      ) : null}
    </DialogSurface>
  );
  return (
    <Dialog open={props.open} onOpenChange={(_, data) => props.onOpenChange(data.open)}>
      {props.trigger
        ? ([
            <DialogTrigger key="trigger" disableButtonEnhancement>
              {props.trigger}
            </DialogTrigger>,
            surface,
          ] as [ReactElement, ReactElement])
        : surface}
    </Dialog>
  );
}
