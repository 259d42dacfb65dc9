//! The root component: state, router, and the frame around every page.

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes, A};
use leptos_router::path;

use crate::components::drop_zone::DropZone;
use crate::components::share_link::{provide_fragment_share, SharePanel};
use crate::components::status::{SaveIndicator, StorageBanner, ToastHost};
use crate::pages::{
    account::{
        expansion::AccountExpansion, health::AccountHealth, overview::AccountOverview,
        plan::AccountPlanTab, qbr::AccountQbrTab, qualify::AccountQualifyTab,
        renewal::AccountRenewal, save_plan::AccountSavePlan, AccountPage,
    },
    data::DataPage,
    new_account::NewAccountPage,
    not_found::NotFound,
    portfolio::PortfolioPage,
    renewals::RenewalsPage,
    settings::SettingsPage,
};
use crate::state::AppState;

#[component]
pub fn App() -> impl IntoView {
    crate::derived::Derived::provide(AppState::provide());
    let share = provide_fragment_share();
    view! {
        <Router>
            <DropZone>
                <header class="topbar">
                    <A href="/" attr:class="brand">
                        <span class="brand-mark" aria-hidden="true">"◆"</span>
                        " Account Planner"
                    </A>
                    <nav class="mainnav" aria-label="Main">
                        <A href="/" exact=true>"Portfolio"</A>
                        <A href="/renewals">"Renewals"</A>
                        <A href="/white-space">"White space"</A>
                        <A href="/practice">"Practice"</A>
                        <A href="/data">"Data"</A>
                        <A href="/settings">"Settings"</A>
                    </nav>
                    <SaveIndicator/>
                </header>
                <StorageBanner/>
                <main id="main">
                    <SharePanel/>
                    // While a shared account is shown, it takes the place of the page.
                    <div class="routed" hidden=move || share.is_showing()>
                    <Routes fallback=|| view! { <NotFound/> }>
                        <Route path=path!("/") view=PortfolioPage/>
                        <Route path=path!("/accounts/new") view=NewAccountPage/>
                        <ParentRoute path=path!("/accounts/:id") view=AccountPage>
                            <Route path=path!("") view=AccountOverview/>
                            <Route path=path!("health") view=AccountHealth/>
                            <Route path=path!("stakeholders") view=crate::pages::account::stakeholders::StakeholdersTab/>
                            <Route path=path!("renewal") view=AccountRenewal/>
                            <Route path=path!("expansion") view=AccountExpansion/>
                            <Route path=path!("save-plan") view=AccountSavePlan/>
                            <Route path=path!("white-space") view=crate::pages::account::white_space::AccountWhiteSpace/>
                            <Route path=path!("commitments") view=crate::pages::account::commitments::AccountCommitments/>
                            <Route path=path!("escalations") view=crate::pages::account::escalations::AccountEscalations/>
                            <Route path=path!("plan") view=AccountPlanTab/>
                            <Route path=path!("qbr") view=AccountQbrTab/>
                            <Route path=path!("qualify") view=AccountQualifyTab/>
                        </ParentRoute>
                        <Route path=path!("/renewals") view=RenewalsPage/>
                        <Route path=path!("/white-space") view=crate::pages::white_space::WhiteSpacePage/>
                        <Route path=path!("/settings") view=SettingsPage/>
                        <Route path=path!("/data") view=DataPage/>
                        <ParentRoute path=path!("/practice") view=crate::pages::practice::PracticePage>
                            <Route path=path!("") view=crate::pages::practice::home::PracticeHome/>
                            <Route path=path!("review") view=crate::pages::practice::review::PracticeReview/>
                            <Route path=path!("questions") view=crate::pages::practice::questions::PracticeQuestions/>
                            <Route path=path!("mock") view=crate::pages::practice::mock::PracticeMock/>
                            <Route path=path!("drill") view=crate::pages::practice::drill::PracticeDrill/>
                            <Route path=path!("reset") view=crate::pages::practice::reset::PracticeReset/>
                        </ParentRoute>
                    </Routes>
                    </div>
                </main>
                <ToastHost/>
            </DropZone>
        </Router>
    }
}
