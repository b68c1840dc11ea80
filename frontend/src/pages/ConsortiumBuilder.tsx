// TODO(session 3): being built.
import { Page } from "../components/Page";

export function ConsortiumBuilder() {
  return <Page title="ConsortiumBuilder" />;
}
