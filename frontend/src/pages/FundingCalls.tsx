// TODO(session 3): being built.
import { Page } from "../components/Page";

export function FundingCalls() {
  return <Page title="FundingCalls" />;
}
