// TODO(session 3): being built.
import { Page } from "../components/Page";

export function Explorer() {
  return <Page title="Explorer" />;
}
