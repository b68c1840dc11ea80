// The account's own profile: name, bio in both languages, skills, website, and which of
// them the public may see (nothing is public until the person says so).
import { useState } from "react";
import type { FormEvent } from "react";
import { Link } from "react-router-dom";

import { defineMessages, useMessages } from "../../i18n";
import { wordList } from "../Field";
import { ErrorNotice, MutationErrors } from "../Status";
import { fieldError, TextField } from "../TextField";
import { useMutation } from "./useMutation";

const messages = defineMessages({
  en: {
    title: "My profile",
    name: "Name",
    bioEn: "About me (English)",
    bioEl: "About me (Greek)",
    skills: "Skills",
    skillsHint: "Separated by commas, e.g. open data, GIS, Python",
    website: "Website",
    visibility: "Who can see my profile",
    public: "Make my profile public",
    publicHint: "Only the parts you tick below are shown; your e-mail never is.",
    BIO: "about me",
    SKILLS: "skills",
    WEBSITE: "website",
    AFFILIATIONS: "organisations",
    MENTORING: "mentoring",
    save: "Save profile",
    saved: "Your profile is saved.",
    view: "See my public profile",
  },
  el: {
    title: "Το προφίλ μου",
    name: "Όνομα",
    bioEn: "Λίγα λόγια για μένα (Αγγλικά)",
    bioEl: "Λίγα λόγια για μένα (Ελληνικά)",
    skills: "Δεξιότητες",
    skillsHint: "Χωρισμένες με κόμμα, π.χ. ανοικτά δεδομένα, GIS, Python",
    website: "Ιστότοπος",
    visibility: "Ποιος βλέπει το προφίλ μου",
    public: "Το προφίλ μου να είναι δημόσιο",
    publicHint: "Φαίνονται μόνο όσα επιλέξετε παρακάτω· το e-mail σας ποτέ.",
    BIO: "λίγα λόγια",
    SKILLS: "δεξιότητες",
    WEBSITE: "ιστότοπος",
    AFFILIATIONS: "οργανισμοί",
    MENTORING: "καθοδήγηση",
    save: "Αποθήκευση προφίλ",
    saved: "Το προφίλ σας αποθηκεύτηκε.",
    view: "Δείτε το δημόσιο προφίλ μου",
  },
});

export const PROFILE_FIELDS = ["BIO", "SKILLS", "WEBSITE", "AFFILIATIONS", "MENTORING"] as const;
type ProfileField = (typeof PROFILE_FIELDS)[number];

export interface OwnProfile {
  id: string;
  name: string;
  isPublic: boolean;
  publicFields: ProfileField[] | null;
  bio: { el: string | null; en: string | null } | null;
  skills: string[];
  website: string | null;
}

const UPDATE = `mutation UpdateProfile($id: ID!, $input: UpdatePersonInput!) {
  updatePerson(id: $id, input: $input) { person { id } errors { code field message } }
}`;
const CONSENT = `mutation Consent($id: ID!, $isPublic: Boolean!, $fields: [ProfileField!]!) {
  setProfileConsent(personId: $id, isPublic: $isPublic, publicFields: $fields) {
    person { id } errors { code field message }
  }
}`;

export function ProfileEditor({ profile, onSaved }: { profile: OwnProfile; onSaved: () => void }) {
  const t = useMessages(messages);
  const update = useMutation<{ errors: [] }>(UPDATE, "updatePerson");
  const consent = useMutation<{ errors: [] }>(CONSENT, "setProfileConsent");
  const [name, setName] = useState(profile.name);
  const [bioEn, setBioEn] = useState(profile.bio?.en ?? "");
  const [bioEl, setBioEl] = useState(profile.bio?.el ?? "");
  const [skills, setSkills] = useState(profile.skills.join(", "));
  const [website, setWebsite] = useState(profile.website ?? "");
  const [isPublic, setIsPublic] = useState(profile.isPublic);
  const [fields, setFields] = useState<ProfileField[]>(profile.publicFields ?? [...PROFILE_FIELDS]);
  const [saved, setSaved] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const input = {
      name,
      bio: { en: bioEn || null, el: bioEl || null },
      skills: wordList(skills),
      website: website || null,
    };
    if (!(await update.run({ id: profile.id, input }))) return;
    if (!(await consent.run({ id: profile.id, isPublic, fields: isPublic ? fields : [] }))) return;
    setSaved(true);
    onSaved();
  }

  const labels = { name: t("name"), bio: t("bioEn"), skills: t("skills"), website: t("website") };
  return (
    <section className="panel" aria-labelledby="profile-title">
      <h2 id="profile-title">{t("title")}</h2>
      <form className="stack" onSubmit={save} noValidate>
        <MutationErrors errors={[...update.errors, ...consent.errors]} labels={labels} />
        {update.failure ? <ErrorNotice error={update.failure} /> : null}
        {consent.failure ? <ErrorNotice error={consent.failure} /> : null}
        <TextField
          label={t("name")}
          value={name}
          error={fieldError(update.errors, "name")}
          onChange={(event) => setName(event.target.value)}
        />
        <div className="field">
          <label htmlFor="bio-en">{t("bioEn")}</label>
          <textarea id="bio-en" lang="en" value={bioEn} onChange={(event) => setBioEn(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="bio-el">{t("bioEl")}</label>
          <textarea id="bio-el" lang="el" value={bioEl} onChange={(event) => setBioEl(event.target.value)} />
        </div>
        <TextField
          label={t("skills")}
          hint={t("skillsHint")}
          value={skills}
          error={fieldError(update.errors, "skills")}
          onChange={(event) => setSkills(event.target.value)}
        />
        <TextField
          label={t("website")}
          type="url"
          value={website}
          error={fieldError(update.errors, "website")}
          onChange={(event) => setWebsite(event.target.value)}
        />
        <fieldset>
          <legend>{t("visibility")}</legend>
          <div className="checks">
            <label>
              <input type="checkbox" checked={isPublic} onChange={() => setIsPublic(!isPublic)} />
              {t("public")}
            </label>
          </div>
          <p className="hint">{t("publicHint")}</p>
          <div className="checks">
            {PROFILE_FIELDS.map((field) => (
              <label key={field}>
                <input
                  type="checkbox"
                  disabled={!isPublic}
                  checked={isPublic && fields.includes(field)}
                  onChange={() =>
                    setFields((chosen) =>
                      chosen.includes(field) ? chosen.filter((f) => f !== field) : [...chosen, field],
                    )
                  }
                />
                {t(field)}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <button type="submit" disabled={update.working || consent.working}>
            {t("save")}
          </button>
        </div>
        {saved ? (
          <p className="status success" role="status">
            {t("saved")}
            {isPublic ? (
              <>
                {" "}
                <Link to={`/people/${encodeURIComponent(profile.id)}`}>{t("view")}</Link>
              </>
            ) : null}
          </p>
        ) : null}
      </form>
    </section>
  );
}
