// A labelled text input showing the hub's error for its field, in the chosen language.
import type { InputHTMLAttributes } from "react";

import type { MutationError } from "../api";
import { useLanguage } from "../i18n";
import { Field } from "./Field";
import { errorText } from "./Status";

export function TextField({
  label,
  hint,
  error,
  ...input
}: {
  label: string;
  hint?: string;
  error?: MutationError | null;
} & InputHTMLAttributes<HTMLInputElement>) {
  const { lang } = useLanguage();
  return (
    <Field label={label} hint={hint} error={error ? errorText(error, lang) : null}>
      {(control) => <input {...control} {...input} />}
    </Field>
  );
}

/** The error naming `field`, if any (the API names fields like `input.email`). */
export function fieldError(errors: MutationError[], field: string): MutationError | null {
  return (
    errors.find((error) => error.field === field || (error.field ?? "").split(".").pop() === field) ??
    null
  );
}
