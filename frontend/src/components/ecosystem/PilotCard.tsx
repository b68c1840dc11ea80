// One pilot project on the board: what it tests, who posted it, the site and partners it
// seeks, and on demand the partners the hub suggests.
import { useId, useState } from "react";
import { Link } from "react-router-dom";

import { defineMessages, useFormats, useMessages } from "../../i18n";
import type { Localized } from "../../i18n";
import { kindName, statusName } from "./labels";
import { SuggestedPartners } from "./SuggestedPartners";

export const PILOT_FIELDS = `
  id status testSite partnersSought topics createdAt
  title { el en } problem { el en }
  postedBy { id name }
  hosts { id name }
  partners { id name }
`;

export interface Pilot {
  id: string;
  status: string;
  testSite: string | null;
  partnersSought: string[];
  topics: string[];
  createdAt: string;
  title: Localized;
  problem: Localized | null;
  postedBy: { id: string; name: string }[];
  hosts: { id: string; name: string }[];
  partners: { id: string; name: string }[];
}

const messages = defineMessages({
  en: {
    status: "Status",
    postedBy: "Posted by",
    testSite: "Test site",
    hosts: "Hosted by",
    seeking: "Partners sought",
    partners: "Partners so far",
    topics: "Topics",
    posted: "Posted {date}",
    show: "Suggested partners",
    hide: "Hide suggested partners",
  },
  el: {
    status: "Κατάσταση",
    postedBy: "Ανάρτηση από",
    testSite: "Χώρος δοκιμής",
    hosts: "Φιλοξενεί",
    seeking: "Εταίροι που αναζητούνται",
    partners: "Εταίροι έως τώρα",
    topics: "Θέματα",
    posted: "Αναρτήθηκε {date}",
    show: "Προτεινόμενοι εταίροι",
    hide: "Απόκρυψη προτεινόμενων εταίρων",
  },
});

const STATUS_BADGE: Record<string, string> = { OPEN: "ok", IN_PROGRESS: "warn", DRAFT: "", COMPLETED: "" };

function OrganisationLinks({ items }: { items: { id: string; name: string }[] }) {
  return (
    <>
      {items.map((item, index) => (
        <span key={item.id}>
          {index > 0 ? ", " : null}
          <Link to={`/organisations/${encodeURIComponent(item.id)}`}>{item.name}</Link>
        </span>
      ))}
    </>
  );
}

export function PilotCard({ pilot }: { pilot: Pilot }) {
  const t = useMessages(messages);
  const formats = useFormats();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const title = formats.text(pilot.title);
  return (
    <li className="card pilot-card">
      <h3 id={`pilot-${pilot.id}`}>{title}</h3>
      <p className="meta">
        <span className={`badge ${STATUS_BADGE[pilot.status] ?? ""}`}>
          <span className="visually-hidden">{t("status")}: </span>
          {statusName(formats.lang, pilot.status)}
        </span>{" "}
        {t("posted", { date: formats.date(pilot.createdAt) })}
      </p>
      {pilot.problem ? <p>{formats.text(pilot.problem)}</p> : null}
      <dl className="facts">
        {pilot.postedBy.length > 0 ? (
          <>
            <dt>{t("postedBy")}</dt>
            <dd>
              {pilot.postedBy.map((person, index) => (
                <span key={person.id}>
                  {index > 0 ? ", " : null}
                  <Link to={`/people/${encodeURIComponent(person.id)}`}>{person.name}</Link>
                </span>
              ))}
            </dd>
          </>
        ) : null}
        {pilot.testSite ? (
          <>
            <dt>{t("testSite")}</dt>
            <dd>{pilot.testSite}</dd>
          </>
        ) : null}
        {pilot.hosts.length > 0 ? (
          <>
            <dt>{t("hosts")}</dt>
            <dd>
              <OrganisationLinks items={pilot.hosts} />
            </dd>
          </>
        ) : null}
        {pilot.partnersSought.length > 0 ? (
          <>
            <dt>{t("seeking")}</dt>
            <dd>
              <ul className="tags">
                {pilot.partnersSought.map((kind) => (
                  <li key={kind}>{kindName(formats.lang, kind)}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {pilot.partners.length > 0 ? (
          <>
            <dt>{t("partners")}</dt>
            <dd>
              <OrganisationLinks items={pilot.partners} />
            </dd>
          </>
        ) : null}
        {pilot.topics.length > 0 ? (
          <>
            <dt>{t("topics")}</dt>
            <dd>{pilot.topics.join(", ")}</dd>
          </>
        ) : null}
      </dl>
      <button
        type="button"
        className="secondary"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        {open ? t("hide") : t("show")}
      </button>
      {open ? <SuggestedPartners pilotId={pilot.id} title={title} id={panelId} /> : null}
    </li>
  );
}
