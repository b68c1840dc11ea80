// TODO(session 3): being built.
import { Page } from "../components/Page";

export function Analytics() {
  return <Page title="Analytics" />;
}
