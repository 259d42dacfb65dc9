//! The root component: state, router, and the frame around every page: the skip link,
//! the main navigation, and after each navigation the page's title, its announcement and
//! focus on its heading (docs/accessibility.md).

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use leptos_router::components::{ParentRoute, Route, Router, Routes, A};
use leptos_router::hooks::use_location;
use leptos_router::{path, Lazy, LazyRoute};
use wasm_bindgen::JsCast;

use crate::components::drop_zone::DropZone;
use crate::components::share_link::{provide_fragment_share, FragmentShare, SharePanel};
use crate::components::status::{SaveIndicator, StorageBanner, ToastHost};
use crate::domain::AccountId;
use crate::pages::{account::AccountPage, not_found::NotFound, portfolio::PortfolioPage};
use crate::state::{use_app, AppState};

/// Starts the planner. A stored workspace needs the documents' reader first, code fetched
/// on demand (docs/build.md): its fetch starts at once, and the app starts once it is here.
/// If it cannot be fetched, the planner says so and does not start, so nothing is read or
/// written. A first visit (nothing stored: the demo) starts without it; it is fetched when
/// first needed (a file imported, another tab's save taken in: `AppState::sync_now`).
/// The writer, code fetched on demand as well, is asked for at once on every visit: the
/// app starts without it, and a save waits for it (`AppState::save_now`).
pub fn start() {
    // Leptos' executor starts with the first mount: before it, the browser's own.
    wasm_bindgen_futures::spawn_local(async {
        let _ = crate::state::fetch_writer().await;
    });
    if crate::storage::local::holds_workspace() {
        wasm_bindgen_futures::spawn_local(async {
            let _ = crate::state::fetch_reader().await;
        });
    }
    // The frame's paint first (docs/build.md#the-first-paint): on a first visit the app's
    // start is one long task, and a paint not yet recorded when the frame is taken away
    // would not count.
    crate::browser::after_first_paint(SHELL_WAIT_MS, start_when_readable);
}

/// Mounts the app once what is stored can be read. Asked again here, in the task that
/// reads storage: another tab may have saved since the start looked.
fn start_when_readable() {
    // Offline use and the "new version" notice, beside the app on every page.
    let mount = || {
        CODE_IS_NEW.set(!crate::components::new_version::controlled());
        crate::browser::measure_scrollbar_gutter();
        remove_shell();
        leptos::mount::mount_to_body(App);
        crate::browser::next_task(|| {
            leptos::mount::mount_to_body(crate::components::new_version::NewVersion)
        });
        after_start();
    };
    if !crate::storage::local::holds_workspace() {
        // A first visit: the demo is built in two tasks of its own, and the app mounted in
        // the next (the frame stays shown in between), so none of them keeps the page busy
        // as long as all would (docs/build.md, "A first visit's long tasks").
        crate::state::build_demo_ahead(crate::browser::today(), mount);
        return;
    }
    if crate::storage::READER.is_here() {
        mount();
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match crate::state::fetch_reader().await {
            Ok(()) => mount(),
            Err(_) => {
                remove_shell();
                leptos::mount::mount_to_body(NotStarted);
                leptos::mount::mount_to_body(crate::components::new_version::NewVersion);
            }
        }
    });
}

