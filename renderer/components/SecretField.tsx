import { useT } from '../i18n/use-t';
import { TextField, type TextFieldProps } from './TextField';

type SecretFieldProps = Omit<TextFieldProps, 'type' | 'autoComplete' | 'hint'> & {
  /** The stored secret's mask when editing (`••••3f2a`): the field starts empty and empty keeps it. */
  storedMask?: string | undefined;
  /** The stored secret failed the vault's integrity check: it must be typed again, empty does not keep it. */
  damaged?: boolean;
  hint?: string;
};

/** A secret is typed once and never shown again: password input, no autofill, the stored one only as a mask. */
export function SecretField({ storedMask, damaged = false, hint, ...props }: SecretFieldProps) {
  const t = useT();
  const stored = damaged ? t('secret.damaged') : storedMask ? t('secret.keepHint', { mask: storedMask }) : null;
  const text = [stored, hint].filter(Boolean).join(' ');
  return (
    <TextField
      {...props}
      type="password"
      autoComplete="new-password"
      required={damaged || (props.required && !storedMask)}
      hint={text || undefined}
    />
  );
}
