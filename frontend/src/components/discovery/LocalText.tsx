import { useFormats } from "../../i18n";
import type { Localized } from "../../i18n";

/** A text in the chosen language; when only the other language has it, marked with its `lang`
 *  so that screen readers pronounce it right. */
export function LocalText({ value }: { value: Localized | null | undefined }) {
  const fmt = useFormats();
  const text = fmt.text(value);
  const chosen = value?.[fmt.lang];
  if (!text || chosen) return <>{text}</>;
  return <span lang={fmt.lang === "el" ? "en" : "el"}>{text}</span>;
}