thread_local! {
    /// Whether this visit runs code the browser has not compiled yet: a visit the service
    /// worker does not serve (the first, or one without the worker). Decided when the app
    /// mounts (the worker may take charge during a first visit).
    static CODE_IS_NEW: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// Whether the app's code is compiled as it first runs in this visit. Chromium compiles a
/// module's functions on their first call, and keeps the compiled code of a module served
/// from the service worker's cache, so a visit the worker serves compiles nothing
/// (docs/build.md, "A first visit's long tasks"). A first drawing is cut into tasks
/// ([`Later`], the portfolio's parts) only while this is true: on a visit the worker serves,
/// cutting would only put off what is drawn.
pub fn code_is_new() -> bool {
    CODE_IS_NEW.get()
}

/// A while after the start, what a later page needs is made ready, so the first one opened
/// does not wait for it:
/// - the stylesheet of the pages loaded on demand (docs/build.md#styles-on-demand), on
///   every visit (the portfolio then prints with its print rules, the last of that file);
/// - on a visit served by the service worker (every module in its cache), the module of the
///   account tab every account opens on, fetched and linked. Nothing is downloaded for it:
///   on a first visit (no worker yet) it comes when an account is first opened.
///
/// A failure changes nothing and is not shown: a page that needs either asks again and says
/// why it cannot open.
fn after_start() {
    // Decided once, at the mount (`code_is_new`): a visit the worker does not serve.
    let served_by_worker = !code_is_new();
    set_timeout(
        move || {
            wasm_bindgen_futures::spawn_local(async {
                let _ = crate::browser::later_styles().await;
            });
            if served_by_worker {
                wasm_bindgen_futures::spawn_local(async {
                    // No page of the group is asked for: the module is only loaded.
                    let _ = account_overview(u32::MAX).await;
                });
            }
        },
        std::time::Duration::from_millis(WARM_AFTER_MS),
    );
}

/// How long after the start `after_start` makes later pages ready (ms): after the
/// first visit's long tasks (the start, the first layout, the first save) on a slow phone.
const WARM_AFTER_MS: u64 = 2000;

/// How long the start waits for the frame of `index.html` to be painted, at most (ms).
const SHELL_WAIT_MS: f64 = 100.0;

/// Takes away the frame `index.html` paints while the code loads (docs/build.md#the-first-paint),
/// in the same task as the mount that replaces it: no frame is painted in between.
fn remove_shell() {
    if let Some(shell) = document().get_element_by_id("app-shell") {
        shell.remove();
    }
}

/// In place of the planner when a workspace is stored and the documents' reader could not
/// be fetched.
#[component]
fn NotStarted() -> impl IntoView {
    view! {
        <main id="main" class="page not-started">
            <h1>"The planner could not start"</h1>
            <p>"The part of the planner that reads your saved workspace did not load, \
                most likely because the connection dropped. \
                Nothing was changed: your data is still in this browser."</p>
            <p>"Reload the page once you are online."</p>
            <button class="btn btn-primary" on:click=|_| { let _ = window().location().reload(); }>"Reload"</button>
        </main>
    }
}

#[component]
pub fn App() -> impl IntoView {
    crate::derived::Derived::provide(AppState::provide());
    let share = provide_fragment_share();
    // True while a navigation waits for its page (a page loaded on demand, docs/build.md).
    let (routing, set_routing) = signal(false);
    view! {
        <Router set_is_routing=set_routing>
            <DropZone>
                <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
                <Later>
                    <crate::components::hash_scroll::HashScroll/>
                    <RouteAnnouncer share=share routing=routing/>
                </Later>
                <header class="topbar">
                    <A href="/" attr:class="brand">
                        <span class="brand-mark" aria-hidden="true">"◆"</span>
                        " Account Planner"
                    </A>
                    <nav class="mainnav" aria-label="Main">
                        <A href="/week">"This week"</A>
                        <A href="/" exact=true>"Portfolio"</A>
                        <A href="/renewals">"Renewals"</A>
                        <A href="/white-space">"White space"</A>
                        <A href="/kpis">"KPIs"</A>
                        <A href="/practice">"Practice"</A>
                        <A href="/data">"Data"</A>
                        <A href="/settings">"Settings"</A>
                    </nav>
                    <SaveIndicator/>
                </header>
                <StorageBanner/>
                <Main>
                    <SharePanel/>
                    // While a shared account is shown, it takes the place of the page.
                    <div class="routed" hidden=move || share.is_showing()>
                    <Routes fallback=|| view! { <NotFound/> }>
                        <Route path=path!("/") view=PortfolioPage/>
                        <Route path=path!("/accounts/new") view={Lazy::<NewAccount>::new()}/>
                        <ParentRoute path=path!("/accounts/:id") view=AccountPage>
                            <Route path=path!("") view={Lazy::<Overview>::new()}/>
                            <Route path=path!("health") view={Lazy::<Health>::new()}/>
                            <Route path=path!("stakeholders") view={Lazy::<Stakeholders>::new()}/>
                            <Route path=path!("renewal") view={Lazy::<Renewal>::new()}/>
                            <Route path=path!("expansion") view={Lazy::<Expansion>::new()}/>
                            <Route path=path!("save-plan") view={Lazy::<SavePlan>::new()}/>
                            <Route path=path!("white-space") view={Lazy::<AccountWhiteSpace>::new()}/>
                            <Route path=path!("commitments") view={Lazy::<Commitments>::new()}/>
                            <Route path=path!("escalations") view={Lazy::<Escalations>::new()}/>
                            <Route path=path!("plan") view={Lazy::<Plan>::new()}/>
                            <Route path=path!("qbr") view={Lazy::<Qbr>::new()}/>
                            <Route path=path!("qualify") view={Lazy::<Qualify>::new()}/>
                        </ParentRoute>
                        <Route path=path!("/week") view={Lazy::<Week>::new()}/>
                        <Route path=path!("/renewals") view={Lazy::<Renewals>::new()}/>
                        <Route path=path!("/white-space") view={Lazy::<WhiteSpace>::new()}/>
                        <Route path=path!("/kpis") view={Lazy::<Kpis>::new()}/>
                        <Route path=path!("/settings") view={Lazy::<Settings>::new()}/>
                        <Route path=path!("/data") view={Lazy::<Data>::new()}/>
                        <ParentRoute path=path!("/practice") view={Lazy::<Practice>::new()}>
                            <Route path=path!("") view={Lazy::<PracticeHome>::new()}/>
                            <Route path=path!("review") view={Lazy::<PracticeReview>::new()}/>
                            <Route path=path!("questions") view={Lazy::<PracticeQuestions>::new()}/>
                            <Route path=path!("mock") view={Lazy::<PracticeMock>::new()}/>
                            <Route path=path!("drill") view={Lazy::<PracticeDrill>::new()}/>
                            <Route path=path!("reset") view={Lazy::<PracticeReset>::new()}/>
                        </ParentRoute>
                    </Routes>
                    </div>
                </Main>
                <Later><ToastHost/></Later>
            </DropZone>
        </Router>
    }
}

/// Draws its children in the task after the one that draws it (`browser::next_task`) when
/// the code is new to the browser ([`code_is_new`]), else at once: the parts of the app's
/// frame that show nothing at the start (the route announcer, the link-to-section
/// scrolling, the toast's place), so the start's task runs less code for the first time (docs/build.md, "A first
/// visit's long tasks").
#[component]
fn Later(children: ChildrenFn) -> impl IntoView {
    let here = RwSignal::new(!code_is_new());
    if !here.get_untracked() {
        crate::browser::next_task(move || {
            let _ = here.try_set(true);
        });
    }
    move || here.get().then(|| children())
}

/// Pages whose code loads on first opening (docs/build.md). Each group below becomes one
/// wasm module: `$load` is the function the build cuts out (with the `split` feature;
/// without it the same function runs at once, so tests and an unsplit build take the same
/// path through the router), and each `$route` is a route's view, `$n` its page in the
/// group. A page is drawn once the stylesheet of the pages loaded on demand is here too.
/// Few groups keep the number of modules small (each mix of groups sharing some code is a
/// module of its own). A module or the stylesheet that cannot be fetched shows
/// [`PageNotLoaded`]; the next opening tries again.
macro_rules! lazy_pages {
    ($($load:ident { $($n:literal => $route:ident => $page:path,)* })*) => {$(
        $(
            struct $route;

            impl LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                async fn view(_: Self) -> AnyView {
                    // The pages' stylesheet is asked for beside the code, and the page
                    // drawn once both are here (docs/build.md#styles-on-demand).
                    let styles = crate::browser::later_styles();
                    match ($load($n).await, styles.await) {
                        (Ok(page), Ok(())) => page,
                        _ => view! { <PageNotLoaded/> }.into_any(),
                    }
                }
            }
        )*

        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($load, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $load(page: u32) -> Result<AnyView, SplitLoaderError> {
            Ok(lazy_pages!(@page page { $($n => $page,)* }))
        }

        #[cfg(not(feature = "split"))]
        async fn $load(page: u32) -> Result<AnyView, SplitLoaderError> {
            Ok(lazy_pages!(@page page { $($n => $page,)* }))
        }
    )*};
    // The view of page `$which` of a group.
    (@page $which:ident { $($n:literal => $page:path,)* }) => {
        match $which {
            $($n => {
                use $page as Page;
                view! { <Page/> }.into_any()
            })*
            _ => ().into_any(),
        }
    };
}

/// In place of a page whose module could not be fetched (no connection on a first visit,
/// or the site updated under a page without the service worker). Nothing is lost: the
/// workspace is as it was, and saving goes on.
#[component]
fn PageNotLoaded() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"This page could not be loaded"</h1>
            <p>"Its part of the planner did not arrive, most likely because the connection dropped. \
                Your data is safe in this browser. Open the page again, or reload the planner once you are online."</p>
            <button class="btn btn-primary" on:click=|_| { let _ = window().location().reload(); }>"Reload"</button>
        </section>
    }
}

