// TODO(session 3): being built.
import { Page } from "../components/Page";

export function ChallengePage() {
  return <Page title="ChallengePage" />;
}
