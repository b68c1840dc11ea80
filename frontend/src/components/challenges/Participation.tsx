// Taking part, for a signed-in person: register, form a team or find one to join, and
// once in a team: its members, invitations, leaving, and the team's submission.
import { useState } from "react";
import type { FormEvent } from "react";

import { defineMessages, useMessages } from "../../i18n";
import { useSession } from "../../session";
import { ActionStatus } from "./ActionStatus";
import { ERROR_FIELDS, SignInPrompt } from "./common";
import type { ChallengeDetails } from "./common";
import { Field } from "../Field";
import { PersonPicker } from "./PersonPicker";
import type { Chosen } from "./PersonPicker";
import { SubmissionPanel } from "./SubmissionPanel";
import { TeamFinder } from "./TeamFinder";
import type { ChallengeTeam } from "./TeamList";
import { useAction } from "./useAction";

const messages = defineMessages({
  en: {
    heading: "Take part",
    noProfile: "Your account has no profile to take part with. Add one on your account page.",
    closed: "Registration and teams are open during the registration and submission phases.",
    register: "Register for this challenge",
    registerHint: "Registering tells the organisers you intend to take part; you can then form or join a team.",
    registered: "You are registered for this challenge.",
    createTeam: "Form a team",
    teamName: "Team name",
    teamNameHint: "You lead the new team and can invite others.",
    create: "Create the team",
    needName: "Give your team a name.",
    myTeam: "Your team: {name}",
    lead: "lead",
    member: "member",
    privateMember: "A member with a private profile",
    invite: "Invite a person",
    inviteButton: "Send the invitation",
    invited: "{name} is invited: they can now join the team from this page.",
    needPerson: "Choose the person to invite.",
    leave: "Leave the team",
    left: "You left the team.",
  },
  el: {
    heading: "Συμμετοχή",
    noProfile: "Ο λογαριασμός σας δεν έχει προφίλ για να συμμετάσχει. Προσθέστε ένα στη σελίδα του λογαριασμού σας.",
    closed: "Οι εγγραφές και οι ομάδες είναι ανοιχτές κατά τις φάσεις εγγραφών και υποβολών.",
    register: "Εγγραφή στον διαγωνισμό",
    registerHint: "Με την εγγραφή ενημερώνετε τους διοργανωτές ότι θα συμμετάσχετε· μετά μπορείτε να φτιάξετε ή να μπείτε σε ομάδα.",
    registered: "Έχετε εγγραφεί στον διαγωνισμό.",
    createTeam: "Δημιουργία ομάδας",
    teamName: "Όνομα ομάδας",
    teamNameHint: "Θα είστε επικεφαλής της νέας ομάδας και μπορείτε να προσκαλέσετε άλλους.",
    create: "Δημιουργία της ομάδας",
    needName: "Δώστε ένα όνομα στην ομάδα σας.",
    myTeam: "Η ομάδα σας: {name}",
    lead: "επικεφαλής",
    member: "μέλος",
    privateMember: "Μέλος με ιδιωτικό προφίλ",
    invite: "Πρόσκληση προσώπου",
    inviteButton: "Αποστολή πρόσκλησης",
    invited: "Το πρόσωπο {name} προσκλήθηκε: μπορεί τώρα να μπει στην ομάδα από αυτή τη σελίδα.",
    needPerson: "Επιλέξτε το πρόσωπο που θα προσκαλέσετε.",
    leave: "Αποχώρηση από την ομάδα",
    left: "Αποχωρήσατε από την ομάδα.",
  },
});

const OPEN_PHASES = ["REGISTRATION", "SUBMISSION"];

export function Participation({
  details,
  teams,
  onTeamsChanged,
}: {
  details: ChallengeDetails;
  teams: ChallengeTeam[];
  onTeamsChanged: () => void;
}) {
  const t = useMessages(messages);
  const { account } = useSession();
  const [left, setLeft] = useState(false);
  const me = account?.person?.id ?? null;
  const myTeam = me ? teams.find((team) => team.members.some((member) => member.personId === me)) : undefined;
  const open = OPEN_PHASES.includes(details.phase);
  const upcoming = open || details.phase === "PUBLISHED";
  // After the submissions a team still sees its own entry; nobody else has anything to do here.
  if (!upcoming && !myTeam) return null;
  return (
    <section aria-labelledby="take-part" className="panel">
      <h2 id="take-part">{t("heading")}</h2>
      {!account ? (
        <SignInPrompt />
      ) : !me ? (
        <p>{t("noProfile")}</p>
      ) : (
        <>
          {left ? (
            <p className="status success" role="status">
              {t("left")}
            </p>
          ) : null}
          {details.phase === "PUBLISHED" ? <p>{t("closed")}</p> : null}
          {open && !myTeam ? (
            <>
              <RegisterBox challengeId={details.id} />
              <CreateTeamForm challengeId={details.id} onCreated={onTeamsChanged} />
              <TeamFinder challengeId={details.id} onJoined={onTeamsChanged} />
            </>
          ) : null}
          {myTeam ? (
            <MyTeam
              team={myTeam}
              open={open}
              onLeft={() => {
                setLeft(true);
                onTeamsChanged();
              }}
            />
          ) : null}
          {myTeam ? <SubmissionPanel details={details} teamId={myTeam.id} /> : null}
        </>
      )}
    </section>
  );
}

