// The frame of every page: its <h1>, the document title, and focus moved to the heading
// after an in-app navigation so that keyboard and screen-reader users start at the new content.
import { useEffect, useRef } from "react";
import type { ReactNode } from "react";
import { useLocation } from "react-router-dom";

import { defineMessages, useMessages } from "../i18n";

const messages = defineMessages({
  en: { site: "Thessaloniki innovation hub" },
  el: { site: "Κόμβος καινοτομίας Θεσσαλονίκης" },
});

export function Page({
  title,
  intro,
  actions,
  children,
}: {
  title: string;
  intro?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const t = useMessages(messages);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = title ? `${title} · ${t("site")}` : t("site");
  }, [title, t]);
  // The first page of a visit keeps the browser's own start (the skip link comes first).
  const arrivedByNavigation = useLocation().key !== "default";
  useEffect(() => {
    if (arrivedByNavigation) heading.current?.focus({ preventScroll: true });
  }, [arrivedByNavigation]);
  return (
    <article className="page">
      <header className="page-header">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </header>
      {intro ? <div className="page-intro">{intro}</div> : null}
      {children}
    </article>
  );
}
