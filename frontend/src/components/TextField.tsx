// A labelled input with an optional hint and the error of its field, wired for screen readers.
import { useId } from "react";
import type { InputHTMLAttributes } from "react";

import type { MutationError } from "../api";
import { useLanguage } from "../i18n";
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
  const id = useId();
  const { lang } = useLanguage();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={described.length > 0 ? described.join(" ") : undefined}
        {...input}
      />
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {errorText(error, lang)}
        </span>
      ) : null}
    </div>
  );
}

/** The error naming `field`, if any (the API names fields like `input.email`). */
export function fieldError(errors: MutationError[], field: string): MutationError | null {
  return (
    errors.find((error) => error.field === field || (error.field ?? "").split(".").pop() === field) ??
    null
  );
}
