// Introductions asked of me (accept or decline) and by me (waiting, or the contact once accepted).
import { defineMessages, useFormats, useMessages } from "../../i18n";
import { Empty, MutationErrors } from "../Status";
import { useMutation } from "./useMutation";

const messages = defineMessages({
  en: {
    title: "Introductions",
    none: "No introductions yet. Ask for one from a person's public profile.",
    asked: "Asked of you on {date}",
    mine: "You asked on {date}",
    message: "Message",
    PENDING: "waiting for an answer",
    ACCEPTED: "accepted",
    DECLINED: "declined",
    accept: "Accept",
    decline: "Decline",
    contact: "Contact: {name}",
  },
  el: {
    title: "Γνωριμίες",
    none: "Καμία γνωριμία ακόμη. Ζητήστε μία από το δημόσιο προφίλ ενός προσώπου.",
    asked: "Σας ζητήθηκε στις {date}",
    mine: "Τη ζητήσατε στις {date}",
    message: "Μήνυμα",
    PENDING: "αναμένει απάντηση",
    ACCEPTED: "έγινε δεκτή",
    DECLINED: "απορρίφθηκε",
    accept: "Αποδοχή",
    decline: "Απόρριψη",
    contact: "Επικοινωνία: {name}",
  },
});

export interface Introduction {
  id: string;
  fromPersonId: string;
  toPersonId: string;
  message: string | null;
  status: "PENDING" | "ACCEPTED" | "DECLINED";
  createdAt: string;
  contact: { name: string; email: string | null } | null;
}

const RESPOND = `mutation Respond($id: ID!, $accept: Boolean!) {
  respondToIntroduction(id: $id, accept: $accept) { introduction { id } errors { code field message } }
}`;

const BADGE = { PENDING: "warn", ACCEPTED: "ok", DECLINED: "bad" } as const;

export function Introductions({
  introductions,
  personId,
  onChange,
}: {
  introductions: Introduction[];
  personId: string | null;
  onChange: () => void;
}) {
  const t = useMessages(messages);
  const formats = useFormats();
  const respond = useMutation<{ errors: [] }>(RESPOND, "respondToIntroduction");
  return (
    <section className="panel" aria-labelledby="introductions-title">
      <h2 id="introductions-title">{t("title")}</h2>
      <MutationErrors errors={respond.errors} />
      {introductions.length === 0 ? (
        <Empty>{t("none")}</Empty>
      ) : (
        <ul className="cards">
          {introductions.map((intro) => {
            const askedOfMe = intro.toPersonId === personId;
            return (
              <li key={intro.id} className="card">
                <p className="meta">
                  {t(askedOfMe ? "asked" : "mine", { date: formats.date(intro.createdAt) })}{" "}
                  <span className={`badge ${BADGE[intro.status]}`}>{t(intro.status)}</span>
                </p>
                {intro.message ? (
                  <blockquote aria-label={t("message")}>{intro.message}</blockquote>
                ) : null}
                {intro.contact ? (
                  <p>
                    {t("contact", { name: intro.contact.name })}
                    {intro.contact.email ? (
                      <>
                        {" "}
                        <a href={`mailto:${intro.contact.email}`}>{intro.contact.email}</a>
                      </>
                    ) : null}
                  </p>
                ) : null}
                {askedOfMe && intro.status === "PENDING" ? (
                  <p>
                    <button
                      type="button"
                      onClick={() => {
                        void respond.run({ id: intro.id, accept: true }).then((ok) => ok && onChange());
                      }}
                    >
                      {t("accept")}
                    </button>{" "}
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => {
                        void respond.run({ id: intro.id, accept: false }).then((ok) => ok && onChange());
                      }}
                    >
                      {t("decline")}
                    </button>
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