const REGISTER = `mutation Register($id: ID!) { registerForChallenge(challengeId: $id) { ok ${ERROR_FIELDS} } }`;

function RegisterBox({ challengeId }: { challengeId: string }) {
  const t = useMessages(messages);
  const action = useAction();
  const [done, setDone] = useState(false);
  return (
    <div className="actions-row">
      {done ? (
        <p className="status success" role="status">
          {t("registered")}
        </p>
      ) : (
        <>
          <button
            type="button"
            disabled={action.busy}
            onClick={() => {
              void action.run(REGISTER, { id: challengeId }, "registerForChallenge").then((ok) => setDone(ok !== null));
            }}
          >
            {t("register")}
          </button>
          <span className="hint">{t("registerHint")}</span>
        </>
      )}
      <ActionStatus action={action} />
    </div>
  );
}

const CREATE_TEAM = `mutation CreateTeam($id: ID!, $name: String!) {
  createTeam(challengeId: $id, name: $name) { team { id } ${ERROR_FIELDS} }
}`;

function CreateTeamForm({ challengeId, onCreated }: { challengeId: string; onCreated: () => void }) {
  const t = useMessages(messages);
  const action = useAction();
  const [name, setName] = useState("");
  const problem = action.errors.find((error) => error.field === "name")?.message ?? null;
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      action.setErrors([{ code: "REQUIRED", field: "name", message: t("needName") }]);
      return;
    }
    if (await action.run(CREATE_TEAM, { id: challengeId, name: name.trim() }, "createTeam")) onCreated();
  }
  return (
    <form className="stack" noValidate onSubmit={(event) => void submit(event)}>
      <h3>{t("createTeam")}</h3>
      <ActionStatus action={action} labels={{ name: t("teamName") }} />
      <Field label={t("teamName")} hint={t("teamNameHint")} error={problem}>
        {(control) => <input {...control} value={name} onChange={(event) => setName(event.target.value)} />}
      </Field>
      <div>
        <button type="submit" disabled={action.busy}>
          {t("create")}
        </button>
      </div>
    </form>
  );
}

const INVITE = `mutation Invite($team: ID!, $person: ID!) {
  inviteToTeam(teamId: $team, personId: $person) { ok ${ERROR_FIELDS} }
}`;
const LEAVE = `mutation Leave($team: ID!) { leaveTeam(teamId: $team) { ok ${ERROR_FIELDS} } }`;

function MyTeam({ team, open, onLeft }: { team: ChallengeTeam; open: boolean; onLeft: () => void }) {
  const t = useMessages(messages);
  const invite = useAction();
  const leave = useAction();
  const [person, setPerson] = useState<Chosen | null>(null);
  const [invited, setInvited] = useState<string | null>(null);
  async function sendInvite(event: FormEvent) {
    event.preventDefault();
    setInvited(null);
    if (!person) {
      invite.setErrors([{ code: "REQUIRED", field: "personId", message: t("needPerson") }]);
      return;
    }
    if (await invite.run(INVITE, { team: team.id, person: person.id }, "inviteToTeam")) {
      setInvited(person.name);
      setPerson(null);
    }
  }
  return (
    <div>
      <h3>{t("myTeam", { name: team.name })}</h3>
      <ul className="members">
        {team.members.map((member) => (
          <li key={member.personId}>
            {member.name ?? t("privateMember")} ({member.role === "lead" ? t("lead") : t("member")})
          </li>
        ))}
      </ul>
      {open ? (
        <>
          <form className="stack" noValidate onSubmit={(event) => void sendInvite(event)}>
            <h4>{t("invite")}</h4>
            <ActionStatus action={invite} done={invited ? t("invited", { name: invited }) : null} />
            <PersonPicker
              value={person}
              onChange={setPerson}
              error={invite.errors.find((error) => error.field === "personId")?.message ?? null}
            />
            <div>
              <button type="submit" disabled={invite.busy}>
                {t("inviteButton")}
              </button>
            </div>
          </form>
          <div className="actions-row">
            <button
              type="button"
              className="secondary"
              disabled={leave.busy}
              onClick={() => {
                void leave.run(LEAVE, { team: team.id }, "leaveTeam").then((ok) => {
                  if (ok) onLeft();
                });
              }}
            >
              {t("leave")}
            </button>
          </div>
          <ActionStatus action={leave} />
        </>
      ) : null}
    </div>
  );
}
