import { BrowserRouter, Route, Routes } from "react-router-dom";

import { Layout } from "./components/Layout";
import { LanguageProvider } from "./i18n";
import { AccountPage } from "./pages/AccountPage";
import { Analytics } from "./pages/Analytics";
import { ChallengePage } from "./pages/ChallengePage";
import { Challenges } from "./pages/Challenges";
import { ConsortiumBuilder } from "./pages/ConsortiumBuilder";
import { Explorer } from "./pages/Explorer";
import { FundingCallPage } from "./pages/FundingCallPage";
import { FundingCalls } from "./pages/FundingCalls";
import { Home } from "./pages/Home";
import { JudgeConsole } from "./pages/JudgeConsole";
import { NotFound } from "./pages/NotFound";
import { OrganisationPage } from "./pages/OrganisationPage";
import { OrganiserDashboard } from "./pages/OrganiserDashboard";
import { PersonPage } from "./pages/PersonPage";
import { PilotProjects } from "./pages/PilotProjects";
import { SignIn } from "./pages/SignIn";
import { SignUp } from "./pages/SignUp";
import { SessionProvider } from "./session";

// Keep in step with hub/frontend.py's PAGE_ROUTES: the hub answers these paths with the app.
export function App() {
  return (
    <LanguageProvider>
      <SessionProvider>
        <BrowserRouter>
          <Routes>
            <Route element={<Layout />}>
              <Route index element={<Home />} />
              <Route path="organisations/:id" element={<OrganisationPage />} />
              <Route path="people/:id" element={<PersonPage />} />
              <Route path="calls" element={<FundingCalls />} />
              <Route path="calls/:id" element={<FundingCallPage />} />
              <Route path="calls/:id/consortium" element={<ConsortiumBuilder />} />
              <Route path="challenges" element={<Challenges />} />
              <Route path="challenges/:id" element={<ChallengePage />} />
              <Route path="challenges/:id/judge" element={<JudgeConsole />} />
              <Route path="challenges/:id/organise" element={<OrganiserDashboard />} />
              <Route path="pilots" element={<PilotProjects />} />
              <Route path="explorer" element={<Explorer />} />
              <Route path="analytics" element={<Analytics />} />
              <Route path="sign-in" element={<SignIn />} />
              <Route path="sign-up" element={<SignUp />} />
              <Route path="account" element={<AccountPage />} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </LanguageProvider>
  );
}
