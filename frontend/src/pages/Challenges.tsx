// TODO(session 3): being built.
import { Page } from "../components/Page";

export function Challenges() {
  return <Page title="Challenges" />;
}
