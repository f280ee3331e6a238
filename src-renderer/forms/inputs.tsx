// The inputs of the forms, each for a react-hook-form Controller's field, so every form types the
// same way: an amount in dollars and cents (a "$" before it, the decimal keypad on touch screens),
// a line of text, and a calendar day (the browser's date picker); no autofill. `afterChange` runs
// after each keystroke has reached the form (a form clears the errors the new text may answer).
import { Input } from '@fluentui/react-components';
import type { ControllerRenderProps, FieldValues, Path } from 'react-hook-form';

interface FieldInputProps<T extends FieldValues, N extends Path<T>> {
  field: ControllerRenderProps<T, N>;
  afterChange?: () => void;
  autoFocus?: boolean;
}

export function TextInput<T extends FieldValues, N extends Path<T>>({
  field,
  afterChange,
  autoFocus,
  money = false,
}: FieldInputProps<T, N> & { money?: boolean }) {
  return (
    <Input
      ref={field.ref}
      name={field.name}
      value={String(field.value ?? '')}
      onBlur={field.onBlur}
      autoFocus={autoFocus}
      autoComplete="off"
      {...(money ? { inputMode: 'decimal' as const, contentBefore: <span aria-hidden="true">$</span> } : {})}
      onChange={(_, data) => {
        field.onChange(data.value);
        afterChange?.();
      }}
    />
  );
}

export function MoneyInput<T extends FieldValues, N extends Path<T>>(props: FieldInputProps<T, N>) {
  return <TextInput {...props} money />;
}

/** A calendar day: the browser's date picker, its value YYYY-MM-DD as the contract's IsoDate. */
export function DateInput<T extends FieldValues, N extends Path<T>>({ field }: FieldInputProps<T, N>) {
  return (
    <Input
      type="date"
      ref={field.ref}
      name={field.name}
      value={String(field.value ?? '')}
      onBlur={field.onBlur}
      onChange={(_, data) => field.onChange(data.value)}
    />
  );
}
