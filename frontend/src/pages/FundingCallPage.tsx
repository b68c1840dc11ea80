// TODO(session 3): being built.
import { Page } from "../components/Page";

export function FundingCallPage() {
  return <Page title="FundingCallPage" />;
}
