// The judging rubric: criteria with a weight and a score range, set until judging opens.
import { useState } from "react";
import type { FormEvent } from "react";

import { defineMessages, useFormats, useMessages } from "../../i18n";
import { Empty } from "../Status";
import { ActionStatus } from "./ActionStatus";
import { ERROR_FIELDS } from "./common";
import type { ChallengeError, ChallengeDetails, Criterion } from "./common";
import { useAction } from "./useAction";

const messages = defineMessages({
  en: {
    heading: "Judging rubric",
    caption: "Criteria the judges score, with their weights and ranges",
    name: "Criterion",
    weight: "Weight",
    minimum: "Lowest score",
    maximum: "Highest score",
    remove: "Remove",
    add: "Add a criterion",
    save: "Save the rubric",
    saved: "The rubric is saved.",
    locked: "The rubric is fixed once judging opens.",
    none: "No criteria yet.",
    needName: "Criterion {row}: give it a name.",
    badWeight: "Criterion {row}: the weight must be a number above 0.",
    badRange: "Criterion {row}: the lowest score must be a whole number below the highest.",
    row: "criterion {row}",
  },
  el: {
    heading: "Κριτήρια αξιολόγησης",
    caption: "Τα κριτήρια που βαθμολογούν οι κριτές, με τα βάρη και τα εύρη τους",
    name: "Κριτήριο",
    weight: "Βάρος",
    minimum: "Κατώτατη βαθμολογία",
    maximum: "Ανώτατη βαθμολογία",
    remove: "Αφαίρεση",
    add: "Προσθήκη κριτηρίου",
    save: "Αποθήκευση κριτηρίων",
    saved: "Τα κριτήρια αποθηκεύτηκαν.",
    locked: "Τα κριτήρια δεν αλλάζουν μετά την έναρξη της αξιολόγησης.",
    none: "Δεν υπάρχουν ακόμη κριτήρια.",
    needName: "Κριτήριο {row}: δώστε όνομα.",
    badWeight: "Κριτήριο {row}: το βάρος πρέπει να είναι αριθμός πάνω από 0.",
    badRange: "Κριτήριο {row}: η κατώτατη βαθμολογία πρέπει να είναι ακέραιος μικρότερος από την ανώτατη.",
    row: "κριτήριο {row}",
  },
});

const OPEN = ["DRAFT", "PUBLISHED", "REGISTRATION", "SUBMISSION"];
const SET_RUBRIC = `mutation SetRubric($id: ID!, $criteria: [CriterionInput!]!) {
  setChallengeRubric(challengeId: $id, criteria: $criteria) { ok ${ERROR_FIELDS} }
}`;

interface Row {
  name: string;
  weight: string;
  minimum: string;
  maximum: string;
  key: string;
}

function rowOf(criterion: Criterion): Row {
  return {
    key: criterion.key,
    name: criterion.name,
    weight: String(criterion.weight),
    minimum: String(criterion.minimum),
    maximum: String(criterion.maximum),
  };
}

function keyOf(name: string, index: number): string {
  const slug = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
  return slug || `criterion_${index + 1}`;
}

export function RubricEditor({ details, onSaved }: { details: ChallengeDetails; onSaved: () => void }) {
  const t = useMessages(messages);
  const { number } = useFormats();
  const action = useAction();
  const [rows, setRows] = useState<Row[]>(() => details.rubric.map(rowOf));
  const [saved, setSaved] = useState(false);
  const editable = OPEN.includes(details.phase);
  const setRow = (index: number, patch: Partial<Row>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const problems: ChallengeError[] = [];
    rows.forEach((row, index) => {
      const values = { row: index + 1 };
      const minimum = Number(row.minimum);
      const maximum = Number(row.maximum);
      if (!row.name.trim()) problems.push({ code: "REQUIRED", field: null, message: t("needName", values) });
      if (!(Number(row.weight) > 0)) problems.push({ code: "INVALID", field: null, message: t("badWeight", values) });
      if (!Number.isInteger(minimum) || !Number.isInteger(maximum) || minimum >= maximum)
        problems.push({ code: "INVALID", field: null, message: t("badRange", values) });
    });
    if (problems.length > 0) {
      action.setErrors(problems);
      return;
    }
    const used = new Set<string>();
    const criteria = rows.map((row, index) => {
      let key = row.key || keyOf(row.name, index);
      while (used.has(key)) key = `${key}_${index + 1}`;
      used.add(key);
      return {
        key,
        name: row.name.trim(),
        weight: Number(row.weight),
        minimum: Number(row.minimum),
        maximum: Number(row.maximum),
      };
    });
    if (await action.run(SET_RUBRIC, { id: details.id, criteria }, "setChallengeRubric")) {
      setSaved(true);
      onSaved();
    }
  }

  if (!editable) {
    return (
      <section aria-labelledby="organise-rubric" className="panel">
        <h2 id="organise-rubric">{t("heading")}</h2>
        <p className="hint">{t("locked")}</p>
        {details.rubric.length === 0 ? (
          <Empty>{t("none")}</Empty>
        ) : (
          <ul>
            {details.rubric.map((criterion) => (
              <li key={criterion.key}>
                {criterion.name}: {t("weight")} {number(criterion.weight, 2)}, {number(criterion.minimum)}–
                {number(criterion.maximum)}
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  }
  return (
    <section aria-labelledby="organise-rubric" className="panel">
      <h2 id="organise-rubric">{t("heading")}</h2>
      <form noValidate onSubmit={(event) => void save(event)}>
        <ActionStatus action={action} done={saved ? t("saved") : null} />
        {rows.length === 0 ? <Empty>{t("none")}</Empty> : null}
        {rows.length > 0 ? (
          <table className="rubric-table">
            <caption>{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("weight")}</th>
                <th scope="col">{t("minimum")}</th>
                <th scope="col">{t("maximum")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("remove")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => {
                const which = t("row", { row: index + 1 });
                return (
                  <tr key={index}>
                    <td>
                      <input
                        aria-label={`${t("name")}, ${which}`}
                        value={row.name}
                        onChange={(e) => setRow(index, { name: e.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        aria-label={`${t("weight")}, ${which}`}
                        type="number"
                        min={0}
                        step="any"
                        value={row.weight}
                        onChange={(e) => setRow(index, { weight: e.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        aria-label={`${t("minimum")}, ${which}`}
                        type="number"
                        step={1}
                        value={row.minimum}
                        onChange={(e) => setRow(index, { minimum: e.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        aria-label={`${t("maximum")}, ${which}`}
                        type="number"
                        step={1}
                        value={row.maximum}
                        onChange={(e) => setRow(index, { maximum: e.target.value })}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => setRows((current) => current.filter((_, i) => i !== index))}
                      >
                        {t("remove")}
                        <span className="visually-hidden">: {row.name || which}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
        <div className="actions-row">
          <button
            type="button"
            className="secondary"
            onClick={() => setRows((current) => [...current, { key: "", name: "", weight: "1", minimum: "1", maximum: "5" }])}
          >
            {t("add")}
          </button>
          <button type="submit" disabled={action.busy || rows.length === 0}>
            {t("save")}
          </button>
        </div>
      </form>
    </section>
  );
}
