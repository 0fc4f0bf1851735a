import { useT } from '../i18n/use-t';
import { TextField, type TextFieldProps } from './TextField';

type SecretFieldProps = Omit<TextFieldProps, 'type' | 'autoComplete' | 'hint'> & {
  /** The stored secret's mask when editing (`••••3f2a`): the field starts empty and empty keeps it. */
  storedMask?: string | undefined;
  hint?: string;
};

/** A secret is typed once and never shown again: password input, no autofill, the stored one only as a mask. */
export function SecretField({ storedMask, hint, ...props }: SecretFieldProps) {
  const t = useT();
  const keep = storedMask ? t('secret.keepHint', { mask: storedMask }) : null;
  const text = [keep, hint].filter(Boolean).join(' ');
  return (
    <TextField
      {...props}
      type="password"
      autoComplete="new-password"
      required={props.required && !storedMask}
      hint={text || undefined}
    />
  );
}
