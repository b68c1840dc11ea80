// TODO(session 3): being built.
import { Page } from "../components/Page";

export function PersonPage() {
  return <Page title="PersonPage" />;
}