lazy_pages! {
    // The account pages in four groups, each fetched when one of its tabs is first opened:
    // the tab every account opens on comes sooner (docs/build.md, "Where the split is declared").
    account_overview {
        0 => NewAccount => crate::pages::new_account::NewAccountPage,
        1 => Overview => crate::pages::account::overview::AccountOverview,
        2 => Health => crate::pages::account::health::AccountHealth,
    }
    account_stakeholders { 0 => Stakeholders => crate::pages::account::stakeholders::StakeholdersTab, }
    account_commercial {
        0 => Renewal => crate::pages::account::renewal::AccountRenewal,
        1 => Expansion => crate::pages::account::expansion::AccountExpansion,
        2 => SavePlan => crate::pages::account::save_plan::AccountSavePlan,
        3 => AccountWhiteSpace => crate::pages::account::white_space::AccountWhiteSpace,
        4 => Commitments => crate::pages::account::commitments::AccountCommitments,
        5 => Escalations => crate::pages::account::escalations::AccountEscalations,
    }
    account_plans {
        0 => Plan => crate::pages::account::plan::AccountPlanTab,
        1 => Qbr => crate::pages::account::qbr::AccountQbrTab,
        2 => Qualify => crate::pages::account::qualify::AccountQualifyTab,
    }
    week_page { 0 => Week => crate::pages::week::WeekPage, }
    renewals_page { 0 => Renewals => crate::pages::renewals::RenewalsPage, }
    white_space_page { 0 => WhiteSpace => crate::pages::white_space::WhiteSpacePage, }
    kpis_page { 0 => Kpis => crate::pages::kpis::KpisPage, }
    settings_page { 0 => Settings => crate::pages::settings::SettingsPage, }
    data_page { 0 => Data => crate::pages::data::DataPage, }
    practice_pages {
        0 => Practice => crate::pages::practice::PracticePage,
        1 => PracticeHome => crate::pages::practice::home::PracticeHome,
        2 => PracticeReview => crate::pages::practice::review::PracticeReview,
        3 => PracticeQuestions => crate::pages::practice::questions::PracticeQuestions,
        4 => PracticeMock => crate::pages::practice::mock::PracticeMock,
        5 => PracticeDrill => crate::pages::practice::drill::PracticeDrill,
        6 => PracticeReset => crate::pages::practice::reset::PracticeReset,
    }
}

