// What came of a form's action: its refusals, a failure of the request, or a confirmation.
import { ErrorNotice } from "../Status";
import { Refusals } from "./common";
import type { Action } from "./useAction";

export function ActionStatus({
  action,
  done,
  labels,
}: {
  action: Action;
  done?: string | null;
  labels?: Record<string, string>;
}) {
  return (
    <>
      <Refusals errors={action.errors} labels={labels} />
      {action.failure ? <ErrorNotice error={action.failure} /> : null}
      {done ? (
        <p className="status success" role="status">
          {done}
        </p>
      ) : null}
    </>
  );
}
