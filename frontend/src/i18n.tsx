// Language: Greek or English, remembered in localStorage, set on <html lang>.
// Each module keeps its own messages next to its code (see `useMessages`).
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { ReactNode } from "react";

export type Lang = "el" | "en";
export const LANGS: readonly Lang[] = ["el", "en"];
const STORAGE_KEY = "hub.lang";

export interface Localized {
  el?: string | null;
  en?: string | null;
}

interface LanguageState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

const LanguageContext = createContext<LanguageState | null>(null);

function initialLang(): Lang {
  const asked = new URLSearchParams(window.location.search).get("lang");
  if (asked === "el" || asked === "en") return asked;
  const stored = window.localStorage.getItem(STORAGE_KEY);
  if (stored === "el" || stored === "en") return stored;
  return navigator.language.toLowerCase().startsWith("el") ? "el" : "en";
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    window.localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  useEffect(() => {
    window.localStorage.setItem(STORAGE_KEY, lang);
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (state === null) throw new Error("useLanguage outside LanguageProvider");
  return state;
}

/** Messages of one module in both languages; English fixes the keys, Greek must have them all. */
export type Messages<K extends string> = Record<Lang, Record<K, string>>;

export function defineMessages<K extends string>(messages: Messages<K>): Messages<K> {
  return messages;
}

export type Translate<K extends string> = (key: K, values?: Record<string, string | number>) => string;

/** `t(key, {name})` in the chosen language; `{name}` placeholders are filled in. */
export function useMessages<K extends string>(messages: Messages<K>): Translate<K> {
  const { lang } = useLanguage();
  return useCallback(
    (key: K, values?: Record<string, string | number>) => {
      let text = messages[lang][key];
      for (const [name, value] of Object.entries(values ?? {})) {
        text = text.split(`{${name}}`).join(String(value));
      }
      return text;
    },
    [lang, messages],
  );
}

const LOCALES: Record<Lang, string> = { el: "el-GR", en: "en-GB" };

export interface Formats {
  lang: Lang;
  locale: string;
  /** A date (ISO string) in the chosen locale; `withTime` adds hours and minutes. */
  date: (iso: string | null | undefined, withTime?: boolean) => string;
  number: (value: number | null | undefined, digits?: number) => string;
  money: (value: number | null | undefined) => string;
  /** The text in the chosen language, else in the other one, else "". */
  text: (value: Localized | null | undefined) => string;
}

export function useFormats(): Formats {
  const { lang } = useLanguage();
  return useMemo(() => {
    const locale = LOCALES[lang];
    return {
      lang,
      locale,
      date: (iso, withTime = false) => {
        if (!iso) return "";
        const parsed = new Date(iso);
        if (Number.isNaN(parsed.getTime())) return iso;
        return new Intl.DateTimeFormat(locale, {
          dateStyle: "medium",
          ...(withTime ? { timeStyle: "short", timeZone: "Europe/Athens" } : {}),
        }).format(parsed);
      },
      number: (value, digits = 0) =>
        value === null || value === undefined
          ? ""
          : new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value),
      money: (value) =>
        value === null || value === undefined
          ? ""
          : new Intl.NumberFormat(locale, {
              style: "currency",
              currency: "EUR",
              maximumFractionDigits: 0,
            }).format(value),
      text: (value) => {
        if (!value) return "";
        const other: Lang = lang === "el" ? "en" : "el";
        return value[lang] || value[other] || "";
      },
    };
  }, [lang]);
}