/// The skip link: focus goes to the page's main region (the router is not asked to
/// navigate to the fragment).
fn skip_to_main(ev: web_sys::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document()
        .get_element_by_id("main")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}

/// What the page at `path` is called: the tab title before " · Account Planner", and
/// what is announced when it is reached. `account` gives an account's name by id.
pub fn page_title(path: &str, account: impl Fn(AccountId) -> Option<String>) -> String {
    let parts: Vec<&str> = path
        .trim_matches('/')
        .split('/')
        .filter(|p| !p.is_empty())
        .collect();
    let tab_label = |tabs: &[(&str, &str)], key: &str| {
        tabs.iter()
            .find(|(k, _)| *k == key)
            .map(|(_, l)| l.to_string())
    };
    let found = match parts.as_slice() {
        [] => Some("Portfolio".to_string()),
        ["accounts", "new"] => Some("New account".to_string()),
        ["accounts", id, rest @ ..] if rest.len() <= 1 => {
            let name = id.parse::<u32>().ok().map(AccountId).and_then(&account);
            let tab = tab_label(
                crate::pages::account::TABS,
                rest.first().copied().unwrap_or(""),
            );
            match (name, tab) {
                (Some(name), Some(tab)) => Some(format!("{name} · {tab}")),
                _ => None,
            }
        }
        ["week"] => Some("This week".to_string()),
        ["renewals"] => Some("Renewals".to_string()),
        ["white-space"] => Some("White space".to_string()),
        ["kpis"] => Some("KPIs".to_string()),
        ["data"] => Some("Data".to_string()),
        ["settings"] => Some("Settings".to_string()),
        ["practice"] => Some("Practice".to_string()),
        ["practice", "review"] => Some("Review · Practice".to_string()),
        ["practice", sub] => tab_label(crate::pages::practice::TABS, &format!("/practice/{sub}"))
            .map(|l| format!("{l} · Practice")),
        _ => None,
    };
    found.unwrap_or_else(|| "Page not found".to_string())
}

