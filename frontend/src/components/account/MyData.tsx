// A person's own data: download it as JSON, or erase it (typed confirmation).
import { useState } from "react";
import type { FormEvent } from "react";
import { useNavigate } from "react-router-dom";

import { ApiError, gql } from "../../api";
import { defineMessages, useMessages } from "../../i18n";
import { useSession } from "../../session";
import { ErrorNotice, MutationErrors } from "../Status";
import { TextField } from "../TextField";
import { useMutation } from "./useMutation";

const messages = defineMessages({
  en: {
    title: "My data",
    exportIntro: "Download everything the hub holds about you, as a JSON file.",
    export: "Download my data",
    eraseIntro:
      "Erasing removes your account and personal data for good. Challenge history stays, without your name.",
    confirm: "Type ERASE to confirm",
    erase: "Erase my account and data",
  },
  el: {
    title: "Τα δεδομένα μου",
    exportIntro: "Κατεβάστε όλα όσα κρατά ο κόμβος για εσάς, σε αρχείο JSON.",
    export: "Λήψη των δεδομένων μου",
    eraseIntro:
      "Η διαγραφή αφαιρεί οριστικά τον λογαριασμό και τα προσωπικά σας δεδομένα. Το ιστορικό διαγωνισμών μένει, χωρίς το όνομά σας.",
    confirm: "Πληκτρολογήστε ERASE για επιβεβαίωση",
    erase: "Διαγραφή λογαριασμού και δεδομένων",
  },
});

const EXPORT = `query ExportMine($id: ID!) { exportPersonData(personId: $id) }`;
const ERASE = `mutation EraseMine($id: ID!) { erasePerson(personId: $id) { ok errors { code field message } } }`;
const CONFIRMATION = "ERASE";

export function MyData({ personId }: { personId: string }) {
  const t = useMessages(messages);
  const navigate = useNavigate();
  const { refresh } = useSession();
  const erase = useMutation<{ ok: boolean; errors: [] }>(ERASE, "erasePerson");
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [typed, setTyped] = useState("");

  async function download() {
    setFailure(null);
    try {
      const data = await gql<{ exportPersonData: unknown }>(EXPORT, { id: personId });
      const blob = new Blob([JSON.stringify(data.exportPersonData, null, 2)], {
        type: "application/json",
      });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "my-hub-data.json";
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (error) {
      setFailure(error as ApiError);
    }
  }

  async function eraseAll(event: FormEvent) {
    event.preventDefault();
    if (await erase.run({ id: personId })) {
      await refresh();
      navigate("/");
    }
  }

  return (
    <section className="panel" aria-labelledby="data-title">
      <h2 id="data-title">{t("title")}</h2>
      {failure ? <ErrorNotice error={failure} /> : null}
      <p>{t("exportIntro")}</p>
      <p>
        <button type="button" className="secondary" onClick={() => void download()}>
          {t("export")}
        </button>
      </p>
      <form className="stack" onSubmit={eraseAll}>
        <p>{t("eraseIntro")}</p>
        <MutationErrors errors={erase.errors} />
        {erase.failure ? <ErrorNotice error={erase.failure} /> : null}
        <TextField label={t("confirm")} value={typed} onChange={(event) => setTyped(event.target.value)} />
        <div>
          <button type="submit" className="danger" disabled={typed !== CONFIRMATION || erase.working}>
            {t("erase")}
          </button>
        </div>
      </form>
    </section>
  );
}
