import { useT } from '../i18n/use-t';
import { TextField, type TextFieldProps } from './TextField';

export type SecretProblem = 'damaged' | 'missing';

type SecretFieldProps = Omit<TextFieldProps, 'type' | 'autoComplete' | 'hint'> & {
  /** The stored secret's mask when editing (`••••3f2a`): the field starts empty and empty keeps it. */
  storedMask?: string | undefined;
  /** The stored secret failed the vault's integrity check, or the vault does not hold it: it must be typed again, empty does not keep it. */
  problem?: SecretProblem | undefined;
  hint?: string;
};

/** A secret is typed once and never shown again: password input, no autofill, the stored one only as a mask. */
export function SecretField({ storedMask, problem, hint, ...props }: SecretFieldProps) {
  const t = useT();
  const stored = problem ? t(`secret.${problem}`) : storedMask ? t('secret.keepHint', { mask: storedMask }) : null;
  const text = [stored, hint].filter(Boolean).join(' ');
  return (
    <TextField
      {...props}
      type="password"
      autoComplete="new-password"
      required={Boolean(problem) || (props.required && !storedMask)}
      hint={text || undefined}
    />
  );
}