/// The part of a path within which moving keeps focus where it is: one account's tabs, the
/// practice sections. Moving between tabs leaves focus on the tab that was chosen.
fn section_of(path: &str) -> Option<String> {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    match parts.as_slice() {
        ["accounts", id, ..] if *id != "new" => Some(format!("accounts/{id}")),
        ["practice", ..] => Some("practice".to_string()),
        _ => None,
    }
}

/// Puts keyboard focus on the new page's main heading (or the main region when it has
/// none), without scrolling past it. A page loaded on demand (docs/build.md) appears a
/// moment after the address changed: while the router is still `routing`, this waits one
/// frame at a time, for at most about five seconds. If the user puts the focus somewhere
/// meanwhile (a click on one of the new page's tabs), it stays there: `was` is where it
/// was when the address changed.
fn focus_main_heading(routing: ReadSignal<bool>, frames_left: u32, was: Option<web_sys::Element>) {
    if crate::browser::focus_moved_from(&was) {
        return;
    }
    if routing.get_untracked() && frames_left > 0 {
        // One frame more once it is done: the page is put in place after that.
        request_animation_frame(move || {
            if routing.get_untracked() {
                focus_main_heading(routing, frames_left - 1, was)
            } else {
                request_animation_frame(move || focus_main_heading(routing, 0, was))
            }
        });
        return;
    }
    let doc = document();
    let target = doc
        .query_selector("main .routed h1")
        .ok()
        .flatten()
        .or_else(|| doc.get_element_by_id("main"));
    if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        if !el.has_attribute("tabindex") {
            let _ = el.set_attribute("tabindex", "-1");
        }
        let _ = el.focus();
    }
}

/// The page's place. While the portfolio is shown it is wider (`main.wide`), for the
/// table's ten columns. The page says so (`WidePage::claim`), not a rule looking into the
/// page: a `main:has(...)` rule cost every change inside the page a search of its whole
/// subtree (docs/build.md). Nor the address: a page whose code is still coming leaves the
/// one before it shown, and that page would change width meanwhile. The first drawing
/// takes the address, as the frame of `index.html` does.
#[component]
fn Main(children: Children) -> impl IntoView {
    let wide = RwSignal::new(use_location().pathname.with_untracked(|p| p == "/"));
    provide_context(WidePage(wide));
    view! { <main id="main" tabindex="-1" class:wide=move || wide.get()>{children()}</main> }
}

/// Whether the page shown takes the wider `main`.
#[derive(Clone, Copy)]
pub struct WidePage(RwSignal<bool>);

impl WidePage {
    /// Called by a page that needs the wider `main`: wide for as long as it is shown.
    pub fn claim() {
        if let Some(WidePage(wide)) = use_context::<WidePage>() {
            wide.set(true);
            on_cleanup(move || wide.set(false));
        }
    }
}

/// After each navigation: the tab title names the page ("Acme · Health · Account
/// Planner"), a polite live region announces it, and focus moves to its main heading
/// (kept on the chosen tab when moving between an account's tabs). The first load only
/// sets the title. While a shared account is shown, it names the tab itself.
#[component]
fn RouteAnnouncer(share: FragmentShare, routing: ReadSignal<bool>) -> impl IntoView {
    let app = use_app();
    let location = use_location();
    let message = RwSignal::new(String::new());
    let last_path = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        let path = location.pathname.get();
        if share.is_showing() {
            return;
        }
        let title = page_title(&path, |id| {
            app.ws
                .with(|w| w.account(id).map(|a| a.fields.name.clone()))
        });
        document().set_title(&format!("{title} · Account Planner"));
        let previous = last_path.get_value();
        if previous.as_deref() == Some(path.as_str()) {
            return;
        }
        last_path.set_value(Some(path.clone()));
        if let Some(previous) = previous {
            message.set(title);
            if section_of(&previous).is_none() || section_of(&previous) != section_of(&path) {
                let was = crate::browser::focus_now();
                request_animation_frame(move || focus_main_heading(routing, 300, was));
            }
        }
    });
    view! {
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" id="route-announcer">{message}</div>
    }
}
